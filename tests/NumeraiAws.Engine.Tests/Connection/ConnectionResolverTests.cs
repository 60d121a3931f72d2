using System.Collections.Generic;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Connection
{
    /// <summary>Endpoint, partition and region resolution: pure, no network.</summary>
    public sealed class ConnectionResolverTests
    {
        private static AwsConnection Resolve(string region, Dictionary<string, string> env = null, string endpointUrl = null)
        {
            env ??= new Dictionary<string, string>();
            env["AWS_ACCESS_KEY_ID"] = "AKIATEST";
            env["AWS_SECRET_ACCESS_KEY"] = "secret";
            return AwsConnectionResolver.Resolve(new ConnectionRequest { Region = region, Environment = env, EndpointUrl = endpointUrl });
        }

        [Theory]
        [InlineData("us-east-1", "aws", "https://iam.amazonaws.com", "us-east-1")]
        [InlineData("ap-northeast-1", "aws", "https://iam.amazonaws.com", "us-east-1")]
        [InlineData("cn-north-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1")]
        [InlineData("cn-northwest-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1")]
        [InlineData("us-gov-west-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com", "us-gov-west-1")]
        [InlineData("us-gov-east-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com", "us-gov-west-1")]
        public void IamIsGlobalPerPartition(string region, string partition, string iamUrl, string signingRegion)
        {
            var connection = Resolve(region);
            Assert.Equal(partition, connection.Partition.Name);
            var endpoint = connection.EndpointFor(ServiceDescription.Iam);
            Assert.Equal(iamUrl, endpoint.Url);
            Assert.Equal(signingRegion, endpoint.SigningRegion);
            Assert.False(endpoint.IsCustom);
        }

        [Theory]
        [InlineData("eu-west-1", "https://api.sagemaker.eu-west-1.amazonaws.com", "https://codecommit.eu-west-1.amazonaws.com")]
        [InlineData("cn-north-1", "https://api.sagemaker.cn-north-1.amazonaws.com.cn", "https://codecommit.cn-north-1.amazonaws.com.cn")]
        public void RegionalServicesUseThePartitionsDnsSuffix(string region, string sageMaker, string codeCommit)
        {
            var connection = Resolve(region);
            Assert.Equal(sageMaker, connection.EndpointFor(ServiceDescription.SageMaker).Url);
            Assert.Equal(codeCommit, connection.EndpointFor(ServiceDescription.CodeCommit).Url);
            Assert.Equal(region, connection.EndpointFor(ServiceDescription.SageMaker).SigningRegion);
        }

        [Fact]
        public void ServiceSpecificVariableWinsOverTheGeneralOne()
        {
            var connection = Resolve("us-east-1", new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111",
                ["AWS_ENDPOINT_URL_IAM"] = "http://127.0.0.1:2222",
            });
            Assert.Equal("http://127.0.0.1:2222", connection.EndpointFor(ServiceDescription.Iam).Url);
            Assert.Equal("AWS_ENDPOINT_URL_IAM", connection.EndpointFor(ServiceDescription.Iam).Source);
            Assert.Equal("http://127.0.0.1:1111", connection.EndpointFor(ServiceDescription.SageMaker).Url);
        }

        [Fact]
        public void ExplicitEndpointWinsOverEnvironment()
        {
            var connection = Resolve("us-east-1", new Dictionary<string, string> { ["AWS_ENDPOINT_URL_IAM"] = "http://127.0.0.1:2222" }, "http://127.0.0.1:3333");
            Assert.Equal("http://127.0.0.1:3333", connection.EndpointFor(ServiceDescription.Iam).Url);
            Assert.Equal("us-east-1", connection.EndpointFor(ServiceDescription.Iam).SigningRegion);
        }

        [Fact]
        public void CustomEndpointOfAGlobalServiceSignsWithThePartitionsRegion()
        {
            var connection = Resolve("ap-northeast-1", new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111" });
            Assert.Equal("us-east-1", connection.EndpointFor(ServiceDescription.Iam).SigningRegion);
            Assert.Equal("ap-northeast-1", connection.EndpointFor(ServiceDescription.SageMaker).SigningRegion);
        }

        [Theory]
        [InlineData("mars-north-1")]
        [InlineData("US-EAST-1")]
        [InlineData("us-east-99x")]
        public void UnknownRegionIsRejected(string region)
        {
            var error = Assert.Throws<NumeraiAwsException>(() => Resolve(region));
            Assert.Equal("UnknownRegion", error.Reason);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        [Fact]
        public void MalformedEndpointIsRejected()
        {
            var error = Assert.Throws<NumeraiAwsException>(() => Resolve("us-east-1", null, "ftp://example"));
            Assert.Equal("InvalidEndpointUrl", error.Reason);
        }

        [Fact]
        public void RegionFromEnvironmentWhenNoParameter()
        {
            var connection = AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "A", ["AWS_SECRET_ACCESS_KEY"] = "S", ["AWS_DEFAULT_REGION"] = "eu-central-1" },
            });
            Assert.Equal("eu-central-1", connection.Region);
            Assert.Equal("the AWS_DEFAULT_REGION environment variable", connection.RegionSource);
        }

        [Fact]
        public void KnownRegionsIncludeAllThreePartitions()
        {
            Assert.Contains("us-east-1", AwsRegions.All);
            Assert.Contains("ap-northeast-1", AwsRegions.All);
            Assert.Contains("cn-north-1", AwsRegions.All);
            Assert.Contains("us-gov-west-1", AwsRegions.All);
        }

        [Theory]
        [InlineData("IAM", "CreateUser", "iam:CreateUser")]
        [InlineData("S3", "PutBucket", "s3:CreateBucket")]
        [InlineData("S3", "PutBucketEncryption", "s3:PutEncryptionConfiguration")]
        [InlineData("SageMaker", "CreateDomain", "sagemaker:CreateDomain")]
        public void AccessDeniedNamesTheIamAction(string service, string operation, string action)
        {
            var error = new AwsServiceException(service, operation, "AccessDenied", "User is not authorized", System.Net.HttpStatusCode.Forbidden, "req-1");
            Assert.Equal(action, error.IamAction);
            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
            Assert.Equal("AccessDenied", error.Reason);
            Assert.Contains(action, error.Message);
            Assert.Contains(action, error.RecommendedAction);
        }

        [Fact]
        public void ThrottlingAfterRetriesIsLimitsExceeded()
        {
            var error = new AwsServiceException("IAM", "ListUsers", "Throttling", "Rate exceeded", (System.Net.HttpStatusCode)400, "req-2");
            Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
            Assert.Equal("Throttled", error.Reason);
        }
    }
}
