using System.Collections.Generic;
using System.Linq;
using Amazon.S3;
using Amazon.S3.Model;

namespace NumeraiAws.Engine.Setup.Bucket
{
    /// <summary>
    /// The module's two lifecycle rules, merged by rule ID into the bucket's configuration. A bucket has one
    /// lifecycle configuration and PutLifecycleConfiguration replaces it whole, so every rule with another ID is
    /// carried over untouched.
    /// </summary>
    public static class BucketLifecycleRules
    {
        public const string AbortIncompleteMultipartRuleId = "numeraiaws-abort-incomplete-multipart";
        public const string ExpireNoncurrentRuleId = "numeraiaws-expire-noncurrent";

        /// <summary>
        /// The rules to put so that <paramref name="existing"/> carries ours with these day counts, or null when it
        /// already does and nothing needs writing.
        /// </summary>
        public static List<LifecycleRule> Merge(IReadOnlyList<LifecycleRule> existing, int abortDays, int noncurrentDays)
        {
            existing = existing ?? new LifecycleRule[0];
            var wanted = new[] { AbortRule(abortDays), NoncurrentRule(noncurrentDays) };
            var upToDate = wanted.All(w => existing.Count(r => r.Id == w.Id) == 1 && IsSame(existing.First(r => r.Id == w.Id), w));
            if (upToDate) return null;

            var merged = new List<LifecycleRule>();
            var placed = new HashSet<string>();
            foreach (var rule in existing)
            {
                var replacement = wanted.FirstOrDefault(w => w.Id == rule.Id);
                if (replacement == null) merged.Add(rule);
                // Ours stays where it was; a second rule with the same ID would be refused by S3 anyway.
                else if (placed.Add(replacement.Id)) merged.Add(replacement);
            }
            merged.AddRange(wanted.Where(w => !placed.Contains(w.Id)));
            return merged;
        }

        /// <summary>The days of our abort rule as the bucket has it, or null when it has no such rule in force.</summary>
        public static int? AbortDays(IEnumerable<LifecycleRule> rules) =>
            Enabled(rules, AbortIncompleteMultipartRuleId)?.AbortIncompleteMultipartUpload?.DaysAfterInitiation;

        /// <summary>The days of our noncurrent-version rule as the bucket has it, or null when it has no such rule in force.</summary>
        public static int? NoncurrentDays(IEnumerable<LifecycleRule> rules) =>
            Enabled(rules, ExpireNoncurrentRuleId)?.NoncurrentVersionExpiration?.NoncurrentDays;

        public static LifecycleRule AbortRule(int days) => new LifecycleRule
        {
            Id = AbortIncompleteMultipartRuleId,
            Status = LifecycleRuleStatus.Enabled,
            Filter = new LifecycleFilter { Prefix = "" },
            AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = days },
        };

        public static LifecycleRule NoncurrentRule(int days) => new LifecycleRule
        {
            Id = ExpireNoncurrentRuleId,
            Status = LifecycleRuleStatus.Enabled,
            Filter = new LifecycleFilter { Prefix = "" },
            NoncurrentVersionExpiration = new LifecycleRuleNoncurrentVersionExpiration { NoncurrentDays = days },
        };

        private static LifecycleRule Enabled(IEnumerable<LifecycleRule> rules, string id) =>
            rules?.FirstOrDefault(r => r.Id == id && r.Status?.Value == LifecycleRuleStatus.Enabled.Value);

        /// <summary>
        /// Same effect as ours: enabled, on the whole bucket, with our one action and day count and nothing more.
        /// A rule of ours that someone narrowed or extended is put back, not kept.
        /// </summary>
        private static bool IsSame(LifecycleRule actual, LifecycleRule wanted) =>
            actual.Status?.Value == LifecycleRuleStatus.Enabled.Value &&
            CoversWholeBucket(actual) &&
            actual.Expiration == null &&
            (actual.Transitions == null || actual.Transitions.Count == 0) &&
            (actual.NoncurrentVersionTransitions == null || actual.NoncurrentVersionTransitions.Count == 0) &&
            actual.AbortIncompleteMultipartUpload?.DaysAfterInitiation == wanted.AbortIncompleteMultipartUpload?.DaysAfterInitiation &&
            actual.NoncurrentVersionExpiration?.NoncurrentDays == wanted.NoncurrentVersionExpiration?.NoncurrentDays &&
            actual.NoncurrentVersionExpiration?.NewerNoncurrentVersions == null;

        // Rules written by older tools carry the legacy rule-level Prefix or filter predicate; both still count.
#pragma warning disable CS0618
        private static bool CoversWholeBucket(LifecycleRule rule)
        {
            if (!string.IsNullOrEmpty(rule.Prefix)) return false;
            var filter = rule.Filter;
            if (filter == null) return true;
            var predicate = filter.LifecycleFilterPredicate;
            if (predicate != null && !(predicate is LifecyclePrefixPredicate p && string.IsNullOrEmpty(p.Prefix))) return false;
            return string.IsNullOrEmpty(filter.Prefix) && filter.Tag == null && filter.And == null &&
                   filter.ObjectSizeGreaterThan == null && filter.ObjectSizeLessThan == null;
        }
#pragma warning restore CS0618
    }
}
