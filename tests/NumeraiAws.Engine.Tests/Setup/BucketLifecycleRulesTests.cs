using System.Collections.Generic;
using System.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using NumeraiAws.Engine.Setup.Bucket;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>Merging the module's two lifecycle rules into a bucket's configuration by rule ID.</summary>
    public sealed class BucketLifecycleRulesTests
    {
        private static LifecycleRule UserRule() => new LifecycleRule
        {
            Id = "user-expire-logs",
            Status = LifecycleRuleStatus.Enabled,
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Expiration = new LifecycleRuleExpiration { Days = 90 },
        };

        [Fact]
        public void AddsBothRulesToABucketWithoutAny()
        {
            var merged = BucketLifecycleRules.Merge(new List<LifecycleRule>(), 7, 30);
            Assert.Equal(new[] { BucketLifecycleRules.AbortIncompleteMultipartRuleId, BucketLifecycleRules.ExpireNoncurrentRuleId }, merged.Select(r => r.Id));
            Assert.Equal(7, merged[0].AbortIncompleteMultipartUpload.DaysAfterInitiation);
            Assert.Null(merged[0].NoncurrentVersionExpiration);
            Assert.Equal(30, merged[1].NoncurrentVersionExpiration.NoncurrentDays);
            Assert.Null(merged[1].AbortIncompleteMultipartUpload);
            Assert.All(merged, r => Assert.Equal(LifecycleRuleStatus.Enabled, r.Status));
            Assert.All(merged, r => Assert.Equal("", r.Filter.Prefix));
            Assert.NotNull(BucketLifecycleRules.Merge(null, 7, 30));
        }

        [Fact]
        public void KeepsTheUsersRulesUntouched()
        {
            var user = UserRule();
            var merged = BucketLifecycleRules.Merge(new List<LifecycleRule> { user }, 7, 30);
            Assert.Equal(3, merged.Count);
            Assert.Same(user, merged[0]);
            Assert.Equal("logs/", merged[0].Filter.Prefix);
            Assert.Equal(90, merged[0].Expiration.Days);
        }

        [Fact]
        public void NeedsNoWriteWhenBothRulesAreInPlace()
        {
            var rules = new List<LifecycleRule> { UserRule(), BucketLifecycleRules.NoncurrentRule(30), BucketLifecycleRules.AbortRule(7) };
            Assert.Null(BucketLifecycleRules.Merge(rules, 7, 30));
            Assert.Equal(7, BucketLifecycleRules.AbortDays(rules));
            Assert.Equal(30, BucketLifecycleRules.NoncurrentDays(rules));
        }

        [Fact]
        public void AcceptsTheWholeBucketFilterInItsOlderForms()
        {
            // How the SDK reads <Filter><Prefix></Prefix></Filter> back, and a rule with no filter at all.
#pragma warning disable CS0618
            var abort = BucketLifecycleRules.AbortRule(7);
            abort.Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = "" } };
#pragma warning restore CS0618
            var noncurrent = BucketLifecycleRules.NoncurrentRule(30);
            noncurrent.Filter = null;
            Assert.Null(BucketLifecycleRules.Merge(new List<LifecycleRule> { abort, noncurrent }, 7, 30));
        }

        [Fact]
        public void PutsBackARuleOfOursThatWasChangedInPlace()
        {
            var user = UserRule();
            var stale = BucketLifecycleRules.NoncurrentRule(60);
            var merged = BucketLifecycleRules.Merge(new List<LifecycleRule> { stale, user, BucketLifecycleRules.AbortRule(7) }, 7, 30);
            Assert.Equal(new[] { BucketLifecycleRules.ExpireNoncurrentRuleId, "user-expire-logs", BucketLifecycleRules.AbortIncompleteMultipartRuleId }, merged.Select(r => r.Id));
            Assert.Equal(30, merged[0].NoncurrentVersionExpiration.NoncurrentDays);
            Assert.Same(user, merged[1]);
        }

        public static IEnumerable<object[]> AlteredRules()
        {
            var disabled = BucketLifecycleRules.AbortRule(7);
            disabled.Status = LifecycleRuleStatus.Disabled;
            var narrowed = BucketLifecycleRules.AbortRule(7);
            narrowed.Filter = new LifecycleFilter { Prefix = "data/" };
            var extended = BucketLifecycleRules.AbortRule(7);
            extended.Expiration = new LifecycleRuleExpiration { Days = 1 };
            var otherDays = BucketLifecycleRules.AbortRule(8);
            return new[] { new object[] { "disabled", disabled }, new object[] { "narrowed", narrowed }, new object[] { "extended", extended }, new object[] { "other days", otherDays } };
        }

        [Theory]
        [MemberData(nameof(AlteredRules))]
        public void DoesNotAcceptAnAlteredRuleOfOurs(string how, LifecycleRule altered)
        {
            var merged = BucketLifecycleRules.Merge(new List<LifecycleRule> { altered, BucketLifecycleRules.NoncurrentRule(30) }, 7, 30);
            Assert.True(merged != null, how);
            var abort = Assert.Single(merged, r => r.Id == BucketLifecycleRules.AbortIncompleteMultipartRuleId);
            Assert.Equal(LifecycleRuleStatus.Enabled, abort.Status);
            Assert.Equal("", abort.Filter.Prefix);
            Assert.Null(abort.Expiration);
            Assert.Equal(7, abort.AbortIncompleteMultipartUpload.DaysAfterInitiation);
        }

        [Fact]
        public void ReportsNoDaysForADisabledOrMissingRule()
        {
            var disabled = BucketLifecycleRules.AbortRule(7);
            disabled.Status = LifecycleRuleStatus.Disabled;
            Assert.Null(BucketLifecycleRules.AbortDays(new[] { disabled }));
            Assert.Null(BucketLifecycleRules.NoncurrentDays(new[] { UserRule() }));
            Assert.Null(BucketLifecycleRules.NoncurrentDays(null));
        }
    }
}
