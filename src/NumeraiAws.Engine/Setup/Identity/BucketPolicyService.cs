using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>What New-NumeraiBucketPolicy asks for.</summary>
    public sealed class BucketPolicyRequest
    {
        public string BucketName { get; set; }
        public string PolicyName { get; set; } = NumeraiConventions.BucketPolicyName;

        /// <summary>Checks the input; called before any AWS call.</summary>
        public void Validate()
        {
            // The name ends up in the policy's resource ARNs, where IAM accepts any text and the policy would grant nothing.
            Bucket.BucketNameRules.Validate(BucketName);
            IamNames.ValidatePolicyName(PolicyName);
        }
    }

    /// <summary>
    /// The customer managed policy granting analysts access to the Numerai bucket, under /numerai/. A re-run with
    /// the same bucket writes nothing; another bucket becomes a new default version (IAM keeps at most five, so the
    /// oldest non-default one goes first when the policy is full).
    /// </summary>
    public static class BucketPolicyService
    {
        /// <summary>IAM's limit of versions per managed policy.</summary>
        public const int MaxVersions = 5;

        public const string Description = "NumeraiAws: list, read, write and delete the objects of the Numerai data bucket, and nothing else.";

        public static NumeraiBucketPolicy Ensure(AwsConnection connection, ISetupHost host, BucketPolicyRequest request)
        {
            request.Validate();
            var iam = new IamClient(connection);
            var partition = connection.Partition.Name;
            var account = IdentityService.Get(connection).Account;
            var path = NumeraiConventions.IamPath;
            var arn = $"arn:{partition}:iam::{account}:policy{path}{request.PolicyName}";
            var document = BucketAccessPolicyDocument.For(partition, request.BucketName);
            var changed = new List<string>();
            var result = new NumeraiBucketPolicy
            {
                PolicyName = request.PolicyName,
                PolicyArn = arn,
                Path = path,
                BucketName = request.BucketName,
            };

            var existing = iam.TryGetPolicy(arn);
            if (existing == null)
            {
                var elsewhere = iam.ListPolicies(IamPolicyScope.Local)
                    .FirstOrDefault(p => string.Equals(p.PolicyName, request.PolicyName, StringComparison.OrdinalIgnoreCase));
                if (elsewhere != null) throw NameInUse(elsewhere);
                if (!host.ShouldChange(arn, $"Create IAM policy granting list, read, write and delete on bucket '{request.BucketName}' and its objects"))
                    return result;
                try
                {
                    var created = iam.CreatePolicy(request.PolicyName, path, document, Description, Tags());
                    host.Info($"Created policy {created.Arn} for bucket '{request.BucketName}'.");
                    result.DefaultVersionId = created.DefaultVersionId;
                    result.Created = true;
                    result.Changed = new[] { "Policy" };
                    return result;
                }
                catch (AwsServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
                {
                    // An interrupted earlier run may have created it a moment ago, and IAM does not show it yet.
                    existing = EventualConsistency.Retry(host, $"Read policy {arn}", () => iam.GetPolicy(arn), EventualConsistency.IsNotYetVisible);
                }
            }

            result.DefaultVersionId = existing.DefaultVersionId;
            var current = iam.GetPolicyVersion(arn, existing.DefaultVersionId).Document;
            if (PolicyDocuments.AreEquivalent(current, document))
            {
                host.Info($"Policy {arn} already grants access to bucket '{request.BucketName}' (version {existing.DefaultVersionId}).");
                return result;
            }

            var versions = iam.ListPolicyVersions(arn);
            var oldest = versions.Count >= MaxVersions ? OldestNonDefault(versions) : null;
            var action = $"Create a new default version granting access to bucket '{request.BucketName}' (version {existing.DefaultVersionId} grants something else)";
            if (oldest != null) action += $", first deleting the oldest non-default version {oldest.VersionId}: IAM keeps at most {MaxVersions}";
            if (!host.ShouldChange(arn, action)) return result;
            if (oldest != null)
            {
                if (!host.ShouldChange(arn, $"Delete non-default policy version {oldest.VersionId}")) return result;
                iam.DeletePolicyVersion(arn, oldest.VersionId);
                host.Info($"Deleted version {oldest.VersionId} of {arn} to make room for a new one.");
                changed.Add("DeletedVersion " + oldest.VersionId);
            }
            var version = iam.CreatePolicyVersion(arn, document, setAsDefault: true);
            host.Info($"Policy {arn} now grants access to bucket '{request.BucketName}' (version {version.VersionId}, the default).");
            result.DefaultVersionId = version.VersionId;
            changed.Add("PolicyVersion " + version.VersionId);
            result.Changed = changed.ToArray();
            return result;
        }

        /// <summary>The version to prune: the oldest that is not the default (version ids grow with age, so they break ties of equal dates).</summary>
        public static IamPolicyVersion OldestNonDefault(IEnumerable<IamPolicyVersion> versions) =>
            versions.Where(v => !v.IsDefaultVersion)
                .OrderBy(v => v.CreateDate ?? DateTime.MaxValue)
                .ThenBy(v => VersionNumber(v.VersionId))
                .FirstOrDefault();

        private static int VersionNumber(string versionId) =>
            versionId != null && versionId.Length > 1 && int.TryParse(versionId.Substring(1), out var n) ? n : int.MaxValue;

        private static IEnumerable<IamTag> Tags() =>
            NumeraiConventions.Tags("bucket-policy", null).Select(t => new IamTag(t.Key, t.Value));

        private static NumeraiAwsException NameInUse(IamManagedPolicy other) =>
            new NumeraiAwsException(ErrorKind.ResourceExists, "PolicyNameInUse",
                $"A customer managed policy named '{other.PolicyName}' already exists at path '{other.Path}' ({other.Arn}). " +
                $"It is not under {NumeraiConventions.IamPath}, so NumeraiAws did not make it and leaves it alone; IAM policy names are unique in an account.",
                "Pass -Name with another policy name (for example numerai-s3-bucket-access-2), or remove the existing policy yourself if nothing uses it.",
                other.Arn);
    }
}
