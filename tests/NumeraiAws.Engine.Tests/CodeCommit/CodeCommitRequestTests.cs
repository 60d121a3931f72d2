using System;
using System.Collections.Generic;
using NumeraiAws.Engine.Clients.CodeCommit;
using Xunit;

namespace NumeraiAws.Engine.Tests.CodeCommit
{
    /// <summary>The exact operation names and (camelCase) bodies of the CodeCommit requests, per the CodeCommit API reference.</summary>
    public sealed class CodeCommitRequestTests
    {
        [Fact]
        public void CreateRepositorySendsNameDescriptionAndTagMap()
        {
            var op = CodeCommitRequests.CreateRepository("numerai-models", "Numerai model code",
                new[] { new KeyValuePair<string, string>("project", "numerai"), new KeyValuePair<string, string>("owner", "me") });
            Assert.Equal("CreateRepository", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{
                ""repositoryName"": ""numerai-models"",
                ""repositoryDescription"": ""Numerai model code"",
                ""tags"": { ""project"": ""numerai"", ""owner"": ""me"" }
            }"), WireJson.Of(op));
        }

        [Fact]
        public void CreateRepositoryLeavesOutWhatWasNotGiven()
        {
            Assert.Equal(@"{""repositoryName"":""r""}", WireJson.Of(CodeCommitRequests.CreateRepository("r", null, null)));
        }

        [Fact]
        public void ARepeatedTagKeyIsSentOnceWithTheLastValue()
        {
            var op = CodeCommitRequests.CreateRepository("r", null,
                new[] { new KeyValuePair<string, string>("k", "first"), new KeyValuePair<string, string>("k", "second") });
            Assert.Equal(WireJson.Canonical(@"{""repositoryName"":""r"",""tags"":{""k"":""second""}}"), WireJson.Of(op));
        }

        [Fact]
        public void GetRepositorySendsTheName()
        {
            var op = CodeCommitRequests.GetRepository("numerai-models");
            Assert.Equal("GetRepository", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal(@"{""repositoryName"":""numerai-models""}", WireJson.Of(op));
        }

        [Fact]
        public void DeleteRepositorySendsTheName()
        {
            var op = CodeCommitRequests.DeleteRepository("numerai-models");
            Assert.Equal("DeleteRepository", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(@"{""repositoryName"":""numerai-models""}", WireJson.Of(op));
        }

        [Fact]
        public void GetRepositoryRefusesAMissingName()
        {
            Assert.Equal("repositoryName", Assert.Throws<ArgumentException>(() => CodeCommitRequests.GetRepository(null)).ParamName);
        }

        [Fact]
        public void ListRepositoriesSendsOnlyTheContinuationToken()
        {
            var first = CodeCommitRequests.ListRepositories(null);
            Assert.Equal("ListRepositories", first.Name);
            Assert.False(first.IsWrite);
            Assert.Equal("{}", WireJson.Of(first));
            Assert.Equal(@"{""nextToken"":""abc""}", WireJson.Of(CodeCommitRequests.ListRepositories("abc")));
        }

        [Fact]
        public void TagResourceSendsArnAndTagMap()
        {
            var op = CodeCommitRequests.TagResource("arn:aws:codecommit:us-east-1:123456789012:numerai-models",
                new[] { new KeyValuePair<string, string>("stage", "prod") });
            Assert.Equal("TagResource", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{""resourceArn"":""arn:aws:codecommit:us-east-1:123456789012:numerai-models"",""tags"":{""stage"":""prod""}}"),
                WireJson.Of(op));
        }

        [Fact]
        public void ListTagsForResourceSendsArnAndToken()
        {
            var op = CodeCommitRequests.ListTagsForResource("arn:aws:codecommit:us-east-1:123456789012:numerai-models", "t2");
            Assert.Equal("ListTagsForResource", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal(WireJson.Canonical(@"{""resourceArn"":""arn:aws:codecommit:us-east-1:123456789012:numerai-models"",""nextToken"":""t2""}"),
                WireJson.Of(op));
        }
    }
}
