using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// S3: the account-level Block Public Access settings (S3 Control), then each bucket of the account. A bucket
    /// setting that cannot be read is an Error for that bucket only.
    /// </summary>
    internal static class StorageChecks
    {
        public const string NoBuckets = "(no buckets)";

        public static IEnumerable<HardeningFinding> S3AccountPublicAccessBlock(CheckContext c)
        {
            var identity = c.Snapshot.Identity.Value;
            var settings = c.Snapshot.AccountPublicAccessBlock.Value;
            var command = "Repair-NumeraiAccountHardening -CheckId " + C.S3AccountPublicAccessBlock;
            const string remediation = "Turn on all four account-level Block Public Access settings (S3 console, Block Public Access settings for this account).";
            if (settings == null)
                yield return c.Fail(C.S3AccountPublicAccessBlock, identity.AccountId, "Account-level Block Public Access is not set.", remediation, command);
            else if (!settings.AllEnabled)
                yield return c.Fail(C.S3AccountPublicAccessBlock, identity.AccountId, $"Account-level Block Public Access is incomplete ({settings}).", remediation, command);
            else
                yield return c.Pass(C.S3AccountPublicAccessBlock, identity.AccountId, "All four account-level Block Public Access settings are on.");
        }

        public static IEnumerable<HardeningFinding> S3BucketPublicAccessBlock(CheckContext c) => PerBucket(c, C.S3BucketPublicAccessBlock, bucket =>
        {
            var settings = bucket.PublicAccessBlock.Value;
            if (settings != null && settings.AllEnabled)
                return c.Pass(C.S3BucketPublicAccessBlock, bucket.Name, "All four bucket-level Block Public Access settings are on.");
            var detail = settings == null ? "The bucket has no Block Public Access configuration." : $"Bucket-level Block Public Access is incomplete ({settings}).";
            return c.Fail(C.S3BucketPublicAccessBlock, bucket.Name, detail,
                $"Turn on all four settings: aws s3api put-public-access-block --bucket {bucket.Name} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                RepairCommand(bucket, C.S3BucketPublicAccessBlock));
        });

        public static IEnumerable<HardeningFinding> S3BucketTlsOnly(CheckContext c) => PerBucket(c, C.S3BucketTlsOnly, bucket =>
        {
            var policy = bucket.Policy.Value;
            if (policy != null && PolicyDocuments.DeniesInsecureTransport(policy, bucket.Name))
                return c.Pass(C.S3BucketTlsOnly, bucket.Name, "The bucket policy denies requests that do not use TLS (1.2 or later).");
            return c.Fail(C.S3BucketTlsOnly, bucket.Name,
                policy == null ? "The bucket has no policy, so plain HTTP requests are allowed." : "The bucket policy has no statement denying requests without TLS.",
                "Add a statement denying s3:* to Principal \"*\" on the bucket and its objects when aws:SecureTransport is false.",
                RepairCommand(bucket, C.S3BucketTlsOnly));
        });

        public static IEnumerable<HardeningFinding> S3BucketAclsDisabled(CheckContext c) => PerBucket(c, C.S3BucketAclsDisabled, bucket =>
        {
            var ownership = bucket.ObjectOwnership.Value;
            if (ownership == "BucketOwnerEnforced")
                return c.Pass(C.S3BucketAclsDisabled, bucket.Name, "Object Ownership is BucketOwnerEnforced: ACLs are disabled.");
            return c.Fail(C.S3BucketAclsDisabled, bucket.Name,
                ownership == null ? "The bucket has no Object Ownership setting, so ACLs are in effect." : $"Object Ownership is {ownership}, so ACLs are in effect.",
                $"Disable ACLs: aws s3api put-bucket-ownership-controls --bucket {bucket.Name} --ownership-controls Rules=[{{ObjectOwnership=BucketOwnerEnforced}}]",
                RepairCommand(bucket, C.S3BucketAclsDisabled));
        });

        public static IEnumerable<HardeningFinding> S3BucketLifecycle(CheckContext c) => PerBucket(c, C.S3BucketLifecycle, bucket =>
        {
            var rules = bucket.EnabledLifecycleRules.Value;
            if (rules > 0)
                return c.Pass(C.S3BucketLifecycle, bucket.Name, $"{rules} enabled lifecycle rule(s).");
            return c.Fail(C.S3BucketLifecycle, bucket.Name, "The bucket has no enabled lifecycle rule.",
                $"Add a rule that expires noncurrent versions and aborts incomplete multipart uploads: aws s3api put-bucket-lifecycle-configuration --bucket {bucket.Name} --lifecycle-configuration file://lifecycle.json",
                RepairCommand(bucket, C.S3BucketLifecycle));
        });

        public static IEnumerable<HardeningFinding> S3BucketVersioning(CheckContext c) => PerBucket(c, C.S3BucketVersioning, bucket =>
        {
            var status = bucket.Versioning.Value;
            if (status == "Enabled")
                return c.Pass(C.S3BucketVersioning, bucket.Name, "Versioning is enabled.");
            return c.Fail(C.S3BucketVersioning, bucket.Name, status == null ? "Versioning was never enabled." : $"Versioning is {status}.",
                $"Enable it: aws s3api put-bucket-versioning --bucket {bucket.Name} --versioning-configuration Status=Enabled",
                RepairCommand(bucket, C.S3BucketVersioning));
        });

        private static IEnumerable<HardeningFinding> PerBucket(CheckContext c, string checkId, Func<BucketState, HardeningFinding> evaluate)
        {
            var buckets = c.Snapshot.Buckets.Value;
            if (buckets.Count == 0)
            {
                yield return c.Pass(checkId, NoBuckets, "The account has no S3 buckets.");
                yield break;
            }
            foreach (var bucket in buckets)
                yield return c.Guard(checkId, bucket.Name, () => evaluate(bucket));
        }

        // Repair changes only buckets NumeraiAws manages, so it names itself as the fix for those alone: every bucket
        // check for the Numerai data bucket, Block Public Access and TLS for another managed bucket. Reading the
        // tags is best effort: a bucket whose tags cannot be read just gets no command.
        private static string RepairCommand(BucketState bucket, string checkId)
        {
            try
            {
                if (!bucket.IsManaged) return null;
                var dataBucket = Bucket.BucketService.IsOurs(bucket.Tags.Value.ToDictionary(t => t.Key, t => t.Value));
                return dataBucket || checkId == C.S3BucketPublicAccessBlock || checkId == C.S3BucketTlsOnly
                    ? $"Repair-NumeraiAccountHardening -CheckId {checkId}"
                    : null;
            }
            catch (SnapshotUnavailableException)
            {
                return null;
            }
        }
    }
}
