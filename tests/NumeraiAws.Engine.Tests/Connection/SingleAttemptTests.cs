using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Connection
{
    /// <summary>
    /// Creates that AWS does not deduplicate go out in a single attempt: after a 500 the SDK must not send the
    /// create again (it may have taken effect), while an ordinary call is still retried.
    /// </summary>
    public sealed class SingleAttemptTests
    {
        [Fact]
        public void CreateDomainIsNotRetriedAfterA500()
        {
            using var stub = new StubAwsServer();
            stub.Error("InternalFailure", "lost answer", 500)
                .Ok(@"{""DomainArn"":""arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc"",""DomainId"":""d-abc"",""Url"":""https://d-abc""}");
            using var connection = stub.Connect();

            var error = Assert.Throws<AwsServiceException>(() =>
                new SageMakerClient(connection).CreateDomain("numerai", "IAM", "vpc-1", new[] { "subnet-1" }, "arn:aws:iam::123456789012:role/r"));
            Assert.Equal("InternalFailure", error.ErrorCode);
            Assert.Single(stub.Requests);
        }

        [Fact]
        public void AnOrdinaryCallIsStillRetriedAfterA500()
        {
            using var stub = new StubAwsServer();
            stub.Error("InternalFailure", "transient", 500)
                .Ok(@"{""DomainArn"":""arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc"",""DomainId"":""d-abc"",""DomainName"":""numerai"",""Status"":""InService""}");
            using var connection = stub.Connect();

            var domain = new SageMakerClient(connection).DescribeDomain("d-abc");
            Assert.Equal("d-abc", domain.DomainId);
            Assert.Equal(2, stub.Requests.Count);
        }
    }
}
