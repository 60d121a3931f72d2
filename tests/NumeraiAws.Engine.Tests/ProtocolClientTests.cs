using System.Linq;
using System.Net;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests
{
    /// <summary>Our own Query and JSON clients on AWSSDK.Core's pipeline, against the emulator.</summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class ProtocolClientTests
    {
        private readonly MotoServer _moto;
        public ProtocolClientTests(MotoServer moto) { _moto = moto; }

        [Fact]
        public void QueryRequestIsSignedAndItsResponseParsed()
        {
            using var connection = _moto.Connect();
            var created = connection.Send(ServiceDescription.Iam,
                new QueryRequest("CreateGroup", isWrite: true).Add("GroupName", "protocol-test-group").Add("Path", "/numerai/"));
            Assert.Equal("protocol-test-group", QueryResponse.Text(created.Child("Group"), "GroupName"));

            var listed = connection.Send(ServiceDescription.Iam, new QueryRequest("ListGroups", isWrite: false).Add("PathPrefix", "/numerai/"));
            Assert.Contains(listed.Members("Groups"), g => QueryResponse.Text(g, "GroupName") == "protocol-test-group");
        }

        [Fact]
        public void QueryErrorBecomesTypedExceptionWithCodeStatusAndRequestId()
        {
            using var connection = _moto.Connect();
            var error = Assert.Throws<AwsServiceException>(() =>
                connection.Send(ServiceDescription.Iam, new QueryRequest("GetUser", isWrite: false).Add("UserName", "nobody-by-this-name")));
            Assert.Equal("NoSuchEntity", error.ErrorCode);
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal("IAM", error.Service);
            Assert.Equal("iam:GetUser", error.IamAction);
            Assert.False(string.IsNullOrEmpty(error.RequestId));
        }

        [Fact]
        public void JsonRequestIsSignedAndItsResponseParsed()
        {
            using var connection = _moto.Connect();
            var name = "protocol-test-repo";
            connection.SendJson(ServiceDescription.CodeCommit, "CreateRepository", true,
                new System.Collections.Generic.Dictionary<string, object> { ["repositoryName"] = name });
            var got = connection.SendJson(ServiceDescription.CodeCommit, "GetRepository", false,
                new System.Collections.Generic.Dictionary<string, object> { ["repositoryName"] = name });
            var metadata = JsonBody.Property(got, "repositoryMetadata").Value;
            Assert.Equal(name, JsonBody.String(metadata, "repositoryName"));
        }

        [Fact]
        public void JsonErrorBecomesTypedException()
        {
            using var connection = _moto.Connect();
            var error = Assert.Throws<AwsServiceException>(() => connection.SendJson(ServiceDescription.CodeCommit, "GetRepository", false,
                new System.Collections.Generic.Dictionary<string, object> { ["repositoryName"] = "does-not-exist" }));
            Assert.Equal("RepositoryDoesNotExistException", error.ErrorCode);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        }

        [Fact]
        public void EveryCallIsRecordedWithServiceOperationAndWriteFlag()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            connection.Send(ServiceDescription.Iam, new QueryRequest("ListUsers", isWrite: false));
            var record = Assert.Single(observer.Calls);
            Assert.Equal("IAM", record.Service);
            Assert.Equal("ListUsers", record.Operation);
            Assert.False(record.IsWrite);
            Assert.Null(record.ErrorCode);
        }
    }
}
