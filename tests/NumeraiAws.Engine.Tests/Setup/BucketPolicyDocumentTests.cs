using System.Linq;
using System.Text.Json;
using NumeraiAws.Engine.Setup.Bucket;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>Merging the deny-insecure-transport statement into a bucket policy without losing the user's statements.</summary>
    public sealed class BucketPolicyDocumentTests
    {
        private const string Arn = "arn:aws:s3:::numerai-test";

        private const string UserStatement =
            "{\"Sid\":\"UserRead\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/reader\"}," +
            "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::numerai-test\",\"arn:aws:s3:::numerai-test/*\"]," +
            "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc+def\"}}}";

        private const string OurStatement =
            "{\"Sid\":\"NumeraiAwsDenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\"," +
            "\"Resource\":[\"arn:aws:s3:::numerai-test\",\"arn:aws:s3:::numerai-test/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";

        private static JsonElement[] Statements(string policy) =>
            JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

        private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

        [Fact]
        public void WritesANewPolicyWhenThereIsNone()
        {
            var policy = BucketPolicyDocument.WithDenyInsecureTransport(null, Arn);
            var root = Parse(policy);
            Assert.Equal("2012-10-17", root.GetProperty("Version").GetString());
            var statements = Statements(policy);
            Assert.Single(statements);
            Assert.True(JsonElement.DeepEquals(Parse(OurStatement), statements[0]), statements[0].GetRawText());
        }

        [Fact]
        public void AddsOursAfterTheUsersStatementsAndKeepsThemAndTheOtherMembers()
        {
            var existing = "{\"Version\":\"2012-10-17\",\"Id\":\"UserPolicy\",\"Statement\":[" + UserStatement + "]}";
            var policy = BucketPolicyDocument.WithDenyInsecureTransport(existing, Arn);
            var root = Parse(policy);
            Assert.Equal("UserPolicy", root.GetProperty("Id").GetString());
            Assert.Equal("2012-10-17", root.GetProperty("Version").GetString());
            var statements = Statements(policy);
            Assert.Equal(2, statements.Length);
            Assert.True(JsonElement.DeepEquals(Parse(UserStatement), statements[0]), statements[0].GetRawText());
            Assert.True(JsonElement.DeepEquals(Parse(OurStatement), statements[1]), statements[1].GetRawText());
        }

        [Fact]
        public void TurnsASingleStatementObjectIntoAList()
        {
            var existing = "{\"Version\":\"2012-10-17\",\"Statement\":" + UserStatement + "}";
            var statements = Statements(BucketPolicyDocument.WithDenyInsecureTransport(existing, Arn));
            Assert.Equal(new[] { "UserRead", "NumeraiAwsDenyInsecureTransport" }, statements.Select(s => s.GetProperty("Sid").GetString()));
        }

        [Theory]
        [InlineData(OurStatement)]
        // The same statement as S3 or a person may write it: lists of one, a boolean, another order, AWS:"*".
        [InlineData("{\"Condition\":{\"Bool\":{\"aws:securetransport\":false}},\"Resource\":[\"arn:aws:s3:::numerai-test/*\",\"arn:aws:s3:::numerai-test\"]," +
                    "\"Action\":[\"s3:*\"],\"Principal\":{\"AWS\":\"*\"},\"Effect\":\"Deny\",\"Sid\":\"NumeraiAwsDenyInsecureTransport\"}")]
        [InlineData("{\"Sid\":\"NumeraiAwsDenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"s3:*\"," +
                    "\"Resource\":[\"arn:aws:s3:::numerai-test\",\"arn:aws:s3:::numerai-test/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":[\"false\"]}}}")]
        public void LeavesAPolicyThatAlreadyHasOursAlone(string ours)
        {
            var existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + UserStatement + "," + ours + "]}";
            Assert.Null(BucketPolicyDocument.WithDenyInsecureTransport(existing, Arn));
            Assert.True(BucketPolicyDocument.HasDenyInsecureTransport(existing, Arn));
        }

        [Theory]
        [InlineData("\"Resource\":\"arn:aws:s3:::numerai-test\"")]                                          // objects not covered
        [InlineData("\"Resource\":[\"arn:aws:s3:::other\",\"arn:aws:s3:::other/*\"]")]                      // another bucket
        [InlineData("\"Resource\":[\"arn:aws:s3:::numerai-test\",\"arn:aws:s3:::numerai-test/*\"],\"NotPrincipal\":{\"AWS\":\"x\"}")]
        public void ReplacesAWeakenedStatementOfOursInPlace(string resource)
        {
            var weakened = "{\"Sid\":\"NumeraiAwsDenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\"," +
                           resource + ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
            var existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + weakened + "," + UserStatement + "]}";
            var statements = Statements(BucketPolicyDocument.WithDenyInsecureTransport(existing, Arn));
            Assert.Equal(2, statements.Length);
            Assert.True(JsonElement.DeepEquals(Parse(OurStatement), statements[0]), statements[0].GetRawText());
            Assert.True(JsonElement.DeepEquals(Parse(UserStatement), statements[1]), statements[1].GetRawText());
        }

        [Theory]
        [InlineData("Allow")]
        [InlineData("deny")]
        public void ReplacesOursWhenTheEffectIsNotDeny(string effect)
        {
            var changed = OurStatement.Replace("\"Effect\":\"Deny\"", $"\"Effect\":\"{effect}\"");
            var statements = Statements(BucketPolicyDocument.WithDenyInsecureTransport("{\"Statement\":[" + changed + "]}", Arn));
            Assert.Single(statements);
            Assert.Equal("Deny", statements[0].GetProperty("Effect").GetString());
        }

        [Fact]
        public void KeepsOnlyOneStatementOfOurs()
        {
            var existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + OurStatement + "," + UserStatement + "," + OurStatement + "]}";
            var statements = Statements(BucketPolicyDocument.WithDenyInsecureTransport(existing, Arn));
            Assert.Equal(new[] { "NumeraiAwsDenyInsecureTransport", "UserRead" }, statements.Select(s => s.GetProperty("Sid").GetString()));
        }

        [Fact]
        public void DoesNotAddAVersionThePolicyDidNotHave()
        {
            var policy = BucketPolicyDocument.WithDenyInsecureTransport("{\"Statement\":[" + UserStatement + "]}", Arn);
            Assert.False(Parse(policy).TryGetProperty("Version", out _));
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("[1,2]")]
        public void RefusesAPolicyItCannotRead(string existing)
        {
            var error = Assert.Throws<NumeraiAwsException>(() => BucketPolicyDocument.WithDenyInsecureTransport(existing, Arn));
            Assert.Equal("BucketPolicyUnreadable", error.Reason);
            Assert.Equal(ErrorKind.InvalidResult, error.Kind);
        }
    }
}
