using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NumeraiAws.Engine.Setup.Bucket;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>Every S3 general-purpose bucket naming rule, each with its own message, and the generated default name.</summary>
    public sealed class BucketNameRulesTests
    {
        [Theory]
        [InlineData("abc")]
        [InlineData("numerai-data")]
        [InlineData("numerai.tournament.data")]
        [InlineData("123")]
        [InlineData("0numerai9")]
        [InlineData("xn-numerai")]            // one hyphen: not the reserved "xn--"
        [InlineData("numerai-s3alias-data")]  // reserved suffixes only count at the end
        [InlineData("192.168.5.4a")]          // looks like an address, but is not one
        [InlineData("numerai-mrap")]
        public void AcceptsValidNames(string name)
        {
            Assert.Empty(BucketNameRules.Violations(name));
            Assert.True(BucketNameRules.IsValid(name));
            BucketNameRules.Validate(name);
        }

        [Fact]
        public void AcceptsTheLengthLimitsExactly()
        {
            Assert.True(BucketNameRules.IsValid(new string('a', 3)));
            Assert.True(BucketNameRules.IsValid(new string('a', 63)));
        }

        public static IEnumerable<object[]> SingleViolations() => new[]
        {
            new object[] { "ab", "it must be 3 to 63 characters long, not 2" },
            new object[] { new string('a', 64), "it must be 3 to 63 characters long, not 64" },
            new object[] { "numerAi", "it may contain only lowercase letters, digits, hyphens and periods, not 'A'" },
            new object[] { "numerai_data", "it may contain only lowercase letters, digits, hyphens and periods, not '_'" },
            new object[] { "numerai data", "it may contain only lowercase letters, digits, hyphens and periods, not U+0020" },
            new object[] { "-numerai", "it must start with a lowercase letter or a digit, not '-'" },
            new object[] { ".numerai", "it must start with a lowercase letter or a digit, not '.'" },
            new object[] { "numerai-", "it must end with a lowercase letter or a digit, not '-'" },
            new object[] { "numerai.", "it must end with a lowercase letter or a digit, not '.'" },
            new object[] { "numerai..data", "it must not contain two adjacent periods" },
            new object[] { "192.168.5.4", "it must not be formatted as an IP address" },
            new object[] { "xn--numerai", "it must not start with 'xn--', which S3 reserves" },
            new object[] { "sthree-numerai", "it must not start with 'sthree-', which S3 reserves" },
            new object[] { "amzn-s3-demo-numerai", "it must not start with 'amzn-s3-demo-', which S3 reserves" },
            new object[] { "numerai-s3alias", "it must not end with '-s3alias', which S3 reserves" },
            new object[] { "numerai--ol-s3", "it must not end with '--ol-s3', which S3 reserves" },
            new object[] { "numerai.mrap", "it must not end with '.mrap', which S3 reserves" },
            new object[] { "numerai--x-s3", "it must not end with '--x-s3', which S3 reserves" },
            new object[] { "numerai--table-s3", "it must not end with '--table-s3', which S3 reserves" },
        };

        [Theory]
        [MemberData(nameof(SingleViolations))]
        public void NamesTheOneRuleBroken(string name, string message)
        {
            Assert.Equal(new[] { message }, BucketNameRules.Violations(name));
            Assert.False(BucketNameRules.IsValid(name));
        }

        [Fact]
        public void ListsEveryRuleBroken()
        {
            Assert.Equal(new[]
            {
                "it may contain only lowercase letters, digits, hyphens and periods, not 'B', 'N'",
                "it must start with a lowercase letter or a digit, not 'B'",
                "it must not contain two adjacent periods",
            }, BucketNameRules.Violations("Bad..Name"));
        }

        [Fact]
        public void TreatsNullAndEmptyAsTooShort()
        {
            Assert.Equal(new[] { "it must be 3 to 63 characters long, not 0" }, BucketNameRules.Violations(null));
            Assert.Equal(new[] { "it must be 3 to 63 characters long, not 0" }, BucketNameRules.Violations(""));
        }

        [Fact]
        public void ValidateThrowsInvalidBucketNameWithEveryReason()
        {
            var error = Assert.Throws<NumeraiAwsException>(() => BucketNameRules.Validate("Numerai..data"));
            Assert.Equal("InvalidBucketName", error.Reason);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal("Numerai..data", error.Target);
            Assert.Equal("'Numerai..data' is not a valid S3 bucket name: it may contain only lowercase letters, digits, hyphens and periods, not 'N'; " +
                         "it must start with a lowercase letter or a digit, not 'N'; it must not contain two adjacent periods.", error.Message);
            Assert.Contains("-Name", error.RecommendedAction);
        }

        [Fact]
        public void DefaultNameIsNumeraiAndTwelveRandomLowercaseCharacters()
        {
            var names = Enumerable.Range(0, 2000).Select(_ => BucketNameRules.NewDefaultName()).ToList();
            foreach (var name in names)
            {
                Assert.Matches(new Regex("^numerai-[a-z0-9]{12}$"), name);
                Assert.True(BucketNameRules.IsValid(name), name);
            }
            Assert.Equal(names.Count, names.Distinct().Count());
            // Every one of the 36 characters turns up in 24,000 draws; a skewed or truncated alphabet would not.
            var used = new HashSet<char>(names.SelectMany(n => n.Substring("numerai-".Length)));
            Assert.Equal(36, used.Count);
        }
    }
}
