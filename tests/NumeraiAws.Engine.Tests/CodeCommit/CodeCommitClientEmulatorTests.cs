using System;
using System.Collections.Generic;
using NumeraiAws.Engine;
using NumeraiAws.Engine.Clients.CodeCommit;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.CodeCommit
{
    /// <summary>
    /// CodeCommitClient against moto, for what moto implements: create, get, delete. (moto answers 500 to
    /// ListRepositories and the tag operations; <see cref="CodeCommitClientStubTests"/> covers those.)
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class CodeCommitClientEmulatorTests
    {
        private readonly MotoServer _moto;
        public CodeCommitClientEmulatorTests(MotoServer moto) { _moto = moto; }

        [Fact]
        public void RepositoryRoundTripCreateGetDelete()
        {
            using var connection = _moto.Connect();
            var client = new CodeCommitClient(connection);
            var before = DateTime.UtcNow.AddMinutes(-1);

            var created = client.CreateRepository("numerai-roundtrip-repo", "Numerai model code",
                new[] { new KeyValuePair<string, string>("project", "numerai") });

            Assert.Equal("numerai-roundtrip-repo", created.RepositoryName);
            Assert.Equal("Numerai model code", created.Description);
            Assert.Equal("arn:aws:codecommit:us-east-1:123456789012:numerai-roundtrip-repo", created.Arn);
            Assert.Equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/numerai-roundtrip-repo", created.CloneUrlHttp);
            Assert.Equal("ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/numerai-roundtrip-repo", created.CloneUrlSsh);
            Assert.Equal("123456789012", created.AccountId);
            Assert.True(Guid.TryParse(created.RepositoryId, out _), created.RepositoryId);
            Assert.NotNull(created.CreationDate);
            Assert.InRange(created.CreationDate.Value, before, DateTime.UtcNow.AddMinutes(1));

            var got = client.GetRepository("numerai-roundtrip-repo");
            Assert.Equal(created.RepositoryId, got.RepositoryId);
            Assert.Equal(created.Arn, got.Arn);
            Assert.Equal(created.CreationDate, got.CreationDate);

            Assert.Equal(created.RepositoryId, client.DeleteRepository("numerai-roundtrip-repo"));
            Assert.Null(client.TryGetRepository("numerai-roundtrip-repo"));
            // Deleting again is not an error in CodeCommit: it just names no repository.
            Assert.Null(client.DeleteRepository("numerai-roundtrip-repo"));
        }

        [Fact]
        public void TryGetRepositoryIsNullForAMissingRepository()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            Assert.Null(new CodeCommitClient(connection).TryGetRepository("numerai-no-such-repo"));
            var call = Assert.Single(observer.Calls);
            Assert.Equal("RepositoryDoesNotExistException", call.ErrorCode);
        }

        [Fact]
        public void GetRepositoryThrowsForAMissingRepository()
        {
            using var connection = _moto.Connect();
            var error = Assert.Throws<AwsServiceException>(() => new CodeCommitClient(connection).GetRepository("numerai-no-such-repo"));
            Assert.Equal("RepositoryDoesNotExistException", error.ErrorCode);
            Assert.True(error.IsNotFound);
        }

        [Fact]
        public void CreatingAnExistingRepositoryIsResourceExists()
        {
            using var connection = _moto.Connect();
            var client = new CodeCommitClient(connection);
            client.CreateRepository("numerai-twice");
            var error = Assert.Throws<AwsServiceException>(() => client.CreateRepository("numerai-twice"));
            Assert.Equal("RepositoryNameExistsException", error.ErrorCode);
            Assert.Equal(ErrorKind.ResourceExists, error.Kind);
            client.DeleteRepository("numerai-twice");
        }
    }
}
