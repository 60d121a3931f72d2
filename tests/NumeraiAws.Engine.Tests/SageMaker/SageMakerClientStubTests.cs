using System.Collections.Generic;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.SageMaker
{
    /// <summary>
    /// SageMakerClient against a scripted endpoint: AWS's documented ResourceNotFound (moto answers
    /// ValidationException instead), the user-profile operations moto does not implement, and multi-page lists.
    /// </summary>
    public sealed class SageMakerClientStubTests
    {
        [Fact]
        public void TryDescribeDomainIsNullOnResourceNotFound()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "Cannot find Domain with DomainId d-missing");
            using var connection = stub.Connect();

            Assert.Null(new SageMakerClient(connection).TryDescribeDomain("d-missing"));

            var request = Assert.Single(stub.Requests);
            Assert.Equal("SageMaker.DescribeDomain", request.Target);
            Assert.Equal("/", request.Path);
            Assert.Equal("POST", request.Method);
            Assert.Equal("application/x-amz-json-1.1", request.ContentType);
            Assert.Equal(@"{""DomainId"":""d-missing""}", request.Body);
        }

        [Fact]
        public void TryDescribeDomainStillThrowsOtherErrors()
        {
            using var stub = new StubAwsServer();
            stub.Error("AccessDeniedException", "not allowed");
            using var connection = stub.Connect();

            var error = Assert.Throws<AwsServiceException>(() => new SageMakerClient(connection).TryDescribeDomain("d-abc"));
            Assert.Equal("AccessDeniedException", error.ErrorCode);
            Assert.Equal("sagemaker:DescribeDomain", error.IamAction);
        }

        [Fact]
        public void TryDescribeUserProfileIsNullOnResourceNotFound()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "User profile not found");
            using var connection = stub.Connect();

            Assert.Null(new SageMakerClient(connection).TryDescribeUserProfile("d-abc", "alice"));
            Assert.Equal("SageMaker.DescribeUserProfile", Assert.Single(stub.Requests).Target);
        }

        [Fact]
        public void CreateUserProfileIsSignedForSageMakerAndReturnsTheArn()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""UserProfileArn"":""arn:aws:sagemaker:eu-west-1:123456789012:user-profile/d-abc/alice""}");
            using var connection = stub.Connect("eu-west-1");

            var arn = new SageMakerClient(connection).CreateUserProfile("d-abc", "alice", "arn:aws:iam::123456789012:role/AliceRole",
                new[] { new KeyValuePair<string, string>("project", "numerai") });

            Assert.Equal("arn:aws:sagemaker:eu-west-1:123456789012:user-profile/d-abc/alice", arn);
            var request = Assert.Single(stub.Requests);
            Assert.Equal("SageMaker.CreateUserProfile", request.Target);
            Assert.Equal(WireJson.Canonical(@"{""DomainId"":""d-abc"",""UserProfileName"":""alice"",
                ""UserSettings"":{""ExecutionRole"":""arn:aws:iam::123456789012:role/AliceRole""},
                ""Tags"":[{""Key"":""project"",""Value"":""numerai""}]}"), WireJson.Canonical(request.Body));
            // SageMaker is regional: signed for the connection's region and the "sagemaker" signing name.
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=testing/", request.Authorization);
            Assert.Contains("/eu-west-1/sagemaker/aws4_request", request.Authorization);
        }

        [Fact]
        public void DescribeUserProfileParsesTheResponse()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""DomainId"":""d-abc"",""UserProfileArn"":""arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice"",
                ""UserProfileName"":""alice"",""Status"":""InService"",""CreationTime"":1700000000}");
            using var connection = stub.Connect();

            var profile = new SageMakerClient(connection).DescribeUserProfile("d-abc", "alice");
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice", profile.UserProfileArn);
            Assert.Equal(SageMakerStatus.InService, profile.Status);
            Assert.Equal(new System.DateTime(2023, 11, 14, 22, 13, 20, System.DateTimeKind.Utc), profile.CreationTime);
        }

        [Fact]
        public void ListUserProfilesSendsEachNextTokenBackAndJoinsThePages()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""UserProfiles"":[{""DomainId"":""d-abc"",""UserProfileName"":""alice"",""Status"":""InService""},
                                         {""DomainId"":""d-abc"",""UserProfileName"":""bob"",""Status"":""Pending""}],""NextToken"":""page-2""}")
                .Ok(@"{""UserProfiles"":[{""DomainId"":""d-abc"",""UserProfileName"":""carol"",""Status"":""InService""}]}");
            using var connection = stub.Connect();

            var profiles = new SageMakerClient(connection).ListUserProfiles("d-abc");

            Assert.Equal(new[] { "alice", "bob", "carol" }, System.Linq.Enumerable.Select(profiles, p => p.UserProfileName));
            Assert.Equal(2, stub.Requests.Count);
            Assert.Equal(@"{""DomainIdEquals"":""d-abc""}", stub.Requests[0].Body);
            Assert.Equal(WireJson.Canonical(@"{""DomainIdEquals"":""d-abc"",""NextToken"":""page-2""}"), WireJson.Canonical(stub.Requests[1].Body));
        }

        [Fact]
        public void DeleteUserProfileSendsDomainAndName()
        {
            using var stub = new StubAwsServer();
            stub.Ok("{}");
            using var connection = stub.Connect();

            new SageMakerClient(connection).DeleteUserProfile("d-abc", "alice");

            var request = Assert.Single(stub.Requests);
            Assert.Equal("SageMaker.DeleteUserProfile", request.Target);
            Assert.Equal(WireJson.Canonical(@"{""DomainId"":""d-abc"",""UserProfileName"":""alice""}"), WireJson.Canonical(request.Body));
        }

        [Fact]
        public void ListTagsJoinsPagesIntoOneMap()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""Tags"":[{""Key"":""a"",""Value"":""1""}],""NextToken"":""t2""}")
                .Ok(@"{""Tags"":[{""Key"":""b"",""Value"":""2""}]}");
            using var connection = stub.Connect();

            var tags = new SageMakerClient(connection).ListTags("arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc");

            Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, tags);
            Assert.Equal(2, stub.Requests.Count);
        }

        [Fact]
        public void ARepeatedNextTokenStopsWithAnErrorInsteadOfLoopingForever()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""Domains"":[],""NextToken"":""same""}").Ok(@"{""Domains"":[],""NextToken"":""same""}");
            using var connection = stub.Connect();

            var error = Assert.Throws<NumeraiAwsException>(() => new SageMakerClient(connection).ListDomains());
            Assert.Equal("AwsPaginationLoop", error.Reason);
            Assert.Equal(ErrorKind.InvalidResult, error.Kind);
            Assert.Equal(2, stub.Requests.Count);
        }
    }
}
