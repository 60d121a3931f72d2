using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.S3.Model;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.S3Control;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;
using NumeraiAws.Engine.Setup.Bucket;
using NumeraiAws.Engine.Setup.Budget;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>A finding to repair, as the cmdlet read it from the pipeline (any object with these properties).</summary>
    public sealed class HardeningRepairItem
    {
        public string CheckId { get; set; }
        public string Resource { get; set; }
        /// <summary>Null when the input did not say; then the repair looks at the resource itself.</summary>
        public HardeningStatus? Status { get; set; }
    }

    /// <summary>The choices Repair-NumeraiAccountHardening leaves to its caller.</summary>
    public sealed class HardeningRepairRequest
    {
        /// <summary>Also make passwords expire after this many days (1-1095); null keeps the current setting.</summary>
        public int? MaxPasswordAgeDays { get; set; }
        /// <summary>With <see cref="BudgetEmail"/>: repair CostBudgetWithAlert through New-NumeraiBudget's logic.</summary>
        public decimal? BudgetLimitUsd { get; set; }
        public string BudgetEmail { get; set; }
    }

    /// <summary>
    /// Repairs what is safe to change without a person: the password policy (CIS grade, never weaker than it was),
    /// account-level Block Public Access, the buckets NumeraiAws manages (tag numeraiaws:managed=true; the Numerai
    /// data bucket through New-NumeraiBucket's service), and the monthly cost budget. Everything else (root MFA and keys,
    /// contacts, other people's buckets and users) comes back as Manual with the exact steps. Each change is read
    /// first and asked for through ShouldChange; findings that share a fix (three password checks, one policy)
    /// share one change. One instance serves one cmdlet invocation.
    /// </summary>
    public sealed class HardeningRepairSession
    {
        private readonly AwsConnection _connection;
        private readonly ISetupHost _host;
        private readonly HardeningRepairRequest _request;
        private readonly Dictionary<string, Outcome> _done = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        private readonly Dictionary<string, BucketState> _buckets = new Dictionary<string, BucketState>(StringComparer.Ordinal);
        private string _accountId;

        public const int MinimumPasswordAge = 1;
        public const int MaximumPasswordAge = 1095;

        /// <summary>Checks the request before any AWS call.</summary>
        public HardeningRepairSession(AwsConnection connection, ISetupHost host, HardeningRepairRequest request)
        {
            _connection = connection;
            _host = host;
            _request = request ?? new HardeningRepairRequest();
            Validate(_request);
        }

        public static void Validate(HardeningRepairRequest request)
        {
            if (request.MaxPasswordAgeDays.HasValue && (request.MaxPasswordAgeDays < MinimumPasswordAge || request.MaxPasswordAgeDays > MaximumPasswordAge))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidMaxPasswordAge",
                    $"{request.MaxPasswordAgeDays} days is not a password age IAM accepts.",
                    $"Give -MaxPasswordAgeDays a number of days from {MinimumPasswordAge} to {MaximumPasswordAge} (CIS suggests 90 at most), or leave it out.",
                    request.MaxPasswordAgeDays);
            if (request.BudgetLimitUsd.HasValue != !string.IsNullOrEmpty(request.BudgetEmail))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "BudgetParametersIncomplete",
                    "-BudgetLimitUsd and -BudgetEmail go together: the budget needs both a limit and an address for its alerts.",
                    "Give both (e.g. -BudgetLimitUsd 50 -BudgetEmail you@example.com) or neither.");
            if (request.BudgetLimitUsd.HasValue)
                BudgetService.Validate(new BudgetRequest { LimitUsd = request.BudgetLimitUsd.Value, Email = request.BudgetEmail });
        }

        /// <summary>Audits the given checks, then repairs every finding that is not Pass.</summary>
        public IEnumerable<HardeningRepairResult> RepairChecks(IReadOnlyList<string> checkIds, Func<string, Func<string, bool>> wildcard = null)
        {
            var ids = C.Resolve(checkIds, wildcard);
            var findings = HardeningAuditService.Evaluate(HardeningSnapshotLoader.Load(_connection, _host), ids, _host);
            foreach (var finding in findings.Where(f => f.Status != HardeningStatus.Pass))
                yield return Repair(new HardeningRepairItem { CheckId = finding.CheckId, Resource = finding.Resource, Status = finding.Status });
        }

        public HardeningRepairResult Repair(HardeningRepairItem item)
        {
            if (item == null) throw new ArgumentNullException(nameof(item));
            var checkId = C.Get(item.CheckId).Id;
            var resource = item.Resource;
            if (item.Status == HardeningStatus.Pass)
                return Result(checkId, resource, HardeningRepairStatus.Skipped, "Nothing to repair: the finding passed.");
            if (item.Status == HardeningStatus.Error)
                return Result(checkId, resource, HardeningRepairStatus.Skipped,
                    "Not repaired: the check could not be evaluated. Grant the permission its Detail names and run Test-NumeraiAccountHardening again.");

            switch (checkId)
            {
                case C.PasswordMinimumLength:
                case C.PasswordReusePrevention:
                case C.PasswordComplexity:
                    return Once(checkId, resource, "password-policy", RepairPasswordPolicy);
                case C.S3AccountPublicAccessBlock:
                    return Once(checkId, resource, "account-public-access-block", RepairAccountPublicAccessBlock);
                case C.S3BucketPublicAccessBlock:
                case C.S3BucketTlsOnly:
                case C.S3BucketAclsDisabled:
                case C.S3BucketLifecycle:
                case C.S3BucketVersioning:
                    if (string.IsNullOrEmpty(resource) || resource == StorageChecks.NoBuckets)
                        return Result(checkId, resource, HardeningRepairStatus.Skipped, "Nothing to repair: no bucket named.");
                    return RepairBucket(checkId, resource);
                case C.CostBudgetWithAlert:
                    if (!_request.BudgetLimitUsd.HasValue)
                        return Manual(checkId, resource, "Create the monthly cost budget (it needs your limit and address):",
                            "New-NumeraiBudget -LimitUsd <monthly limit in USD> -Email <address for the alerts>",
                            "or run Repair-NumeraiAccountHardening again with -BudgetLimitUsd and -BudgetEmail.");
                    return Once(checkId, resource, "budget", RepairBudget);
                default:
                    return ManualSteps.For(checkId, resource, _connection.Partition.Name);
            }
        }

        private HardeningRepairResult Once(string checkId, string resource, string key, Func<Outcome> repair)
        {
            if (!_done.TryGetValue(key, out var outcome))
            {
                outcome = repair();
                _done[key] = outcome;
            }
            return new HardeningRepairResult { CheckId = checkId, Resource = resource, Status = outcome.Status, Action = outcome.Action, Steps = outcome.Steps };
        }

        private Outcome RepairPasswordPolicy()
        {
            var iam = new IamClient(_connection);
            var current = iam.TryGetAccountPasswordPolicy();
            var desired = StrongerPasswordPolicy(current, _request.MaxPasswordAgeDays);
            var action = Describe(desired);
            if (SamePolicy(current, desired)) return new Outcome(HardeningRepairStatus.NoChange, "The password policy already is: " + action);
            if (!_host.ShouldChange("IAM account password policy", "Set the password policy: " + action))
                return new Outcome(HardeningRepairStatus.Skipped, "Would set the password policy: " + action);
            iam.UpdateAccountPasswordPolicy(desired);
            _host.Info("Set the password policy: " + action);
            return new Outcome(HardeningRepairStatus.Repaired, "Set the password policy: " + action);
        }

        /// <summary>The CIS-grade policy, keeping whatever the current one has that is stricter.</summary>
        internal static IamPasswordPolicy StrongerPasswordPolicy(IamPasswordPolicy current, int? maxPasswordAgeDays)
        {
            // IAM reports "never expires" as no value (emulators as 0); both mean no expiry.
            int? maxAge = current?.MaxPasswordAge > 0 ? current.MaxPasswordAge : null;
            if (maxPasswordAgeDays.HasValue) maxAge = maxAge.HasValue ? Math.Min(maxAge.Value, maxPasswordAgeDays.Value) : maxPasswordAgeDays;
            return new IamPasswordPolicy
            {
                MinimumPasswordLength = Math.Max(current?.MinimumPasswordLength ?? 0, PasswordPolicyChecks.MinimumLength),
                RequireSymbols = true,
                RequireNumbers = true,
                RequireUppercaseCharacters = true,
                RequireLowercaseCharacters = true,
                // Users who cannot change their own password end up sharing or reusing administrator-set ones.
                AllowUsersToChangePassword = true,
                MaxPasswordAge = maxAge,
                PasswordReusePrevention = Math.Max(current?.PasswordReusePrevention ?? 0, PasswordPolicyChecks.ReusePrevention),
                HardExpiry = current?.HardExpiry ?? false,
            };
        }

        private static bool SamePolicy(IamPasswordPolicy a, IamPasswordPolicy b) =>
            a != null && a.MinimumPasswordLength == b.MinimumPasswordLength && a.RequireSymbols == b.RequireSymbols
            && a.RequireNumbers == b.RequireNumbers && a.RequireUppercaseCharacters == b.RequireUppercaseCharacters
            && a.RequireLowercaseCharacters == b.RequireLowercaseCharacters && a.AllowUsersToChangePassword == b.AllowUsersToChangePassword
            && Positive(a.MaxPasswordAge) == Positive(b.MaxPasswordAge) && Positive(a.PasswordReusePrevention) == Positive(b.PasswordReusePrevention)
            && a.HardExpiry == b.HardExpiry;

        private static int? Positive(int? value) => value > 0 ? value : null;

        private static string Describe(IamPasswordPolicy p) =>
            $"at least {p.MinimumPasswordLength} characters with upper and lower case letters, numbers and symbols; the last {p.PasswordReusePrevention} passwords cannot be reused"
            + (p.MaxPasswordAge.HasValue ? $"; passwords expire after {p.MaxPasswordAge} days" : "")
            + "; users may change their own password.";

        private Outcome RepairAccountPublicAccessBlock()
        {
            var accountId = AccountId();
            var client = new S3ControlClient(_connection);
            var current = client.GetPublicAccessBlock(accountId);
            if (current != null && current.AllEnabled)
                return new Outcome(HardeningRepairStatus.NoChange, "All four account-level Block Public Access settings are already on.");
            const string action = "Turn on all four account-level S3 Block Public Access settings";
            if (!_host.ShouldChange($"S3 Block Public Access of account {accountId}", action))
                return new Outcome(HardeningRepairStatus.Skipped, "Would " + Lower(action) + ".");
            client.PutPublicAccessBlock(accountId, PublicAccessBlockSettings.AllOn());
            _host.Info(action + $" (account {accountId}).");
            return new Outcome(HardeningRepairStatus.Repaired, action + ".");
        }

        /// <remarks>
        /// The Numerai data bucket (tags numeraiaws:managed=true, numeraiaws:component=data-bucket) is brought to
        /// New-NumeraiBucket's hardened state by its own service, which covers all five bucket checks in one pass.
        /// Another bucket the module tagged as managed gets Block Public Access and the TLS-only statement; a bucket
        /// the module does not manage is never changed.
        /// </remarks>
        private HardeningRepairResult RepairBucket(string checkId, string bucketName)
        {
            var bucket = Bucket(bucketName);
            var tags = bucket.Tags.Value;
            if (!bucket.IsManaged)
                return Once(checkId, bucketName, checkId + ":" + bucketName, () => new Outcome(HardeningRepairStatus.Manual,
                    $"{bucketName} is not a NumeraiAws bucket (no tag {NumeraiConventions.ManagedTagKey}={NumeraiConventions.ManagedTagValue}), so it is left to its owner:",
                    ManualSteps.For(checkId, bucketName, _connection.Partition.Name).Steps));
            if (BucketService.IsOurs(tags.ToDictionary(t => t.Key, t => t.Value)))
                return Once(checkId, bucketName, "data-bucket:" + bucketName, () => RepairDataBucket(bucket));
            if (checkId == C.S3BucketPublicAccessBlock || checkId == C.S3BucketTlsOnly)
                return Once(checkId, bucketName, checkId + ":" + bucketName, () => RepairManagedBucket(checkId, bucket));
            return ManualSteps.For(checkId, bucketName, _connection.Partition.Name);
        }

        private Outcome RepairDataBucket(BucketState bucket)
        {
            if (bucket.Region != null && bucket.Region != _connection.Region)
                return new Outcome(HardeningRepairStatus.Manual, $"{bucket.Name} is in {bucket.Region}; repair it from there:", new[]
                {
                    $"Test-NumeraiAccountHardening -CheckId 'S3Bucket*' -Region {bucket.Region} | Where-Object Resource -eq {bucket.Name} | Repair-NumeraiAccountHardening -Region {bucket.Region}",
                });
            // The bucket's own lifecycle choices (New-NumeraiBucket -NoncurrentVersionExpirationDays ...) are kept:
            // only missing rules get the defaults.
            var rules = ReadLifecycleRules(bucket);
            var request = new BucketRequest
            {
                Name = bucket.Name,
                AbortIncompleteMultipartUploadDays = Within(BucketLifecycleRules.AbortDays(rules), BucketRequest.MaxAbortIncompleteMultipartUploadDays)
                    ?? BucketRequest.DefaultAbortIncompleteMultipartUploadDays,
                NoncurrentVersionExpirationDays = Within(BucketLifecycleRules.NoncurrentDays(rules), BucketRequest.MaxNoncurrentVersionExpirationDays)
                    ?? BucketRequest.DefaultNoncurrentVersionExpirationDays,
            };
            var host = new DeclineRecordingHost(_host);
            var result = BucketService.Ensure(_connection, host, request);
            if (host.Declined.Count > 0)
                return new Outcome(HardeningRepairStatus.Skipped, $"Would bring the Numerai bucket {bucket.Name} to its hardened state: " + string.Join("; ", host.Declined) + ".");
            if (result != null && result.Changed.Length > 0)
                return new Outcome(HardeningRepairStatus.Repaired, $"Brought the Numerai bucket {bucket.Name} to its hardened state (New-NumeraiBucket); changed: {string.Join(", ", result.Changed)}.");
            return new Outcome(HardeningRepairStatus.NoChange, $"The Numerai bucket {bucket.Name} is already in its hardened state.");
        }

        private List<LifecycleRule> ReadLifecycleRules(BucketState bucket)
        {
            try
            {
                return _connection.Call("S3", "GetLifecycleConfiguration", false, () => _connection.S3For(bucket.Region)
                    .GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = bucket.Name })).Configuration?.Rules ?? new List<LifecycleRule>();
            }
            catch (AwsServiceException e) when (e.ErrorCode == "NoSuchLifecycleConfiguration")
            {
                return new List<LifecycleRule>();
            }
        }

        private static int? Within(int? days, int max) => days >= 1 && days <= max ? days : null;

        private Outcome RepairManagedBucket(string checkId, BucketState bucket)
        {
            var bucketName = bucket.Name;
            var s3 = _connection.S3For(bucket.Region);
            if (checkId == C.S3BucketPublicAccessBlock)
            {
                var current = bucket.PublicAccessBlock.Value;
                if (current != null && current.AllEnabled)
                    return new Outcome(HardeningRepairStatus.NoChange, $"All four Block Public Access settings of {bucketName} are already on.");
                var action = $"Turn on all four Block Public Access settings of bucket {bucketName}";
                if (!_host.ShouldChange($"S3 bucket {bucketName}", action))
                    return new Outcome(HardeningRepairStatus.Skipped, "Would " + Lower(action) + ".");
                _connection.Call("S3", "PutPublicAccessBlock", true, () => s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
                {
                    BucketName = bucketName,
                    PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
                    {
                        BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true,
                    },
                }));
                _host.Info(action + ".");
                return new Outcome(HardeningRepairStatus.Repaired, action + ".");
            }
            else
            {
                var policy = bucket.Policy.Value;
                if (policy != null && PolicyDocuments.DeniesInsecureTransport(policy, bucketName))
                    return new Outcome(HardeningRepairStatus.NoChange, $"The policy of {bucketName} already denies requests without TLS.");
                var arn = $"arn:{_connection.Partition.Name}:s3:::{bucketName}";
                // The same statement New-NumeraiBucket writes, merged the same way (the other statements are kept).
                var updated = BucketPolicyDocument.WithDenyInsecureTransport(policy, arn);
                var action = $"Add the statement {BucketPolicyDocument.DenyInsecureTransportSid} (deny s3:* without TLS) to the policy of bucket {bucketName}";
                if (!_host.ShouldChange($"S3 bucket {bucketName}", action))
                    return new Outcome(HardeningRepairStatus.Skipped, "Would " + Lower(action) + ".");
                _connection.Call("S3", "PutBucketPolicy", true, () => s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucketName, Policy = updated }));
                _host.Info(action + ".");
                return new Outcome(HardeningRepairStatus.Repaired, action + ".");
            }
        }

        private Outcome RepairBudget()
        {
            var budget = BudgetService.Ensure(_connection, _host,
                new BudgetRequest { LimitUsd = _request.BudgetLimitUsd.Value, Email = _request.BudgetEmail }, AccountId(), out var declined);
            var what = $"the monthly cost budget {budget.BudgetName} ({_request.BudgetLimitUsd.Value} USD, alerts at 80% and 100% of actual and forecasted spend to {budget.Email})";
            if (budget.Changed && !declined) return new Outcome(HardeningRepairStatus.Repaired, (budget.Created ? "Created " : "Brought up to date ") + what + ".");
            if (declined) return new Outcome(HardeningRepairStatus.Skipped, (budget.Changed ? "Partly brought up to date; would finish " : "Would create or update ") + what + ".");
            return new Outcome(HardeningRepairStatus.NoChange, "Already in place: " + what + ".");
        }

        private BucketState Bucket(string name)
        {
            if (_buckets.TryGetValue(name, out var known)) return known;
            string region = null;
            if (!_connection.EndpointFor("S3", "s3", false).IsCustom)
            {
                var location = _connection.Call("S3", "GetBucketLocation", false,
                    () => _connection.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = name })).Location?.Value;
                region = BucketService.NormaliseRegion(location);
            }
            var bucket = HardeningSnapshotLoader.BucketFor(_connection, name, region);
            _buckets[name] = bucket;
            return bucket;
        }

        private string AccountId() => _accountId ?? (_accountId = IdentityService.Get(_connection).Account);

        private static string Lower(string action) => char.ToLowerInvariant(action[0]) + action.Substring(1);

        private static HardeningRepairResult Result(string checkId, string resource, HardeningRepairStatus status, string action) =>
            new HardeningRepairResult { CheckId = checkId, Resource = resource, Status = status, Action = action };

        private static HardeningRepairResult Manual(string checkId, string resource, string action, params string[] steps) =>
            new HardeningRepairResult { CheckId = checkId, Resource = resource, Status = HardeningRepairStatus.Manual, Action = action, Steps = steps };

        internal sealed class Outcome
        {
            public Outcome(HardeningRepairStatus status, string action, string[] steps = null)
            {
                Status = status; Action = action; Steps = steps ?? new string[0];
            }

            public HardeningRepairStatus Status { get; }
            public string Action { get; }
            public string[] Steps { get; }
        }
    }
}
