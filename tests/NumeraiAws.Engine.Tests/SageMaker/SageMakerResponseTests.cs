using System;
using NumeraiAws.Engine.Clients.SageMaker;
using Xunit;

namespace NumeraiAws.Engine.Tests.SageMaker
{
    /// <summary>
    /// Parsing of SageMaker responses shaped as the "Response Syntax" of the SageMaker API reference
    /// (DescribeDomain, CreateDomain, ListDomains, DescribeUserProfile, ListUserProfiles, ListTags):
    /// PascalCase members, timestamps as epoch seconds with a fraction.
    /// </summary>
    public sealed class SageMakerResponseTests
    {
        // 1700000000.123 s after the epoch is 2023-11-14T22:13:20.123Z.
        private static readonly DateTime Created = new DateTime(2023, 11, 14, 22, 13, 20, 123, DateTimeKind.Utc);
        private static readonly DateTime Modified = new DateTime(2023, 11, 14, 22, 30, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void DescribeDomainIsParsedMemberByMember()
        {
            var response = WireJson.Parse(@"{
                ""AppNetworkAccessType"": ""PublicInternetOnly"",
                ""AuthMode"": ""IAM"",
                ""CreationTime"": 1700000000.123,
                ""DefaultUserSettings"": {
                    ""ExecutionRole"": ""arn:aws:iam::123456789012:role/NumeraiSageMakerExecution"",
                    ""SecurityGroups"": [ ""sg-0123456789abcdef0"" ],
                    ""SharingSettings"": { ""NotebookOutputOption"": ""Disabled"" }
                },
                ""DomainArn"": ""arn:aws:sagemaker:us-east-1:123456789012:domain/d-xxxxxxxxxxxx"",
                ""DomainId"": ""d-xxxxxxxxxxxx"",
                ""DomainName"": ""numerai-studio"",
                ""DomainSettings"": { ""ExecutionRoleIdentityConfig"": ""DISABLED"" },
                ""FailureReason"": ""The VPC ID 'vpc-0abc1234' could not be found."",
                ""HomeEfsFileSystemId"": ""fs-0123456789abcdef0"",
                ""LastModifiedTime"": 1700001000,
                ""SecurityGroupIdForDomainBoundary"": ""sg-0fedcba9876543210"",
                ""SingleSignOnManagedApplicationInstanceId"": null,
                ""Status"": ""Failed"",
                ""SubnetIds"": [ ""subnet-1111"", ""subnet-2222"" ],
                ""Url"": ""https://d-xxxxxxxxxxxx.studio.us-east-1.sagemaker.aws"",
                ""VpcId"": ""vpc-0abc1234""
            }");

            var domain = SageMakerResponses.Domain(response);

            Assert.Equal("d-xxxxxxxxxxxx", domain.DomainId);
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:domain/d-xxxxxxxxxxxx", domain.DomainArn);
            Assert.Equal("numerai-studio", domain.DomainName);
            Assert.Equal(SageMakerStatus.Failed, domain.Status);
            Assert.Equal("Failed", domain.RawStatus);
            Assert.Equal("The VPC ID 'vpc-0abc1234' could not be found.", domain.FailureReason);
            Assert.Equal("IAM", domain.AuthMode);
            Assert.Equal("vpc-0abc1234", domain.VpcId);
            Assert.Equal(new[] { "subnet-1111", "subnet-2222" }, domain.SubnetIds);
            Assert.Equal("arn:aws:iam::123456789012:role/NumeraiSageMakerExecution", domain.DefaultExecutionRole);
            Assert.Equal("https://d-xxxxxxxxxxxx.studio.us-east-1.sagemaker.aws", domain.Url);
            Assert.Equal("fs-0123456789abcdef0", domain.HomeEfsFileSystemId);
            Assert.Equal(Created, domain.CreationTime);
            Assert.Equal(DateTimeKind.Utc, domain.CreationTime.Value.Kind);
            Assert.Equal(new DateTime(2023, 11, 14, 22, 30, 0, DateTimeKind.Utc), domain.LastModifiedTime);
        }

        [Fact]
        public void DescribeDomainWithOptionalMembersAbsentGivesNullsAndAnEmptySubnetList()
        {
            var domain = SageMakerResponses.Domain(WireJson.Parse(@"{""DomainId"":""d-1"",""Status"":""Pending"",""FailureReason"":""""}"));
            Assert.Equal(SageMakerStatus.Pending, domain.Status);
            Assert.Null(domain.FailureReason);
            Assert.Null(domain.DefaultExecutionRole);
            Assert.Null(domain.VpcId);
            Assert.Null(domain.CreationTime);
            Assert.Empty(domain.SubnetIds);
        }

        [Fact]
        public void CreateDomainGivesArnIdAndUrl()
        {
            var created = SageMakerResponses.CreateDomain(WireJson.Parse(@"{
                ""DomainArn"": ""arn:aws:sagemaker:us-east-1:123456789012:domain/d-abcdef123456"",
                ""DomainId"": ""d-abcdef123456"",
                ""Url"": ""https://d-abcdef123456.studio.us-east-1.sagemaker.aws""
            }"));
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:domain/d-abcdef123456", created.DomainArn);
            Assert.Equal("d-abcdef123456", created.DomainId);
            Assert.Equal("https://d-abcdef123456.studio.us-east-1.sagemaker.aws", created.Url);
        }

        [Fact]
        public void CreateDomainWithoutDomainIdTakesItFromTheArn()
        {
            var created = SageMakerResponses.CreateDomain(WireJson.Parse(
                @"{""DomainArn"":""arn:aws-cn:sagemaker:cn-north-1:123456789012:domain/d-zyx987"",""Url"":""u""}"));
            Assert.Equal("d-zyx987", created.DomainId);
        }

        [Theory]
        [InlineData("arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc", "d-abc")]
        [InlineData("arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice", null)]
        [InlineData(null, null)]
        public void DomainIdFromArnOnlyReadsDomainArns(string arn, string expected)
        {
            Assert.Equal(expected, SageMakerResponses.DomainIdFromArn(arn));
        }

        [Fact]
        public void ListDomainsPageGivesSummariesAndTheNextToken()
        {
            var page = SageMakerResponses.DomainsPage(WireJson.Parse(@"{
                ""Domains"": [
                    { ""CreationTime"": 1700000000.123, ""DomainArn"": ""arn:aws:sagemaker:us-east-1:123456789012:domain/d-one"",
                      ""DomainId"": ""d-one"", ""DomainName"": ""one"", ""LastModifiedTime"": 1700001000, ""Status"": ""InService"", ""Url"": ""https://one"" },
                    { ""DomainArn"": ""arn:aws:sagemaker:us-east-1:123456789012:domain/d-two"",
                      ""DomainId"": ""d-two"", ""DomainName"": ""two"", ""Status"": ""Delete_Failed"" }
                ],
                ""NextToken"": ""next-page""
            }"));

            Assert.Equal("next-page", page.NextToken);
            Assert.Equal(2, page.Items.Count);
            var one = page.Items[0];
            Assert.Equal("d-one", one.DomainId);
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:domain/d-one", one.DomainArn);
            Assert.Equal("one", one.DomainName);
            Assert.Equal(SageMakerStatus.InService, one.Status);
            Assert.Equal("https://one", one.Url);
            Assert.Equal(Created, one.CreationTime);
            Assert.Equal(Modified, one.LastModifiedTime);
            Assert.Equal(SageMakerStatus.DeleteFailed, page.Items[1].Status);
            Assert.Equal("Delete_Failed", page.Items[1].RawStatus);
        }

        [Theory]
        [InlineData(@"{""Domains"":[]}")]
        [InlineData(@"{""Domains"":[],""NextToken"":""""}")]
        [InlineData(@"{""Domains"":[],""NextToken"":null}")]
        public void ALastPageHasNoNextToken(string json)
        {
            var page = SageMakerResponses.DomainsPage(WireJson.Parse(json));
            Assert.Null(page.NextToken);
            Assert.Empty(page.Items);
        }

        [Fact]
        public void CreateUserProfileGivesTheProfileArn()
        {
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice",
                SageMakerResponses.UserProfileArn(WireJson.Parse(@"{""UserProfileArn"":""arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice""}")));
        }

        [Fact]
        public void DescribeUserProfileIsParsedMemberByMember()
        {
            var profile = SageMakerResponses.UserProfile(WireJson.Parse(@"{
                ""CreationTime"": 1700000000.123,
                ""DomainId"": ""d-abc"",
                ""FailureReason"": ""Execution role is not valid"",
                ""HomeEfsFileSystemUid"": ""200001"",
                ""LastModifiedTime"": 1700001000,
                ""Status"": ""Update_Failed"",
                ""UserProfileArn"": ""arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice"",
                ""UserProfileName"": ""alice"",
                ""UserSettings"": { ""ExecutionRole"": ""arn:aws:iam::123456789012:role/AliceRole"" }
            }"));

            Assert.Equal("d-abc", profile.DomainId);
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice", profile.UserProfileArn);
            Assert.Equal("alice", profile.UserProfileName);
            Assert.Equal(SageMakerStatus.UpdateFailed, profile.Status);
            Assert.Equal("Update_Failed", profile.RawStatus);
            Assert.Equal("Execution role is not valid", profile.FailureReason);
            Assert.Equal("arn:aws:iam::123456789012:role/AliceRole", profile.ExecutionRole);
            Assert.Equal(Created, profile.CreationTime);
            Assert.Equal(Modified, profile.LastModifiedTime);
        }

        [Fact]
        public void ListUserProfilesPageGivesSummaries()
        {
            var page = SageMakerResponses.UserProfilesPage(WireJson.Parse(@"{
                ""UserProfiles"": [
                    { ""CreationTime"": 1700000000.123, ""DomainId"": ""d-abc"", ""LastModifiedTime"": 1700001000, ""Status"": ""InService"", ""UserProfileName"": ""alice"" },
                    { ""DomainId"": ""d-abc"", ""Status"": ""Deleting"", ""UserProfileName"": ""bob"" }
                ]
            }"));

            Assert.Null(page.NextToken);
            Assert.Equal(new[] { "alice", "bob" }, new[] { page.Items[0].UserProfileName, page.Items[1].UserProfileName });
            Assert.Equal("d-abc", page.Items[0].DomainId);
            Assert.Equal(SageMakerStatus.InService, page.Items[0].Status);
            Assert.Equal(SageMakerStatus.Deleting, page.Items[1].Status);
            Assert.Equal(Created, page.Items[0].CreationTime);
            Assert.Equal(Modified, page.Items[0].LastModifiedTime);
        }

        [Fact]
        public void ListTagsPageGivesKeyValuePairsInOrder()
        {
            var page = SageMakerResponses.TagsPage(WireJson.Parse(
                @"{""NextToken"":""t2"",""Tags"":[{""Key"":""project"",""Value"":""numerai""},{""Key"":""empty"",""Value"":""""}]}"));
            Assert.Equal("t2", page.NextToken);
            Assert.Equal(2, page.Items.Count);
            Assert.Equal("project", page.Items[0].Key);
            Assert.Equal("numerai", page.Items[0].Value);
            Assert.Equal("empty", page.Items[1].Key);
            Assert.Equal("", page.Items[1].Value);
        }

        [Theory]
        [InlineData("Pending", SageMakerStatus.Pending)]
        [InlineData("InService", SageMakerStatus.InService)]
        [InlineData("Updating", SageMakerStatus.Updating)]
        [InlineData("Deleting", SageMakerStatus.Deleting)]
        [InlineData("Failed", SageMakerStatus.Failed)]
        [InlineData("Update_Failed", SageMakerStatus.UpdateFailed)]
        [InlineData("Delete_Failed", SageMakerStatus.DeleteFailed)]
        [InlineData("inservice", SageMakerStatus.Unknown)]
        [InlineData("Archived", SageMakerStatus.Unknown)]
        [InlineData(null, SageMakerStatus.Unknown)]
        public void StatusesMapExactlyAndUnknownOnesAreNotGuessed(string raw, SageMakerStatus expected)
        {
            Assert.Equal(expected, SageMakerResponses.Status(raw));
        }
    }
}
