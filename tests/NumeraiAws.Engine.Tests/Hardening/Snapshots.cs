using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using NumeraiAws.Engine.Clients.Account;
using NumeraiAws.Engine.Clients.Budgets;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.S3Control;
using NumeraiAws.Engine.Protocol;
using NumeraiAws.Engine.Setup.Hardening;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>
    /// AccountId snapshots for the check tests: <see cref="Hardened"/> passes every check; each test breaks one thing.
    /// Times are relative to a fixed "now", so ages are exact.
    /// </summary>
    internal static class Snapshots
    {
        public static readonly DateTime Now = new DateTime(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc);
        public const string AccountId = "123456789012";

        public static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss+00:00", System.Globalization.CultureInfo.InvariantCulture);
        public static string DaysAgo(int days) => Iso(Now.AddDays(-days));

        /// <summary>A credential report row; cells not given are the markers of an unused credential.</summary>
        public static string Row(string user, bool password = false, string passwordLastUsed = "N/A", string passwordChanged = "N/A", bool mfa = false,
            bool key1 = false, string key1Rotated = "N/A", string key1Used = "N/A", bool key2 = false, string key2Rotated = "N/A", string key2Used = "N/A",
            string created = null)
        {
            string B(bool b) => b ? "true" : "false";
            return string.Join(",", user, user == CredentialReport.RootUserName ? $"arn:aws:iam::{AccountId}:root" : $"arn:aws:iam::{AccountId}:user/{user}",
                created ?? DaysAgo(400), password ? "true" : (user == CredentialReport.RootUserName ? "not_supported" : "false"), passwordLastUsed, passwordChanged,
                "N/A", B(mfa), B(key1), key1Rotated, key1Used, "N/A", "N/A", B(key2), key2Rotated, key2Used, "N/A", "N/A", "false", "N/A", "false", "N/A");
        }

        public static CredentialReport Report(params string[] rows) =>
            CredentialReport.Parse(Encoding.UTF8.GetBytes(CredentialReportTests.Header + "\n" + string.Join("\n", rows) + "\n"), Now);

        public static HardeningSnapshot Hardened()
        {
            var adminGroup = new IamGroupDetail { GroupName = "Administrators", AttachedPolicies = { new IamAttachedPolicy { PolicyName = "AdministratorAccess", PolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess" } } };
            var analysts = new IamGroupDetail { GroupName = "numerai-analysts", AttachedPolicies = { new IamAttachedPolicy { PolicyName = "numerai-s3-bucket-access", PolicyArn = $"arn:aws:iam::{AccountId}:policy/numerai/numerai-s3-bucket-access" } } };
            return new HardeningSnapshot
            {
                Now = Now,
                Identity = SnapshotPart<CallerIdentity>.Of(new CallerIdentity { AccountId = AccountId, Arn = $"arn:aws:iam::{AccountId}:user/numerai-admin", IsRoot = false, Partition = "aws" }),
                AccountSummary = SnapshotPart<IReadOnlyDictionary<string, int>>.Of(new Dictionary<string, int> { ["AccountMFAEnabled"] = 1, ["AccountAccessKeysPresent"] = 0 }),
                CredentialReport = SnapshotPart<CredentialReport>.Of(Report(
                    Row(CredentialReport.RootUserName, passwordLastUsed: DaysAgo(200), mfa: true),
                    Row("numerai-admin", password: true, passwordLastUsed: DaysAgo(1), passwordChanged: DaysAgo(100), mfa: true, key1: true, key1Rotated: DaysAgo(30), key1Used: DaysAgo(0)),
                    Row("numerai-analyst", password: true, passwordLastUsed: DaysAgo(2), passwordChanged: DaysAgo(60), mfa: true))),
                Authorization = SnapshotPart<IamAccountAuthorizationDetails>.Of(new IamAccountAuthorizationDetails
                {
                    Users =
                    {
                        new IamUserDetail { UserName = "numerai-admin", GroupNames = { "Administrators" } },
                        new IamUserDetail { UserName = "numerai-analyst", GroupNames = { "numerai-analysts" } },
                    },
                    Groups = { adminGroup, analysts },
                    Policies =
                    {
                        new IamManagedPolicyDetail
                        {
                            PolicyName = "numerai-s3-bucket-access", Arn = $"arn:aws:iam::{AccountId}:policy/numerai/numerai-s3-bucket-access", DefaultVersionId = "v1", AttachmentCount = 1,
                            DefaultVersionDocument = @"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Action"":[""s3:GetObject"",""s3:PutObject""],""Resource"":""arn:aws:s3:::numerai-data/*""}]}",
                        },
                    },
                }),
                PasswordPolicy = SnapshotPart<IamPasswordPolicy>.Of(new IamPasswordPolicy
                {
                    MinimumPasswordLength = 14, PasswordReusePrevention = 24, RequireLowercaseCharacters = true, RequireUppercaseCharacters = true,
                    RequireNumbers = true, RequireSymbols = true, AllowUsersToChangePassword = true,
                }),
                AssignedVirtualMfaDevices = SnapshotPart<IReadOnlyList<IamVirtualMfaDevice>>.Of(new[]
                {
                    new IamVirtualMfaDevice { SerialNumber = $"arn:aws:iam::{AccountId}:mfa/numerai-admin", User = new IamUser { UserName = "numerai-admin", Arn = $"arn:aws:iam::{AccountId}:user/numerai-admin" } },
                }),
                AlternateContacts = SnapshotPart<IReadOnlyDictionary<AlternateContactType, AlternateContact>>.Of(new Dictionary<AlternateContactType, AlternateContact>
                {
                    [AlternateContactType.Security] = new AlternateContact { AlternateContactType = AlternateContactType.Security, EmailAddress = "security@example.com" },
                    [AlternateContactType.Billing] = new AlternateContact { AlternateContactType = AlternateContactType.Billing, EmailAddress = "billing@example.com" },
                    [AlternateContactType.Operations] = new AlternateContact { AlternateContactType = AlternateContactType.Operations, EmailAddress = "ops@example.com" },
                }),
                SupportRoles = SnapshotPart<IReadOnlyList<string>>.Of(new[] { "aws-support" }),
                AccountPublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Of(PublicAccessBlockSettings.AllOn()),
                Buckets = SnapshotPart<IReadOnlyList<BucketState>>.Of(new[] { Bucket("numerai-data") }),
                Budgets = SnapshotPart<IReadOnlyList<BudgetState>>.Of(new[]
                {
                    new BudgetState
                    {
                        Budget = new BudgetDescription { BudgetName = "numerai-monthly-cost", BudgetType = "COST", TimeUnit = "MONTHLY", LimitAmount = "50.0", LimitUnit = "USD" },
                        Notifications = SnapshotPart<IReadOnlyList<BudgetNotification>>.Of(new[]
                        {
                            new BudgetNotification { NotificationType = "ACTUAL", ComparisonOperator = "GREATER_THAN", Threshold = 80, ThresholdType = "PERCENTAGE" },
                        }),
                    },
                }),
            };
        }

        public static BucketState Bucket(string name, bool managed = true) => new BucketState
        {
            Name = name,
            Region = "us-east-1",
            PublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Of(PublicAccessBlockSettings.AllOn()),
            Policy = SnapshotPart<string>.Of(NumeraiAws.Engine.Setup.Bucket.BucketPolicyDocument.WithDenyInsecureTransport(null, "arn:aws:s3:::" + name)),
            ObjectOwnership = SnapshotPart<string>.Of("BucketOwnerEnforced"),
            EnabledLifecycleRules = SnapshotPart<int>.Of(1),
            Versioning = SnapshotPart<string>.Of("Enabled"),
            Tags = SnapshotPart<IReadOnlyDictionary<string, string>>.Of(managed
                ? new Dictionary<string, string> { ["numeraiaws:managed"] = "true", ["numeraiaws:component"] = "data-bucket" }
                : new Dictionary<string, string>()),
        };

        public static void SetUsers(HardeningSnapshot snapshot, params string[] rows) =>
            snapshot.CredentialReport = SnapshotPart<CredentialReport>.Of(Report(rows));

        public static AwsServiceException AccessDenied(string service, string operation) =>
            new AwsServiceException(service, operation, "AccessDenied", "User is not authorized", HttpStatusCode.Forbidden, "req-1");
    }
}
