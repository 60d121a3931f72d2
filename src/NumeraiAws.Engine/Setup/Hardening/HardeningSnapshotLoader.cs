using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.S3.Model;
using NumeraiAws.Engine.Clients.Account;
using NumeraiAws.Engine.Clients.Budgets;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.S3Control;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// Wires a <see cref="HardeningSnapshot"/> to AWS. Nothing is read here: each part reads on first use, so
    /// -CheckId runs only the calls its checks need. No part makes a call per IAM user.
    /// </summary>
    internal static class HardeningSnapshotLoader
    {
        /// <summary>GetAccountAuthorizationDetails page size: IAM's maximum, so a thousand users are one page.</summary>
        private const int AuthorizationPageSize = 1000;

        public static HardeningSnapshot Load(AwsConnection connection, ISetupHost host)
        {
            var iam = new IamClient(connection);
            var snapshot = new HardeningSnapshot();
            snapshot.Identity = SnapshotPart<CallerIdentity>.Lazy(() =>
            {
                var identity = IdentityService.Get(connection);
                return new CallerIdentity { AccountId = identity.Account, Arn = identity.Arn, IsRoot = identity.IsRoot, Partition = identity.Partition };
            });
            snapshot.AccountSummary = SnapshotPart<IReadOnlyDictionary<string, int>>.Lazy(iam.GetAccountSummary);
            snapshot.CredentialReport = SnapshotPart<CredentialReport>.Lazy(() => CredentialReportLoader.Load(iam, host));
            snapshot.Authorization = SnapshotPart<IamAccountAuthorizationDetails>.Lazy(() =>
                iam.GetAccountAuthorizationDetails(new[] { "User", "Group", "LocalManagedPolicy" }, AuthorizationPageSize));
            snapshot.PasswordPolicy = SnapshotPart<IamPasswordPolicy>.Lazy(iam.TryGetAccountPasswordPolicy);
            snapshot.AssignedVirtualMfaDevices = SnapshotPart<IReadOnlyList<IamVirtualMfaDevice>>.Lazy(() => iam.ListVirtualMfaDevices("Assigned"));
            snapshot.AlternateContacts = SnapshotPart<IReadOnlyDictionary<AlternateContactType, AlternateContact>>.Lazy(() =>
            {
                var account = new AccountClient(connection);
                var contacts = new Dictionary<AlternateContactType, AlternateContact>();
                foreach (var type in new[] { AlternateContactType.Security, AlternateContactType.Billing, AlternateContactType.Operations })
                    contacts[type] = account.GetAlternateContact(type);
                return contacts;
            });
            snapshot.SupportRoles = SnapshotPart<IReadOnlyList<string>>.Lazy(() =>
            {
                var arn = NumeraiConventions.AwsManagedPolicyArn(snapshot.Identity.Value.Partition, "AWSSupportAccess");
                return iam.ListEntitiesForPolicy(arn, "Role").Roles.Select(r => r.Name).ToList();
            });
            snapshot.AccountPublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Lazy(() =>
                new S3ControlClient(connection).GetPublicAccessBlock(snapshot.Identity.Value.AccountId));
            snapshot.Buckets = SnapshotPart<IReadOnlyList<BucketState>>.Lazy(() => ListBuckets(connection));
            snapshot.Budgets = SnapshotPart<IReadOnlyList<BudgetState>>.Lazy(() =>
            {
                var budgets = new BudgetsClient(connection);
                var accountId = snapshot.Identity.Value.AccountId;
                return budgets.DescribeBudgets(accountId).Select(b => new BudgetState
                {
                    Budget = b,
                    Notifications = SnapshotPart<IReadOnlyList<BudgetNotification>>.Lazy(() => budgets.DescribeNotificationsForBudget(accountId, b.BudgetName)),
                }).ToList();
            });
            return snapshot;
        }

        private static IReadOnlyList<BucketState> ListBuckets(AwsConnection connection)
        {
            var buckets = new List<BucketState>();
            string token = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                // MaxBuckets makes S3 page the listing and report each bucket's region.
                var request = new ListBucketsRequest { MaxBuckets = 1000, ContinuationToken = token };
                var response = connection.Call("S3", "ListBuckets", false, () => connection.S3.ListBucketsAsync(request));
                foreach (var bucket in response.Buckets ?? new List<S3Bucket>())
                    buckets.Add(BucketFor(connection, bucket.BucketName, bucket.BucketRegion));
                token = string.IsNullOrEmpty(response.ContinuationToken) ? null : response.ContinuationToken;
                if (token != null && !seen.Add(token))
                    throw new NumeraiAwsException(ErrorKind.InvalidResult, "AwsPaginationLoop",
                        "S3 ListBuckets returned the same continuation token twice; the listing was stopped to avoid an endless loop.");
            } while (token != null);
            return buckets;
        }

        internal static BucketState BucketFor(AwsConnection connection, string name, string region)
        {
            var s3 = connection.S3For(region);
            T Read<T>(string operation, Func<System.Threading.Tasks.Task<T>> call) => connection.Call("S3", operation, false, call);
            return new BucketState
            {
                Name = name,
                Region = region,
                PublicAccessBlock = SnapshotPart<PublicAccessBlockSettings>.Lazy(() =>
                {
                    try
                    {
                        var c = Read("GetPublicAccessBlock", () => s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = name }))
                            .PublicAccessBlockConfiguration;
                        if (c == null) return null;
                        return new PublicAccessBlockSettings
                        {
                            BlockPublicAcls = c.BlockPublicAcls == true,
                            IgnorePublicAcls = c.IgnorePublicAcls == true,
                            BlockPublicPolicy = c.BlockPublicPolicy == true,
                            RestrictPublicBuckets = c.RestrictPublicBuckets == true,
                        };
                    }
                    catch (AwsServiceException e) when (e.ErrorCode == "NoSuchPublicAccessBlockConfiguration") { return null; }
                }),
                Policy = SnapshotPart<string>.Lazy(() =>
                {
                    try
                    {
                        var response = Read("GetBucketPolicy", () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = name }));
                        // The SDK returns S3's 404 for this operation instead of throwing, with the XML error
                        // document as the "policy": read the code from it.
                        if ((int)response.HttpStatusCode >= 300)
                        {
                            var error = ErrorBodies.ParseXml(System.Text.Encoding.UTF8.GetBytes(response.Policy ?? ""));
                            if (error.Code == "NoSuchBucketPolicy") return null;
                            throw new AwsServiceException("S3", "GetBucketPolicy", error.Code, error.Message, response.HttpStatusCode,
                                error.RequestId ?? response.ResponseMetadata?.RequestId);
                        }
                        return string.IsNullOrWhiteSpace(response.Policy) ? null : response.Policy;
                    }
                    catch (AwsServiceException e) when (e.ErrorCode == "NoSuchBucketPolicy") { return null; }
                }),
                ObjectOwnership = SnapshotPart<string>.Lazy(() =>
                {
                    try
                    {
                        var rules = Read("GetBucketOwnershipControls", () => s3.GetBucketOwnershipControlsAsync(new GetBucketOwnershipControlsRequest { BucketName = name }))
                            .OwnershipControls?.Rules;
                        return rules?.Select(r => r.ObjectOwnership?.Value).FirstOrDefault(v => v != null);
                    }
                    catch (AwsServiceException e) when (e.ErrorCode == "OwnershipControlsNotFoundError") { return null; }
                }),
                EnabledLifecycleRules = SnapshotPart<int>.Lazy(() =>
                {
                    try
                    {
                        var rules = Read("GetLifecycleConfiguration", () => s3.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = name }))
                            .Configuration?.Rules;
                        return rules?.Count(r => r.Status?.Value == "Enabled") ?? 0;
                    }
                    catch (AwsServiceException e) when (e.ErrorCode == "NoSuchLifecycleConfiguration") { return 0; }
                }),
                Versioning = SnapshotPart<string>.Lazy(() =>
                {
                    var status = Read("GetBucketVersioning", () => s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = name }))
                        .VersioningConfig?.Status?.Value;
                    return string.IsNullOrEmpty(status) || status == "Off" ? null : status;
                }),
                Tags = SnapshotPart<IReadOnlyDictionary<string, string>>.Lazy(() =>
                {
                    try
                    {
                        var tags = Read("GetBucketTagging", () => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = name })).TagSet;
                        return Clients.TagMaps.From((tags ?? new List<Tag>()).Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));
                    }
                    catch (AwsServiceException e) when (e.ErrorCode == "NoSuchTagSet") { return new Dictionary<string, string>(); }
                }),
            };
        }
    }

    /// <summary>
    /// Gets a current credential report: asks IAM to generate one (IAM reuses a report younger than four hours),
    /// then polls with growing pauses, within a bound, until it can be read. ReportInProgress means "wait";
    /// ReportNotPresent and ReportExpired mean "generate again".
    /// </summary>
    internal static class CredentialReportLoader
    {
        public static TimeSpan DefaultBound = TimeSpan.FromSeconds(120);
        private const string Activity = "Waiting for the IAM credential report";

        public static CredentialReport Load(IamClient iam, ISetupHost host, TimeSpan? bound = null)
        {
            var deadline = DateTime.UtcNow + (bound ?? DefaultBound);
            var pause = TimeSpan.FromMilliseconds(250);
            var state = iam.GenerateCredentialReport();
            try
            {
                while (true)
                {
                    if (string.Equals(state, "COMPLETE", StringComparison.OrdinalIgnoreCase))
                    {
                        try
                        {
                            var report = iam.GetCredentialReport();
                            return CredentialReport.Parse(report.Content, report.GeneratedTime);
                        }
                        catch (AwsServiceException e) when (e.ErrorCode == "ReportInProgress") { }
                        catch (AwsServiceException e) when (e.ErrorCode == "ReportNotPresent" || e.ErrorCode == "ReportExpired") { state = null; }
                    }
                    if (DateTime.UtcNow + pause > deadline)
                        throw new NumeraiAwsException(ErrorKind.OperationTimeout, "CredentialReportTimeout",
                            $"IAM did not finish the credential report within {(bound ?? DefaultBound).TotalSeconds:0} s.",
                            "Run Test-NumeraiAccountHardening again in a minute: IAM keeps generating the report meanwhile.");
                    host.Progress(Activity, "IAM is generating the credential report", -1);
                    if (host.Cancellation.WaitHandle.WaitOne(pause)) throw new OperationCanceledException(host.Cancellation);
                    pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 4000));
                    // GenerateCredentialReport doubles as the status poll: it answers STARTED, INPROGRESS or COMPLETE.
                    state = iam.GenerateCredentialReport();
                }
            }
            finally
            {
                host.ProgressDone(Activity);
            }
        }
    }
}
