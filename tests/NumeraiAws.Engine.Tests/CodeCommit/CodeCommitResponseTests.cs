using System;
using System.Collections.Generic;
using NumeraiAws.Engine.Clients.CodeCommit;
using Xunit;

namespace NumeraiAws.Engine.Tests.CodeCommit
{
    /// <summary>
    /// Parsing of CodeCommit responses shaped as the CodeCommit API reference documents them: camelCase members
    /// inside "repositoryMetadata" (except "Arn"), timestamps as epoch seconds.
    /// </summary>
    public sealed class CodeCommitResponseTests
    {
        // The CodeCommit documentation's example repository, created at 1429203623.625 = 2015-04-16T17:00:23.625Z.
        private const string Metadata = @"{
            ""repositoryMetadata"": {
                ""accountId"": ""111111111111"",
                ""Arn"": ""arn:aws:codecommit:us-east-1:111111111111:MyDemoRepo"",
                ""cloneUrlHttp"": ""https://git-codecommit.us-east-1.amazonaws.com/v1/repos/MyDemoRepo"",
                ""cloneUrlSsh"": ""ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/MyDemoRepo"",
                ""creationDate"": 1429203623.625,
                ""defaultBranch"": ""main"",
                ""lastModifiedDate"": 1430244547.161,
                ""repositoryDescription"": ""My demonstration repository"",
                ""repositoryId"": ""f7579e13-b83e-4027-aaef-650c0EXAMPLE"",
                ""repositoryName"": ""MyDemoRepo""
            }
        }";

        [Fact]
        public void RepositoryMetadataIsParsedMemberByMember()
        {
            var repository = CodeCommitResponses.Repository(WireJson.Parse(Metadata));

            Assert.Equal("MyDemoRepo", repository.RepositoryName);
            Assert.Equal("f7579e13-b83e-4027-aaef-650c0EXAMPLE", repository.RepositoryId);
            Assert.Equal("arn:aws:codecommit:us-east-1:111111111111:MyDemoRepo", repository.Arn);
            Assert.Equal("My demonstration repository", repository.Description);
            Assert.Equal("main", repository.DefaultBranch);
            Assert.Equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/MyDemoRepo", repository.CloneUrlHttp);
            Assert.Equal("ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/MyDemoRepo", repository.CloneUrlSsh);
            Assert.Equal("111111111111", repository.AccountId);
            Assert.Equal(new DateTime(2015, 4, 16, 17, 0, 23, 625, DateTimeKind.Utc), repository.CreationDate);
            Assert.Equal(DateTimeKind.Utc, repository.CreationDate.Value.Kind);
            Assert.Equal(new DateTime(2015, 4, 28, 18, 9, 7, 161, DateTimeKind.Utc), repository.LastModifiedDate);
        }

        [Fact]
        public void PascalCaseMembersAreNotMistakenForCodeCommitOnes()
        {
            // SageMaker-style casing must not be read: CodeCommit's names are case-sensitive camelCase.
            var repository = CodeCommitResponses.Repository(WireJson.Parse(@"{""repositoryMetadata"":{""RepositoryName"":""x"",""CloneUrlHttp"":""y""}}"));
            Assert.Null(repository.RepositoryName);
            Assert.Null(repository.CloneUrlHttp);
        }

        [Fact]
        public void AnIsoTimestampFromAnEmulatorIsReadAsUtc()
        {
            var repository = CodeCommitResponses.Repository(WireJson.Parse(
                @"{""repositoryMetadata"":{""repositoryName"":""r"",""creationDate"":""2024-02-29T23:59:58.250Z""}}"));
            Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 58, 250, DateTimeKind.Utc), repository.CreationDate);
            Assert.Equal(DateTimeKind.Utc, repository.CreationDate.Value.Kind);
        }

        [Fact]
        public void DeleteRepositoryGivesTheIdOrNullWhenNothingWasDeleted()
        {
            Assert.Equal("f7579e13-b83e-4027-aaef-650c0EXAMPLE",
                CodeCommitResponses.DeletedRepositoryId(WireJson.Parse(@"{""repositoryId"":""f7579e13-b83e-4027-aaef-650c0EXAMPLE""}")));
            Assert.Null(CodeCommitResponses.DeletedRepositoryId(WireJson.Parse("{}")));
        }

        [Fact]
        public void ListRepositoriesPageGivesNamesIdsAndTheNextToken()
        {
            var page = CodeCommitResponses.RepositoriesPage(WireJson.Parse(@"{
                ""nextToken"": ""AKIAIOSFODNN7EXAMPLE"",
                ""repositories"": [
                    { ""repositoryId"": ""f7579e13-b83e-4027-aaef-650c0EXAMPLE"", ""repositoryName"": ""MyDemoRepo"" },
                    { ""repositoryId"": ""cfc29ac4-b0cb-44dc-9990-f6f51EXAMPLE"", ""repositoryName"": ""MyOtherDemoRepo"" }
                ]
            }"));

            Assert.Equal("AKIAIOSFODNN7EXAMPLE", page.NextToken);
            Assert.Equal(2, page.Items.Count);
            Assert.Equal("MyDemoRepo", page.Items[0].RepositoryName);
            Assert.Equal("f7579e13-b83e-4027-aaef-650c0EXAMPLE", page.Items[0].RepositoryId);
            Assert.Equal("MyOtherDemoRepo", page.Items[1].RepositoryName);
            Assert.Equal("cfc29ac4-b0cb-44dc-9990-f6f51EXAMPLE", page.Items[1].RepositoryId);
        }

        [Fact]
        public void ListTagsForResourcePageGivesTheMap()
        {
            var page = CodeCommitResponses.TagsPage(WireJson.Parse(@"{""tags"":{""Status"":""Secret"",""Team"":""Saanvi""}}"));
            Assert.Null(page.NextToken);
            Assert.Equal(new Dictionary<string, string> { ["Status"] = "Secret", ["Team"] = "Saanvi" }, NumeraiAws.Engine.Clients.TagMaps.From(page.Items));
        }
    }
}
