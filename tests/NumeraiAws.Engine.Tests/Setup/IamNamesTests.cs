using NumeraiAws.Engine.Setup.Identity;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    public sealed class IamNamesTests
    {
        [Theory]
        [InlineData("numerai-analyst")]
        [InlineData("a")]
        [InlineData("first.last@example.com")]
        [InlineData("A_b+c=d,e.f@g-h")]
        public void AcceptsIamUserNames(string name)
        {
            IamNames.ValidateUserName(name);
            IamNames.ValidateGroupName(name);
            IamNames.ValidatePolicyName(name);
        }

        [Fact]
        public void AcceptsUpToTheLimits()
        {
            IamNames.ValidateUserName(new string('u', 64));
            IamNames.ValidateGroupName(new string('g', 64));
            IamNames.ValidatePolicyName(new string('p', 128));
        }

        [Theory]
        [InlineData(null, "it must not be empty")]
        [InlineData("", "it must not be empty")]
        [InlineData("numerai analyst", "not U+0020")]
        [InlineData("numerai/analyst", "not '/'")]
        [InlineData("analystë", "not 'ë'")]
        [InlineData("ａnalyst", "not 'ａ'")]    // a full-width letter, which .NET's \w would accept
        public void RejectsBadUserNamesNamingTheRule(string name, string expected)
        {
            var e = Assert.Throws<NumeraiAwsException>(() => IamNames.ValidateUserName(name));
            Assert.Equal("InvalidUserName", e.Reason);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(expected, e.Message);
            Assert.Contains("-Name", e.RecommendedAction);
        }

        [Fact]
        public void RejectsNamesOverTheLimit()
        {
            Assert.Equal("InvalidUserName", Assert.Throws<NumeraiAwsException>(() => IamNames.ValidateUserName(new string('u', 65))).Reason);
            Assert.Equal("InvalidGroupName", Assert.Throws<NumeraiAwsException>(() => IamNames.ValidateGroupName(new string('g', 65))).Reason);
            var e = Assert.Throws<NumeraiAwsException>(() => IamNames.ValidatePolicyName(new string('p', 129)));
            Assert.Equal("InvalidPolicyName", e.Reason);
            Assert.Contains("at most 128 characters long, not 129", e.Message);
        }

        [Theory]
        [InlineData("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")]
        [InlineData("arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsUseRole")]
        [InlineData("arn:aws:iam::123456789012:policy/numerai/numerai-s3-bucket-access")]
        [InlineData("arn:aws-cn:iam::123456789012:policy/p")]
        [InlineData("arn:aws-us-gov:iam::aws:policy/AdministratorAccess")]
        public void AcceptsManagedPolicyArns(string arn) => IamNames.ValidatePolicyArn(arn);

        [Theory]
        [InlineData(null)]
        [InlineData("AmazonSageMakerFullAccess")]
        [InlineData("arn:aws:s3:::numerai-data")]
        [InlineData("arn:aws:iam::123456789012:role/numerai")]
        [InlineData("arn:aws:iam::12345:policy/p")]
        [InlineData("arn:aws:iam::123456789012:policy/")]
        public void RejectsWhatIsNotAManagedPolicyArn(string arn) =>
            Assert.Equal("InvalidPolicyArn", Assert.Throws<NumeraiAwsException>(() => IamNames.ValidatePolicyArn(arn)).Reason);
    }
}
