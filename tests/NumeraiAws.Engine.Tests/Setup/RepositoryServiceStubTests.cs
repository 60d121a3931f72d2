using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Setup.Repository;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>
    /// New-NumeraiRepository's service against a scripted CodeCommit: the answers moto cannot give (an account closed
    /// to CodeCommit) and the exact CreateRepository request.
    /// </summary>
    public sealed class RepositoryServiceStubTests
    {
        private const string Metadata = @"{""repositoryMetadata"":{""repositoryName"":""numerai-tournament"",""repositoryId"":""id-1"",""Arn"":""arn:aws:codecommit:eu-west-1:123456789012:numerai-tournament"",""cloneUrlHttp"":""https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/numerai-tournament"",""cloneUrlSsh"":""ssh://git-codecommit.eu-west-1.amazonaws.com/v1/repos/numerai-tournament""}}";

        [Fact]
        public void CreatesWithTheModulesTagsAndTheUsersAndGivesTheGrcUrl()
        {
            using var stub = new StubAwsServer();
            stub.Error("RepositoryDoesNotExistException", "numerai-tournament does not exist").Ok(Metadata);
            using var connection = stub.Connect("eu-west-1");

            var repository = RepositoryService.Ensure(connection, new RecordingSetupHost(),
                new RepositoryRequest { Tags = new Dictionary<string, string> { ["owner"] = "analyst" } });

            Assert.True(repository.Created);
            Assert.Equal("codecommit::eu-west-1://numerai-tournament", repository.CloneUrlGrc);
            Assert.Equal("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/numerai-tournament", repository.CloneUrlHttp);
            Assert.Equal(WireJson.Canonical(@"{""repositoryName"":""numerai-tournament"",""repositoryDescription"":""Numerai tournament models and pipelines (NumeraiAws)"",""tags"":{""numeraiaws:component"":""repository"",""numeraiaws:managed"":""true"",""owner"":""analyst""}}"),
                WireJson.Canonical(stub.Requests[1].Body));
        }

        [Fact]
        public void AnExistingRepositoryIsOneReadAndNoWrite()
        {
            using var stub = new StubAwsServer();
            stub.Ok(Metadata);
            using var connection = stub.Connect("eu-west-1");

            var repository = RepositoryService.Ensure(connection, new RecordingSetupHost(), new RepositoryRequest());

            Assert.False(repository.Created);
            Assert.Equal("id-1", repository.RepositoryId);
            Assert.Equal("CodeCommit_20150413.GetRepository", Assert.Single(stub.Requests).Target);
        }

        [Fact]
        public void WhatIfCreatesNothing()
        {
            using var stub = new StubAwsServer();
            stub.Error("RepositoryDoesNotExistException", "no");
            using var connection = stub.Connect();

            Assert.Null(RepositoryService.Ensure(connection, new RecordingSetupHost(allowChanges: false), new RepositoryRequest()));
            Assert.Single(stub.Requests);
        }

        [Fact]
        public void OperationNotAllowedMeansCodeCommitIsClosedToTheAccount()
        {
            using var stub = new StubAwsServer();
            stub.Error("RepositoryDoesNotExistException", "no")
                .Error("OperationNotAllowedException", "CreateRepository request is not allowed because there is no existing repository in this account or AWS Organization");
            using var connection = stub.Connect();

            var e = Assert.Throws<NumeraiAwsException>(() => RepositoryService.Ensure(connection, new RecordingSetupHost(), new RepositoryRequest()));

            Assert.Equal("CodeCommitUnavailable", e.Reason);
            Assert.Equal(ErrorKind.ResourceUnavailable, e.Kind);
            Assert.Contains("cannot use CodeCommit", e.Message);
            Assert.Contains("closed CodeCommit to new customers", e.Message);
            Assert.Contains("GitHub", e.RecommendedAction);
        }

        [Fact]
        public void AnAccessDeniedSayingNotAvailableMeansTheSame()
        {
            using var stub = new StubAwsServer();
            stub.Error("AccessDeniedException", "AWS CodeCommit is not available to new customers");
            using var connection = stub.Connect();

            var e = Assert.Throws<NumeraiAwsException>(() => RepositoryService.Ensure(connection, new RecordingSetupHost(), new RepositoryRequest()));

            Assert.Equal("CodeCommitUnavailable", e.Reason);
            Assert.Single(stub.Requests);
        }

        [Fact]
        public void APlainAccessDeniedStaysAMissingPermission()
        {
            using var stub = new StubAwsServer();
            stub.Error("RepositoryDoesNotExistException", "no")
                .Error("AccessDeniedException", "User arn:aws:iam::123456789012:user/a is not authorized to perform: codecommit:CreateRepository");
            using var connection = stub.Connect();

            var e = Assert.Throws<NumeraiAws.Engine.Protocol.AwsServiceException>(() => RepositoryService.Ensure(connection, new RecordingSetupHost(), new RepositoryRequest()));

            Assert.Equal("AccessDenied", e.Reason);
            Assert.Equal("codecommit:CreateRepository", e.IamAction);
        }

        [Fact]
        public void ARepositoryMadeMeanwhileIsTakenAsItIs()
        {
            using var stub = new StubAwsServer();
            stub.Error("RepositoryDoesNotExistException", "no").Error("RepositoryNameExistsException", "exists").Ok(Metadata);
            using var connection = stub.Connect("eu-west-1");

            var repository = RepositoryService.Ensure(connection, new RecordingSetupHost(), new RepositoryRequest());

            Assert.False(repository.Created);
            Assert.Equal(new[] { "GetRepository", "CreateRepository", "GetRepository" }, stub.Requests.Select(r => r.Target.Split('.')[1]));
        }

        [Fact]
        public void BadNamesMakeNoCall()
        {
            using var stub = new StubAwsServer();
            using var connection = stub.Connect();
            var e = Assert.Throws<NumeraiAwsException>(() => RepositoryService.Ensure(connection, new RecordingSetupHost(), new RepositoryRequest { RepositoryName = "x.git" }));
            Assert.Equal("InvalidRepositoryName", e.Reason);
            Assert.Empty(stub.Requests);
        }
    }
}
