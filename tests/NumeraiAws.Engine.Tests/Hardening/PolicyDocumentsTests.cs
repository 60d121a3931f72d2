using NumeraiAws.Engine.Setup.Hardening;
using Xunit;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>Policy parsing as IAM reads documents: single statement or array, strings or arrays, any condition key case.</summary>
    public sealed class PolicyDocumentsTests
    {
        [Theory]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":{""Effect"":""Allow"",""Action"":""*"",""Resource"":""*""}}", true)]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""Action"":[""s3:GetObject"",""*""],""Resource"":[""*""]}]}", true)]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""Action"":""*"",""Resource"":""*"",""Condition"":{""Bool"":{""aws:MultiFactorAuthPresent"":""true""}}}]}", true)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Action"":""*"",""Resource"":""*""}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""Action"":""s3:*"",""Resource"":""*""}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""Action"":""*"",""Resource"":""arn:aws:s3:::b/*""}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""NotAction"":""iam:*"",""Resource"":""*""}]}", false)]
        [InlineData(@"not json", false)]
        [InlineData(null, false)]
        public void FullAdminIsAllowOfStarOnStar(string document, bool expected)
        {
            Assert.Equal(expected, PolicyDocuments.GrantsFullAdmin(document));
        }

        private const string Bucket = "numerai-data";

        [Theory]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:*"",""Resource"":[""arn:aws:s3:::numerai-data"",""arn:aws:s3:::numerai-data/*""],""Condition"":{""Bool"":{""aws:SecureTransport"":""false""}}}]}", true)]
        [InlineData(@"{""Statement"":{""Effect"":""Deny"",""Principal"":{""AWS"":""*""},""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""Bool"":{""aws:SecureTransport"":false}}}}", true)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":{""AWS"":[""*""]},""Action"":""*"",""Resource"":""arn:aws-cn:s3:::numerai-data"",""Condition"":{""BoolIfExists"":{""aws:securetransport"":[""false""]}}}]}", true)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""NumericLessThan"":{""s3:TlsVersion"":""1.2""}}}]}", true)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""NumericLessThan"":{""s3:TlsVersion"":1.0}}}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""Principal"":""*"",""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""Bool"":{""aws:SecureTransport"":""false""}}}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":{""AWS"":""arn:aws:iam::1:root""},""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""Bool"":{""aws:SecureTransport"":""false""}}}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:GetObject"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""Bool"":{""aws:SecureTransport"":""false""}}}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data-other/*"",""Condition"":{""Bool"":{""aws:SecureTransport"":""false""}}}]}", false)]
        [InlineData(@"{""Statement"":[{""Effect"":""Deny"",""Principal"":""*"",""Action"":""s3:*"",""Resource"":""arn:aws:s3:::numerai-data/*"",""Condition"":{""Bool"":{""aws:SecureTransport"":""true""}}}]}", false)]
        public void TlsOnlyIsADenyToEveryoneWithoutSecureTransportOrBelowTls12(string document, bool expected)
        {
            Assert.Equal(expected, PolicyDocuments.DeniesInsecureTransport(document, Bucket));
        }

        [Fact]
        public void TheStatementNewNumeraiBucketWritesPassesTheAudit()
        {
            // Audit and setup must agree: what New-NumeraiBucket (and Repair) put is what S3BucketTlsOnly accepts.
            var userPolicy = @"{""Version"":""2012-10-17"",""Statement"":{""Sid"":""Read"",""Effect"":""Allow"",""Principal"":{""AWS"":""arn:aws:iam::1:root""},""Action"":""s3:GetObject"",""Resource"":""arn:aws:s3:::numerai-data/*""}}";
            Assert.False(PolicyDocuments.DeniesInsecureTransport(userPolicy, "numerai-data"));
            Assert.True(PolicyDocuments.DeniesInsecureTransport(NumeraiAws.Engine.Setup.Bucket.BucketPolicyDocument.WithDenyInsecureTransport(userPolicy, "arn:aws:s3:::numerai-data"), "numerai-data"));
            Assert.True(PolicyDocuments.DeniesInsecureTransport(NumeraiAws.Engine.Setup.Bucket.BucketPolicyDocument.WithDenyInsecureTransport(null, "arn:aws-cn:s3:::numerai-data"), "numerai-data"));
        }
    }
}
