using System;
using NumeraiAws.Engine.Setup.Repository;
using NumeraiAws.Engine.Setup.Studio;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>The naming rules checked before any AWS call, with the Reason each bad input gets.</summary>
    public sealed class StudioNamesTests
    {
        private static string ReasonOf(Action validate)
        {
            var e = Assert.Throws<NumeraiAwsException>(validate);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.False(string.IsNullOrEmpty(e.RecommendedAction));
            return e.Reason;
        }

        [Theory]
        [InlineData("numerai")]
        [InlineData("n")]
        [InlineData("Numerai-Studio-2")]
        [InlineData("a--b")]
        [InlineData("123")]
        public void AcceptsDomainAndProfileNames(string name)
        {
            StudioNames.ValidateDomainName(name);
            StudioNames.ValidateUserProfileName(name);
        }

        [Fact]
        public void AcceptsNamesOf63AndRejects64()
        {
            StudioNames.ValidateDomainName(new string('a', 63));
            Assert.Equal("InvalidDomainName", ReasonOf(() => StudioNames.ValidateDomainName(new string('a', 64))));
            Assert.Equal("InvalidUserProfileName", ReasonOf(() => StudioNames.ValidateUserProfileName(new string('a', 64))));
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        [InlineData("-numerai")]
        [InlineData("numerai-")]
        [InlineData("numerai_studio")]
        [InlineData("numerai studio")]
        [InlineData("numérai")]
        public void RejectsDomainAndProfileNames(string name)
        {
            Assert.Equal("InvalidDomainName", ReasonOf(() => StudioNames.ValidateDomainName(name)));
            Assert.Equal("InvalidUserProfileName", ReasonOf(() => StudioNames.ValidateUserProfileName(name)));
        }

        [Theory]
        [InlineData("d-numerai", true)]
        [InlineData("d-abcdef123456", true)]
        [InlineData("d-", false)]
        [InlineData("numerai", false)]
        [InlineData("d-ABCDEF123456", false)]
        [InlineData("d-abc_def", false)]
        [InlineData(null, false)]
        public void DomainIds(string id, bool valid)
        {
            if (valid) StudioNames.ValidateDomainId(id);
            else Assert.Equal("InvalidDomainId", ReasonOf(() => StudioNames.ValidateDomainId(id)));
        }

        [Theory]
        [InlineData("numerai-sagemaker-execution", true)]
        [InlineData("Role_+=,.@-1", true)]
        [InlineData("", false)]
        [InlineData("numerai role", false)]
        [InlineData("numerai/role", false)]
        [InlineData("numerai:role", false)]
        public void RoleNames(string name, bool valid)
        {
            if (valid) StudioNames.ValidateRoleName(name);
            else Assert.Equal("InvalidRoleName", ReasonOf(() => StudioNames.ValidateRoleName(name)));
        }

        [Fact]
        public void RoleNamesUpTo64Characters()
        {
            StudioNames.ValidateRoleName(new string('r', 64));
            Assert.Equal("InvalidRoleName", ReasonOf(() => StudioNames.ValidateRoleName(new string('r', 65))));
        }

        [Theory]
        [InlineData("arn:aws:iam::123456789012:policy/numerai/numerai-s3-bucket-access", true)]
        [InlineData("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess", true)]
        [InlineData("arn:aws-cn:iam::123456789012:policy/p", true)]
        [InlineData("arn:aws-us-gov:iam::123456789012:policy/a/b/c", true)]
        [InlineData("numerai-s3-bucket-access", false)]
        [InlineData("arn:aws:s3:::numerai-bucket", false)]
        [InlineData("arn:aws:iam::123456789012:role/numerai", false)]
        [InlineData("arn:aws:iam::12345:policy/p", false)]
        [InlineData("arn:aws:iam::123456789012:policy/", false)]
        public void PolicyArns(string arn, bool valid)
        {
            if (valid) StudioNames.ValidatePolicyArn(arn);
            else Assert.Equal("InvalidPolicyArn", ReasonOf(() => StudioNames.ValidatePolicyArn(arn)));
        }

        [Fact]
        public void NetworkNeedsBothOrNeither()
        {
            StudioNames.ValidateNetwork(null, null);
            StudioNames.ValidateNetwork(null, new string[0]);
            StudioNames.ValidateNetwork("vpc-0abc1234", new[] { "subnet-0abc1234", "subnet-1" });
            Assert.Equal("VpcAndSubnetsTogether", ReasonOf(() => StudioNames.ValidateNetwork("vpc-0abc1234", null)));
            Assert.Equal("VpcAndSubnetsTogether", ReasonOf(() => StudioNames.ValidateNetwork(null, new[] { "subnet-1" })));
            Assert.Equal("InvalidVpcId", ReasonOf(() => StudioNames.ValidateNetwork("subnet-1", new[] { "subnet-1" })));
            Assert.Equal("InvalidSubnetId", ReasonOf(() => StudioNames.ValidateNetwork("vpc-1", new[] { "subnet-1", "vpc-1" })));
            var seventeen = new string[17];
            for (var i = 0; i < seventeen.Length; i++) seventeen[i] = "subnet-" + i;
            Assert.Equal("TooManySubnets", ReasonOf(() => StudioNames.ValidateNetwork("vpc-1", seventeen)));
        }

        [Theory]
        [InlineData(0.5, true)]
        [InlineData(900, true)]
        [InlineData(86400, true)]
        [InlineData(0, false)]
        [InlineData(-1, false)]
        [InlineData(86401, false)]
        public void Timeouts(double seconds, bool valid)
        {
            var request = new StudioUserRequest { DomainId = "d-numerai", Timeout = TimeSpan.FromSeconds(seconds) };
            if (valid) request.Validate();
            else Assert.Equal("InvalidTimeout", ReasonOf(request.Validate));
        }

        [Theory]
        [InlineData("numerai-tournament", true)]
        [InlineData("numerai.signals_v2", true)]
        [InlineData("a", true)]
        [InlineData("git", true)]
        [InlineData("numerai.gitx", true)]
        [InlineData("", false)]
        [InlineData(null, false)]
        [InlineData("numerai tournament", false)]
        [InlineData("numerai/tournament", false)]
        [InlineData("numerai-tournament.git", false)]
        [InlineData("numerai.GIT", false)]
        [InlineData(".git", false)]
        [InlineData("numeräi", false)]
        [InlineData("numerai$", false)]
        public void RepositoryNameRules(string name, bool valid)
        {
            Assert.Equal(valid, RepositoryNames.IsValidName(name));
            if (!valid) Assert.Equal("InvalidRepositoryName", ReasonOf(() => RepositoryNames.ValidateName(name)));
        }

        [Fact]
        public void RepositoryNamesUpTo100Characters()
        {
            Assert.True(RepositoryNames.IsValidName(new string('n', 100)));
            Assert.False(RepositoryNames.IsValidName(new string('n', 101)));
        }

        [Fact]
        public void RepositoryDescriptionAndTags()
        {
            new RepositoryRequest { Description = new string('d', 1000), Tags = new System.Collections.Generic.Dictionary<string, string> { ["owner"] = "" } }.Validate();
            Assert.Equal("InvalidRepositoryDescription", ReasonOf(new RepositoryRequest { Description = new string('d', 1001) }.Validate));
            Assert.Equal("InvalidTag", ReasonOf(new RepositoryRequest { Tags = new System.Collections.Generic.Dictionary<string, string> { ["aws:x"] = "1" } }.Validate));
            Assert.Equal("InvalidTag", ReasonOf(new RepositoryRequest { Tags = new System.Collections.Generic.Dictionary<string, string> { [new string('k', 129)] = "1" } }.Validate));
            Assert.Equal("InvalidTag", ReasonOf(new RepositoryRequest { Tags = new System.Collections.Generic.Dictionary<string, string> { ["k"] = new string('v', 257) } }.Validate));
        }
    }
}
