using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.CodeCommit;
using Xunit;

namespace NumeraiAws.Engine.Tests.CodeCommit
{
    /// <summary>CodeCommitClient against a scripted endpoint, for the operations moto does not implement.</summary>
    public sealed class CodeCommitClientStubTests
    {
        [Fact]
        public void ListRepositoriesSendsEachNextTokenBackAndJoinsThePages()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""repositories"":[{""repositoryName"":""a"",""repositoryId"":""id-a""}],""nextToken"":""page-2""}")
                .Ok(@"{""repositories"":[{""repositoryName"":""b"",""repositoryId"":""id-b""},{""repositoryName"":""c"",""repositoryId"":""id-c""}]}");
            using var connection = stub.Connect();

            var repositories = new CodeCommitClient(connection).ListRepositories();

            Assert.Equal(new[] { "a", "b", "c" }, repositories.Select(r => r.RepositoryName));
            Assert.Equal(new[] { "id-a", "id-b", "id-c" }, repositories.Select(r => r.RepositoryId));
            Assert.Equal(2, stub.Requests.Count);
            Assert.All(stub.Requests, r => Assert.Equal("CodeCommit_20150413.ListRepositories", r.Target));
            Assert.Equal("{}", stub.Requests[0].Body);
            Assert.Equal(@"{""nextToken"":""page-2""}", stub.Requests[1].Body);
        }

        [Fact]
        public void TagResourceIsSignedForCodeCommitAndSendsTheMap()
        {
            using var stub = new StubAwsServer();
            stub.Ok("{}");
            using var connection = stub.Connect("eu-central-1");

            new CodeCommitClient(connection).TagResource("arn:aws:codecommit:eu-central-1:123456789012:r",
                new[] { new KeyValuePair<string, string>("project", "numerai") });

            var request = Assert.Single(stub.Requests);
            Assert.Equal("CodeCommit_20150413.TagResource", request.Target);
            Assert.Equal(WireJson.Canonical(@"{""resourceArn"":""arn:aws:codecommit:eu-central-1:123456789012:r"",""tags"":{""project"":""numerai""}}"),
                WireJson.Canonical(request.Body));
            Assert.Contains("/eu-central-1/codecommit/aws4_request", request.Authorization);
        }

        [Fact]
        public void ListTagsForResourceJoinsPagesIntoOneMap()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""tags"":{""a"":""1""},""nextToken"":""t2""}").Ok(@"{""tags"":{""b"":""2""}}");
            using var connection = stub.Connect();

            var tags = new CodeCommitClient(connection).ListTagsForResource("arn:aws:codecommit:us-east-1:123456789012:r");

            Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, tags);
            Assert.Equal(WireJson.Canonical(@"{""resourceArn"":""arn:aws:codecommit:us-east-1:123456789012:r"",""nextToken"":""t2""}"),
                WireJson.Canonical(stub.Requests[1].Body));
        }
    }
}
