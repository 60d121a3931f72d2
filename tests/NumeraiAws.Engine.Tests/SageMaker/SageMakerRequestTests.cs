using System;
using System.Collections.Generic;
using NumeraiAws.Engine.Clients.SageMaker;
using Xunit;

namespace NumeraiAws.Engine.Tests.SageMaker
{
    /// <summary>The exact operation names and bodies of the SageMaker requests, per the SageMaker API reference.</summary>
    public sealed class SageMakerRequestTests
    {
        private const string Role = "arn:aws:iam::123456789012:role/NumeraiSageMakerExecution";

        private static readonly KeyValuePair<string, string>[] Tags =
        {
            new KeyValuePair<string, string>("project", "numerai"),
            new KeyValuePair<string, string>("managed-by", "NumeraiAws"),
        };

        [Fact]
        public void CreateDomainSendsNameAuthModeVpcSubnetsRoleAndTags()
        {
            var op = SageMakerRequests.CreateDomain("numerai-studio", "IAM", "vpc-0abc1234", new[] { "subnet-1111", "subnet-2222" }, Role, Tags);
            Assert.Equal("CreateDomain", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{
                ""DomainName"": ""numerai-studio"",
                ""AuthMode"": ""IAM"",
                ""VpcId"": ""vpc-0abc1234"",
                ""SubnetIds"": [""subnet-1111"", ""subnet-2222""],
                ""DefaultUserSettings"": { ""ExecutionRole"": ""arn:aws:iam::123456789012:role/NumeraiSageMakerExecution"" },
                ""Tags"": [ { ""Key"": ""project"", ""Value"": ""numerai"" }, { ""Key"": ""managed-by"", ""Value"": ""NumeraiAws"" } ]
            }"), WireJson.Of(op));
        }

        [Fact]
        public void CreateDomainWithoutTagsOrRoleStillSendsTheRequiredDefaultUserSettings()
        {
            var op = SageMakerRequests.CreateDomain("d1", "IAM", "vpc-1", new[] { "subnet-1" }, null, null);
            Assert.Equal(WireJson.Canonical(@"{""DomainName"":""d1"",""AuthMode"":""IAM"",""VpcId"":""vpc-1"",""SubnetIds"":[""subnet-1""],""DefaultUserSettings"":{}}"),
                WireJson.Of(op));
        }

        [Fact]
        public void CreateDomainRefusesAMissingName()
        {
            var error = Assert.Throws<ArgumentException>(() => SageMakerRequests.CreateDomain("", "IAM", "vpc-1", new[] { "subnet-1" }, Role, null));
            Assert.Equal("domainName", error.ParamName);
        }

        [Fact]
        public void DescribeDomainSendsTheDomainId()
        {
            var op = SageMakerRequests.DescribeDomain("d-abcdef123456");
            Assert.Equal("DescribeDomain", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal(@"{""DomainId"":""d-abcdef123456""}", WireJson.Of(op));
        }

        [Fact]
        public void ListDomainsFirstPageIsAnEmptyObject()
        {
            var op = SageMakerRequests.ListDomains(null);
            Assert.Equal("ListDomains", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal("{}", WireJson.Of(op));
        }

        [Fact]
        public void ListDomainsLaterPageSendsTokenAndPageSize()
        {
            Assert.Equal(WireJson.Canonical(@"{""NextToken"":""tok-2"",""MaxResults"":5}"), WireJson.Of(SageMakerRequests.ListDomains("tok-2", 5)));
        }

        [Theory]
        [InlineData(HomeEfsRetention.Retain, "Retain")]
        [InlineData(HomeEfsRetention.Delete, "Delete")]
        public void DeleteDomainAlwaysStatesTheHomeEfsRetention(HomeEfsRetention retention, string wire)
        {
            var op = SageMakerRequests.DeleteDomain("d-abcdef123456", retention);
            Assert.Equal("DeleteDomain", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical($@"{{""DomainId"":""d-abcdef123456"",""RetentionPolicy"":{{""HomeEfsFileSystem"":""{wire}""}}}}"), WireJson.Of(op));
        }

        [Fact]
        public void CreateUserProfileWithRoleSendsUserSettingsAndTags()
        {
            var op = SageMakerRequests.CreateUserProfile("d-abcdef123456", "alice", Role, Tags);
            Assert.Equal("CreateUserProfile", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{
                ""DomainId"": ""d-abcdef123456"",
                ""UserProfileName"": ""alice"",
                ""UserSettings"": { ""ExecutionRole"": ""arn:aws:iam::123456789012:role/NumeraiSageMakerExecution"" },
                ""Tags"": [ { ""Key"": ""project"", ""Value"": ""numerai"" }, { ""Key"": ""managed-by"", ""Value"": ""NumeraiAws"" } ]
            }"), WireJson.Of(op));
        }

        [Fact]
        public void CreateUserProfileWithoutRoleLeavesUserSettingsOut()
        {
            var op = SageMakerRequests.CreateUserProfile("d-abcdef123456", "alice", null, null);
            Assert.Equal(WireJson.Canonical(@"{""DomainId"":""d-abcdef123456"",""UserProfileName"":""alice""}"), WireJson.Of(op));
        }

        [Fact]
        public void DescribeUserProfileSendsDomainAndName()
        {
            var op = SageMakerRequests.DescribeUserProfile("d-abcdef123456", "alice");
            Assert.Equal("DescribeUserProfile", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{""DomainId"":""d-abcdef123456"",""UserProfileName"":""alice""}"), WireJson.Of(op));
        }

        [Fact]
        public void ListUserProfilesFiltersByDomainWithDomainIdEquals()
        {
            var first = SageMakerRequests.ListUserProfiles("d-abcdef123456", null);
            Assert.Equal("ListUserProfiles", first.Name);
            Assert.False(first.IsWrite);
            Assert.Equal(@"{""DomainIdEquals"":""d-abcdef123456""}", WireJson.Of(first));
            Assert.Equal(WireJson.Canonical(@"{""DomainIdEquals"":""d-abcdef123456"",""NextToken"":""t"",""MaxResults"":10}"),
                WireJson.Of(SageMakerRequests.ListUserProfiles("d-abcdef123456", "t", 10)));
        }

        [Fact]
        public void DeleteUserProfileSendsDomainAndName()
        {
            var op = SageMakerRequests.DeleteUserProfile("d-abcdef123456", "alice");
            Assert.Equal("DeleteUserProfile", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{""DomainId"":""d-abcdef123456"",""UserProfileName"":""alice""}"), WireJson.Of(op));
        }

        [Fact]
        public void AddTagsSendsArnAndKeyValueList()
        {
            var op = SageMakerRequests.AddTags("arn:aws:sagemaker:us-east-1:123456789012:domain/d-abcdef123456",
                new[] { new KeyValuePair<string, string>("stage", "prod") });
            Assert.Equal("AddTags", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{""ResourceArn"":""arn:aws:sagemaker:us-east-1:123456789012:domain/d-abcdef123456"",""Tags"":[{""Key"":""stage"",""Value"":""prod""}]}"),
                WireJson.Of(op));
        }

        [Fact]
        public void ListTagsSendsArnAndToken()
        {
            var op = SageMakerRequests.ListTags("arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc", "tok");
            Assert.Equal("ListTags", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{""ResourceArn"":""arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc"",""NextToken"":""tok""}"), WireJson.Of(op));
        }

        [Fact]
        public void JsonOneOneOperationsAllPostToTheRoot()
        {
            var op = SageMakerRequests.DescribeDomain("d-1");
            Assert.Equal("/", op.Path);
            Assert.Equal("POST", op.Method);
        }
    }
}
