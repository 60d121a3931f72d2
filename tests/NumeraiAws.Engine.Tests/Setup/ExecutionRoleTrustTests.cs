using NumeraiAws.Engine.Setup.Studio;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>The trust policy is compared by meaning: re-serialised, reordered or relabelled documents are the same.</summary>
    public sealed class ExecutionRoleTrustTests
    {
        [Theory]
        // What IAM hands back: re-serialised with spaces.
        [InlineData(@"{ ""Version"": ""2012-10-17"", ""Statement"": [ { ""Effect"": ""Allow"", ""Principal"": { ""Service"": ""sagemaker.amazonaws.com"" }, ""Action"": ""sts:AssumeRole"" } ] }")]
        // Lists of one, a statement object instead of a list, members in another order.
        [InlineData(@"{""Statement"":{""Action"":[""sts:AssumeRole""],""Principal"":{""Service"":[""sagemaker.amazonaws.com""]},""Effect"":""Allow""},""Version"":""2012-10-17""}")]
        // A Sid is a label, and IAM matches action names case-insensitively.
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Sid"":""SageMakerAssume"",""Effect"":""Allow"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":""STS:assumerole""}]}")]
        // A repeated statement grants nothing more.
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":""sts:AssumeRole""},{""Effect"":""Allow"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":""sts:AssumeRole""}]}")]
        public void Equivalent(string document)
        {
            Assert.True(ExecutionRoleTrust.AreEquivalent(document, ExecutionRoleTrust.Document));
            Assert.True(ExecutionRoleTrust.AreEquivalent(ExecutionRoleTrust.Document, document));
        }

        [Theory]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":{""Service"":""ec2.amazonaws.com""},""Action"":""sts:AssumeRole""}]}")]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Deny"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":""sts:AssumeRole""}]}")]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":{""Service"":[""sagemaker.amazonaws.com"",""ec2.amazonaws.com""]},""Action"":""sts:AssumeRole""}]}")]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":[""sts:AssumeRole"",""sts:TagSession""]}]}")]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[{""Effect"":""Allow"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":""sts:AssumeRole"",""Condition"":{""StringEquals"":{""aws:SourceAccount"":""123456789012""}}}]}")]
        [InlineData(@"{""Statement"":[{""Effect"":""Allow"",""Principal"":{""Service"":""sagemaker.amazonaws.com""},""Action"":""sts:AssumeRole""}]}")]
        [InlineData(@"{""Version"":""2012-10-17"",""Statement"":[]}")]
        [InlineData("not json")]
        [InlineData("[]")]
        [InlineData("")]
        [InlineData(null)]
        public void Different(string document)
        {
            Assert.False(ExecutionRoleTrust.AreEquivalent(document, ExecutionRoleTrust.Document));
        }

        [Fact]
        public void TheDocumentTrustsSageMakerOnly()
        {
            Assert.Equal(
                @"{""Statement"":[{""Action"":[""sts:assumerole""],""Effect"":[""Allow""],""Principal"":[{""Service"":[""sagemaker.amazonaws.com""]}]}],""Version"":[""2012-10-17""]}",
                ExecutionRoleTrust.Canonical(ExecutionRoleTrust.Document));
        }
    }
}
