using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Account;
using NumeraiAws.Engine.Clients.Budgets;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.S3Control;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Hardening;
using Xunit;
using static NumeraiAws.Engine.Tests.Hardening.Snapshots;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>Every check both ways: the hardened snapshot passes it, and one change makes it fail (or warn).</summary>
    public sealed class HardeningChecksTests
    {
        private static List<HardeningFinding> Run(HardeningSnapshot snapshot, string checkId) =>
            HardeningAuditService.Evaluate(snapshot, new[] { checkId }).ToList();

        private static HardeningFinding Single(HardeningSnapshot snapshot, string checkId) => Assert.Single(Run(snapshot, checkId));

        [Fact]
        public void TheHardenedAccountPassesEveryCheck()
        {
            var findings = HardeningAuditService.Evaluate(Hardened(), C.Ids);
            Assert.All(findings, f => Assert.Equal(HardeningStatus.Pass, f.Status));
            Assert.Equal(C.Ids.OrderBy(i => i), findings.Select(f => f.CheckId).Distinct().OrderBy(i => i));
        }

        [Fact]
        public void EveryCheckIsWiredAndHasReferencesButTheCostOne()
        {
            Assert.Equal(C.Ids.OrderBy(i => i), HardeningAuditService.Checks.Keys.OrderBy(i => i));
            Assert.All(C.All.Where(d => d.Id != C.CostBudgetWithAlert), d => Assert.NotEmpty(d.References));
            Assert.Equal(24, C.All.Count);
        }

        [Fact]
        public void FindingCarriesTitleSeverityAndReferences()
        {
            var snapshot = Hardened();
            snapshot.AccountSummary = SnapshotPart<IReadOnlyDictionary<string, int>>.Of(new Dictionary<string, int> { ["AccountMFAEnabled"] = 0, ["AccountAccessKeysPresent"] = 0 });
            var finding = Single(snapshot, C.RootMfaEnabled);
            Assert.Equal(HardeningStatus.Fail, finding.Status);
            Assert.Equal(HardeningSeverity.Critical, finding.Severity);
            Assert.Equal("MFA is enabled for the root user", finding.Title);
            Assert.Equal(new[] { "CIS 1.4", "IAM.9" }, finding.References);
            Assert.Equal("arn:aws:iam::123456789012:root", finding.Resource);
            Assert.NotNull(finding.Remediation);
            Assert.Null(finding.RemediationCommand);
        }

        [Fact]
        public void RootAccessKeysFail()
        {
            var snapshot = Hardened();
            snapshot.AccountSummary = SnapshotPart<IReadOnlyDictionary<string, int>>.Of(new Dictionary<string, int> { ["AccountMFAEnabled"] = 1, ["AccountAccessKeysPresent"] = 1 });
            Assert.Equal(HardeningStatus.Fail, Single(snapshot, C.RootNoAccessKeys).Status);
            Assert.Equal(new[] { "CIS 1.3", "IAM.4" }, Single(snapshot, C.RootNoAccessKeys).References);
        }

        [Fact]
        public void VirtualRootMfaIsAWarningAndOnlyReadInTheAwsPartition()
        {
            var snapshot = Hardened();
            snapshot.AssignedVirtualMfaDevices = SnapshotPart<IReadOnlyList<IamVirtualMfaDevice>>.Of(new[]
            {
                new IamVirtualMfaDevice { SerialNumber = $"arn:aws:iam::{AccountId}:mfa/root-account-mfa-device", User = new IamUser { Arn = $"arn:aws:iam::{AccountId}:root" } },
            });
            var finding = Single(snapshot, C.RootHardwareMfa);
            Assert.Equal(HardeningStatus.Warning, finding.Status);
            Assert.Contains("root-account-mfa-device", finding.Detail);

            snapshot.Identity = SnapshotPart<CallerIdentity>.Of(new CallerIdentity { AccountId = AccountId, Arn = "arn:aws-cn:iam::1:user/x", Partition = "aws-cn" });
            Assert.Equal(HardeningStatus.Manual, Single(snapshot, C.RootHardwareMfa).Status);
        }

        [Fact]
        public void NoRootMfaAtAllWarnsTheHardwareCheck()
        {
            var snapshot = Hardened();
            snapshot.AccountSummary = SnapshotPart<IReadOnlyDictionary<string, int>>.Of(new Dictionary<string, int> { ["AccountMFAEnabled"] = 0, ["AccountAccessKeysPresent"] = 0 });
            Assert.Equal(HardeningStatus.Warning, Single(snapshot, C.RootHardwareMfa).Status);
        }

        [Theory]
        [InlineData("N/A", "N/A", "no_information", HardeningStatus.Pass)]
        [InlineData("N/A", "N/A", null, HardeningStatus.Pass)]           // password used 200 days ago
        [InlineData(null, "N/A", "no_information", HardeningStatus.Fail)] // key 1 used 10 days ago
        [InlineData("N/A", null, "no_information", HardeningStatus.Fail)] // key 2 used 10 days ago
        [InlineData("N/A", "N/A", "recent", HardeningStatus.Warning)]     // password used 10 days ago
        public void RootUseInTheLast90DaysFailsForKeysAndWarnsForThePassword(string key1Used, string key2Used, string passwordUsed, HardeningStatus expected)
        {
            var snapshot = Hardened();
            SetUsers(snapshot, Row(CredentialReport.RootUserName,
                passwordLastUsed: passwordUsed == "recent" ? DaysAgo(10) : passwordUsed ?? DaysAgo(200),
                key1: key1Used == null, key1Rotated: DaysAgo(300), key1Used: key1Used ?? DaysAgo(10),
                key2: key2Used == null, key2Rotated: DaysAgo(300), key2Used: key2Used ?? DaysAgo(10), mfa: true));
            Assert.Equal(expected, Single(snapshot, C.RootNotRecentlyUsed).Status);
        }

        [Fact]
        public void AReportWithoutARootRowIsManual()
        {
            var snapshot = Hardened();
            SetUsers(snapshot, Row("someone"));
            var finding = Single(snapshot, C.RootNotRecentlyUsed);
            Assert.Equal(HardeningStatus.Manual, finding.Status);
            Assert.Contains("<root_account>", finding.Detail);
        }

        [Fact]
        public void RunningAsRootFails()
        {
            var snapshot = Hardened();
            snapshot.Identity = SnapshotPart<CallerIdentity>.Of(new CallerIdentity { AccountId = AccountId, Arn = $"arn:aws:iam::{AccountId}:root", IsRoot = true, Partition = "aws" });
            Assert.Equal(HardeningStatus.Fail, Single(snapshot, C.CallerNotRoot).Status);
        }

        [Fact]
        public void AMissingSecurityContactFailsAndOtherMissingContactsWarn()
        {
            var snapshot = Hardened();
            snapshot.AlternateContacts = SnapshotPart<IReadOnlyDictionary<AlternateContactType, AlternateContact>>.Of(new Dictionary<AlternateContactType, AlternateContact>
            {
                [AlternateContactType.Security] = null,
                [AlternateContactType.Billing] = new AlternateContact { EmailAddress = "b@example.com" },
                [AlternateContactType.Operations] = null,
            });
            var findings = Run(snapshot, C.AlternateContactsSet);
            Assert.Equal(HardeningStatus.Fail, findings.Single(f => f.Resource == "SECURITY").Status);
            Assert.Equal(HardeningStatus.Pass, findings.Single(f => f.Resource == "BILLING").Status);
            Assert.Equal(HardeningStatus.Warning, findings.Single(f => f.Resource == "OPERATIONS").Status);
            Assert.Equal("SECURITY", findings[0].Resource);   // worst first
        }

        [Fact]
        public void AdminUserMustExistInAnAdministratorAccessGroupAndHaveMfa()
        {
            var snapshot = Hardened();
            Assert.Contains("numerai-admin", Single(snapshot, C.AdminUserWithMfa).Detail);

            SetUsers(snapshot, Row("numerai-admin", password: true, passwordLastUsed: DaysAgo(1), mfa: false), Row("numerai-analyst", password: true, passwordLastUsed: DaysAgo(1), mfa: true));
            var noMfa = Single(snapshot, C.AdminUserWithMfa);
            Assert.Equal(HardeningStatus.Fail, noMfa.Status);
            Assert.Contains("have no MFA", noMfa.Detail);

            var details = snapshot.Authorization.Value;
            details.Groups[0].AttachedPolicies.Clear();
            var noAdmin = Single(snapshot, C.AdminUserWithMfa);
            Assert.Equal(HardeningStatus.Fail, noAdmin.Status);
            Assert.StartsWith("No group has AdministratorAccess", noAdmin.Detail);
        }

        [Fact]
        public void NoRoleWithSupportAccessFails()
        {
            var snapshot = Hardened();
            snapshot.SupportRoles = SnapshotPart<IReadOnlyList<string>>.Of(new string[0]);
            var finding = Single(snapshot, C.SupportRoleExists);
            Assert.Equal(HardeningStatus.Fail, finding.Status);
            Assert.Equal("arn:aws:iam::aws:policy/AWSSupportAccess", finding.Resource);
            Assert.Equal(new[] { "CIS 1.16", "IAM.18" }, finding.References);
        }

        [Fact]
        public void EachConsoleUserWithoutMfaIsAFindingAndPassingUsersAreSummedUp()
        {
            var snapshot = Hardened();
            SetUsers(snapshot,
                Row("a", password: true, passwordLastUsed: DaysAgo(1), mfa: false),
                Row("b", password: true, passwordLastUsed: DaysAgo(1), mfa: true),
                Row("c", password: false, mfa: false),
                Row("d", password: true, passwordLastUsed: DaysAgo(1), mfa: false));
            var findings = Run(snapshot, C.ConsoleUsersHaveMfa);
            Assert.Equal(new[] { "a", "d" }, findings.Select(f => f.Resource));
            Assert.All(findings, f => Assert.Equal(HardeningStatus.Fail, f.Status));

            SetUsers(snapshot, Row("b", password: true, passwordLastUsed: DaysAgo(1), mfa: true), Row("c"));
            var pass = Single(snapshot, C.ConsoleUsersHaveMfa);
            Assert.Equal(HardeningStatus.Pass, pass.Status);
            Assert.Equal("all IAM users", pass.Resource);
            Assert.Equal("All 1 IAM user(s) with a console password have MFA.", pass.Detail);
        }

        [Fact]
        public void CredentialsUnusedFor45DaysFailNewOnesDoNot()
        {
            var snapshot = Hardened();
            SetUsers(snapshot,
                Row("stale-password", password: true, passwordLastUsed: DaysAgo(46), passwordChanged: DaysAgo(300), mfa: true),
                Row("never-used-old", password: true, passwordLastUsed: "no_information", passwordChanged: DaysAgo(50), mfa: true),
                Row("never-used-new", password: true, passwordLastUsed: "no_information", passwordChanged: DaysAgo(5), mfa: true),
                Row("stale-key", key1: true, key1Rotated: DaysAgo(80), key1Used: DaysAgo(45)),
                Row("unused-key-old", key2: true, key2Rotated: DaysAgo(60), key2Used: "N/A"),
                Row("inactive-key", key1: false, key1Rotated: DaysAgo(300), key1Used: DaysAgo(200)),
                Row("fresh", password: true, passwordLastUsed: DaysAgo(44), mfa: true, key1: true, key1Rotated: DaysAgo(10), key1Used: "N/A"));
            var findings = Run(snapshot, C.CredentialsUnused45Days);
            Assert.Equal(new[] { "never-used-old", "stale-key", "stale-password", "unused-key-old" }, findings.Select(f => f.Resource));
            Assert.Contains("access key 2", findings.Single(f => f.Resource == "unused-key-old").Detail);
        }

        [Fact]
        public void ActiveKeysOlderThan90DaysFail()
        {
            var snapshot = Hardened();
            SetUsers(snapshot,
                Row("old", key1: true, key1Rotated: DaysAgo(90), key1Used: DaysAgo(1)),
                Row("old-inactive", key1: false, key1Rotated: DaysAgo(300)),
                Row("young", key2: true, key2Rotated: DaysAgo(89), key2Used: DaysAgo(1)));
            var finding = Single(snapshot, C.AccessKeysRotated90Days);
            Assert.Equal("old", finding.Resource);
            Assert.Equal(new[] { "CIS 1.13", "IAM.3" }, finding.References);
        }

        [Fact]
        public void TwoActiveKeysFail()
        {
            var snapshot = Hardened();
            SetUsers(snapshot,
                Row("two", key1: true, key1Rotated: DaysAgo(1), key1Used: DaysAgo(1), key2: true, key2Rotated: DaysAgo(1), key2Used: DaysAgo(1)),
                Row("one-and-inactive", key1: true, key1Rotated: DaysAgo(1), key1Used: DaysAgo(1), key2: false, key2Rotated: DaysAgo(1)));
            Assert.Equal("two", Single(snapshot, C.SingleActiveAccessKey).Resource);
        }

        [Fact]
        public void UsersWithAttachedOrInlinePoliciesFail()
        {
            var snapshot = Hardened();
            var users = snapshot.Authorization.Value.Users;
            users.Add(new IamUserDetail { UserName = "attached", AttachedPolicies = { new IamAttachedPolicy { PolicyName = "ReadOnlyAccess", PolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" } } });
            users.Add(new IamUserDetail { UserName = "inline", InlinePolicies = { new IamInlinePolicy { PolicyName = "mine", Document = "{}" } } });
            var findings = Run(snapshot, C.PermissionsThroughGroupsOnly);
            Assert.Equal(new[] { "attached", "inline" }, findings.Select(f => f.Resource));
            Assert.Equal("Has policies of its own (attached: ReadOnlyAccess).", findings[0].Detail);
        }

        [Fact]
        public void StarStarFailsWhenAttachedAndWarnsWhenNot()
        {
            var snapshot = Hardened();
            snapshot.Authorization.Value.Policies.Add(new IamManagedPolicyDetail
            {
                PolicyName = "god", Arn = $"arn:aws:iam::{AccountId}:policy/god", DefaultVersionId = "v2", AttachmentCount = 2,
                DefaultVersionDocument = @"{""Statement"":[{""Effect"":""Allow"",""Action"":[""*""],""Resource"":""*""}]}",
            });
            snapshot.Authorization.Value.Policies.Add(new IamManagedPolicyDetail
            {
                PolicyName = "spare", Arn = $"arn:aws:iam::{AccountId}:policy/spare", DefaultVersionId = "v1", AttachmentCount = 0,
                DefaultVersionDocument = @"{""Statement"":{""Effect"":""Allow"",""Action"":""*"",""Resource"":[""*""]}}",
            });
            var findings = Run(snapshot, C.NoFullAdminPolicies);
            Assert.Equal(2, findings.Count);
            Assert.Equal((HardeningStatus.Fail, $"arn:aws:iam::{AccountId}:policy/god"), (findings[0].Status, findings[0].Resource));
            Assert.Equal((HardeningStatus.Warning, $"arn:aws:iam::{AccountId}:policy/spare"), (findings[1].Status, findings[1].Resource));
        }

        [Fact]
        public void NoPasswordPolicyFailsAllThreePasswordChecks()
        {
            var snapshot = Hardened();
            snapshot.PasswordPolicy = SnapshotPart<IamPasswordPolicy>.Of(null);
            var findings = HardeningAuditService.Evaluate(snapshot, new[] { C.PasswordMinimumLength, C.PasswordReusePrevention, C.PasswordComplexity });
            Assert.Equal(3, findings.Count);
            Assert.All(findings, f => Assert.Equal(HardeningStatus.Fail, f.Status));
            Assert.All(findings, f => Assert.StartsWith("The account has no password policy", f.Detail));
            Assert.All(findings, f => Assert.Equal("Repair-NumeraiAccountHardening -CheckId " + f.CheckId, f.RemediationCommand));
        }

        [Fact]
        public void WeakPasswordPolicyFailsEachWeakness()
        {
            var snapshot = Hardened();
            snapshot.PasswordPolicy = SnapshotPart<IamPasswordPolicy>.Of(new IamPasswordPolicy
            {
                MinimumPasswordLength = 13, PasswordReusePrevention = 23, RequireLowercaseCharacters = true, RequireUppercaseCharacters = true, RequireNumbers = true,
            });
            Assert.Equal("Passwords need only 13 characters.", Single(snapshot, C.PasswordMinimumLength).Detail);
            Assert.Equal("Only the last 23 passwords are remembered.", Single(snapshot, C.PasswordReusePrevention).Detail);
            Assert.Equal("Passwords need no symbol.", Single(snapshot, C.PasswordComplexity).Detail);
            Assert.Equal(new[] { "IAM.7", "IAM.11", "IAM.12", "IAM.13", "IAM.14" }, Single(snapshot, C.PasswordComplexity).References);
        }

        [Fact]
        public void AccountBlockPublicAccessNotSetOrPartialFails()
        {
            var snapshot = Hardened();
            snapshot.AccountPublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Of(null);
            Assert.Equal("Account-level Block Public Access is not set.", Single(snapshot, C.S3AccountPublicAccessBlock).Detail);
            snapshot.AccountPublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Of(new PublicAccessBlockSettings { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true });
            var partial = Single(snapshot, C.S3AccountPublicAccessBlock);
            Assert.Equal(HardeningStatus.Fail, partial.Status);
            Assert.Equal("Account-level Block Public Access is incomplete (off: RestrictPublicBuckets).", partial.Detail);
            Assert.Equal("Repair-NumeraiAccountHardening -CheckId S3AccountPublicAccessBlock", partial.RemediationCommand);
        }

        [Fact]
        public void EachBucketIsCheckedAndOnlyManagedOnesGetARepairCommand()
        {
            var snapshot = Hardened();
            var managed = Bucket("numerai-data");
            managed.PublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Of(null);
            managed.Policy = SnapshotPart<string>.Of(null);
            managed.ObjectOwnership = SnapshotPart<string>.Of("ObjectWriter");
            managed.EnabledLifecycleRules = SnapshotPart<int>.Of(0);
            managed.Versioning = SnapshotPart<string>.Of("Suspended");
            var other = Bucket("someone-elses", managed: false);
            other.PublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Of(null);
            snapshot.Buckets = SnapshotPart<IReadOnlyList<BucketState>>.Of(new[] { managed, other, Bucket("fine", managed: false) });

            var pab = Run(snapshot, C.S3BucketPublicAccessBlock);
            Assert.Equal(new[] { ("numerai-data", HardeningStatus.Fail), ("someone-elses", HardeningStatus.Fail), ("fine", HardeningStatus.Pass) },
                pab.Select(f => (f.Resource, f.Status)));
            Assert.Equal("Repair-NumeraiAccountHardening -CheckId S3BucketPublicAccessBlock", pab[0].RemediationCommand);
            Assert.Null(pab[1].RemediationCommand);

            Assert.Equal("The bucket has no policy, so plain HTTP requests are allowed.", Run(snapshot, C.S3BucketTlsOnly)[0].Detail);
            Assert.Equal("Object Ownership is ObjectWriter, so ACLs are in effect.", Run(snapshot, C.S3BucketAclsDisabled)[0].Detail);
            Assert.Equal(HardeningStatus.Fail, Run(snapshot, C.S3BucketLifecycle)[0].Status);
            Assert.Equal("Versioning is Suspended.", Run(snapshot, C.S3BucketVersioning)[0].Detail);
        }

        [Fact]
        public void NoBucketsIsOnePass()
        {
            var snapshot = Hardened();
            snapshot.Buckets = SnapshotPart<IReadOnlyList<BucketState>>.Of(new BucketState[0]);
            var finding = Single(snapshot, C.S3BucketVersioning);
            Assert.Equal((HardeningStatus.Pass, "(no buckets)"), (finding.Status, finding.Resource));
        }

        [Fact]
        public void ABucketSettingThatCannotBeReadIsAnErrorForThatBucketOnly()
        {
            var snapshot = Hardened();
            var denied = Bucket("locked");
            denied.Policy = SnapshotPart<string>.Failed(AccessDenied("S3", "GetBucketPolicy"));
            snapshot.Buckets = SnapshotPart<IReadOnlyList<BucketState>>.Of(new[] { denied, Bucket("open") });
            var findings = Run(snapshot, C.S3BucketTlsOnly);
            Assert.Equal((HardeningStatus.Error, "locked"), (findings[0].Status, findings[0].Resource));
            Assert.Equal("Could not be evaluated: the caller is not allowed to perform s3:GetBucketPolicy.", findings[0].Detail);
            Assert.Equal((HardeningStatus.Pass, "open"), (findings[1].Status, findings[1].Resource));
        }

        [Fact]
        public void ABudgetWithoutAlertsOrNoBudgetFails()
        {
            var snapshot = Hardened();
            var budget = snapshot.Budgets.Value[0];
            Assert.Equal("numerai-monthly-cost", Single(snapshot, C.CostBudgetWithAlert).Resource);

            budget.Notifications = SnapshotPart<IReadOnlyList<BudgetNotification>>.Of(new BudgetNotification[0]);
            Assert.Equal(HardeningStatus.Fail, Single(snapshot, C.CostBudgetWithAlert).Status);

            snapshot.Budgets = SnapshotPart<IReadOnlyList<BudgetState>>.Of(new[]
            {
                new BudgetState { Budget = new BudgetDescription { BudgetName = "usage", BudgetType = "USAGE", TimeUnit = "MONTHLY" }, Notifications = budget.Notifications },
            });
            var none = Single(snapshot, C.CostBudgetWithAlert);
            Assert.Equal("The account has no monthly cost budget.", none.Detail);
            Assert.Equal("New-NumeraiBudget -LimitUsd <monthly limit> -Email <address>", none.RemediationCommand);
        }

        [Fact]
        public void ADeniedReadMakesItsChecksErrorsNamingThePermissionAndTheOthersStillRun()
        {
            var snapshot = Hardened();
            snapshot.CredentialReport = SnapshotPart<CredentialReport>.Failed(AccessDenied("IAM", "GenerateCredentialReport"));
            snapshot.SupportRoles = SnapshotPart<IReadOnlyList<string>>.Of(new string[0]);

            var findings = HardeningAuditService.Evaluate(snapshot, C.Ids);

            var errors = findings.Where(f => f.Status == HardeningStatus.Error).ToList();
            Assert.Equal(new[] { C.RootNotRecentlyUsed, C.AdminUserWithMfa, C.ConsoleUsersHaveMfa, C.CredentialsUnused45Days, C.AccessKeysRotated90Days, C.SingleActiveAccessKey }
                .OrderBy(i => i), errors.Select(e => e.CheckId).OrderBy(i => i));
            Assert.All(errors, e => Assert.Equal("Could not be evaluated: the caller is not allowed to perform iam:GenerateCredentialReport.", e.Detail));
            Assert.All(errors, e => Assert.Contains("iam:GenerateCredentialReport", e.Remediation));
            // Worst first: the one Fail, then the errors, then the passes.
            Assert.Equal(C.SupportRoleExists, findings[0].CheckId);
            Assert.Equal(HardeningStatus.Error, findings[1].Status);
            Assert.Equal(HardeningStatus.Pass, findings.Last().Status);
            Assert.Equal(findings.Count(f => f.Status == HardeningStatus.Pass), findings.Count - 7);
        }

        [Fact]
        public void FindingsAreSortedByStatusThenSeverity()
        {
            var sorted = HardeningAuditService.Sort(new[]
            {
                new HardeningFinding { CheckId = C.S3BucketVersioning, Status = HardeningStatus.Pass, Severity = HardeningSeverity.Low, Resource = "b" },
                new HardeningFinding { CheckId = C.RootHardwareMfa, Status = HardeningStatus.Warning, Severity = HardeningSeverity.Low, Resource = "r" },
                new HardeningFinding { CheckId = C.S3BucketLifecycle, Status = HardeningStatus.Fail, Severity = HardeningSeverity.Low, Resource = "b" },
                new HardeningFinding { CheckId = C.RootNotRecentlyUsed, Status = HardeningStatus.Manual, Severity = HardeningSeverity.High, Resource = "r" },
                new HardeningFinding { CheckId = C.CostBudgetWithAlert, Status = HardeningStatus.Error, Severity = HardeningSeverity.Medium, Resource = "a" },
                new HardeningFinding { CheckId = C.RootMfaEnabled, Status = HardeningStatus.Fail, Severity = HardeningSeverity.Critical, Resource = "r" },
            });
            Assert.Equal(new[] { C.RootMfaEnabled, C.S3BucketLifecycle, C.CostBudgetWithAlert, C.RootHardwareMfa, C.RootNotRecentlyUsed, C.S3BucketVersioning },
                sorted.Select(f => f.CheckId));
        }

        [Fact]
        public void CheckIdsResolveCaseInsensitivelyWithWildcardsAndUnknownOnesAreRejected()
        {
            System.Func<string, bool> Like(string pattern) => id => System.Text.RegularExpressions.Regex.IsMatch(id, "^" + pattern.Replace("*", ".*") + "$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.Equal(new[] { C.RootMfaEnabled }, C.Resolve(new[] { "rootmfaenabled" }, Like));
            Assert.Equal(new[] { C.PasswordMinimumLength, C.PasswordReusePrevention, C.PasswordComplexity }, C.Resolve(new[] { "Password*" }, Like));
            Assert.Equal(C.Ids, C.Resolve(null));
            var unknown = Assert.Throws<NumeraiAwsException>(() => C.Resolve(new[] { "NoSuchCheck" }, Like));
            Assert.Equal("UnknownCheckId", unknown.Reason);
            Assert.Equal(ErrorKind.InvalidArgument, unknown.Kind);
            Assert.Equal("UnknownCheckId", Assert.Throws<NumeraiAwsException>(() => C.Resolve(new[] { "Nothing*" }, Like)).Reason);
        }
    }
}
