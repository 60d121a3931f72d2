using System;
using System.Collections.Generic;
using System.Text;
using NumeraiAws.Engine.Clients.S3Control;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>S3 Control on our REST-XML protocol: request shapes, the account host prefix, and a round trip against moto.</summary>
    public sealed class S3ControlClientTests
    {
        [Fact]
        public void GetPublicAccessBlockIsAGetWithTheAccountHeaderAndNoBody()
        {
            var operation = S3ControlRequests.GetPublicAccessBlock("123456789012");
            Assert.Equal(("GET", "/v20180820/configuration/publicAccessBlock", false), (operation.Method, operation.Path, operation.IsWrite));
            Assert.Equal("123456789012", operation.Headers["x-amz-account-id"]);
            Assert.Equal("123456789012.", operation.HostPrefix);
            Assert.Empty(operation.BodyBytes());
        }

        [Fact]
        public void PutPublicAccessBlockSendsTheConfigurationInTheS3ControlNamespace()
        {
            var operation = S3ControlRequests.PutPublicAccessBlock("123456789012",
                new PublicAccessBlockSettings { BlockPublicAcls = true, IgnorePublicAcls = false, BlockPublicPolicy = true, RestrictPublicBuckets = true });
            Assert.Equal(("PUT", "/v20180820/configuration/publicAccessBlock", true), (operation.Method, operation.Path, operation.IsWrite));
            Assert.Equal(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">" +
                "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>" +
                "<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>",
                Encoding.UTF8.GetString(operation.BodyBytes()));
        }

        [Theory]
        [InlineData("12345678901")]
        [InlineData("12345678901a")]
        [InlineData("evil.example.com/")]
        [InlineData(null)]
        public void AnAccountIdThatIsNotTwelveDigitsNeverReachesAHostName(string accountId)
        {
            Assert.Throws<ArgumentException>(() => S3ControlRequests.GetPublicAccessBlock(accountId));
        }

        [Fact]
        public void OnAwsTheAccountIsTheHostPrefixOfTheRegionalEndpoint()
        {
            using var connection = AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" },
                Region = "eu-west-1",
            }, null);
            var client = connection.ClientFor(ServiceDescription.S3Control, "123456789012.");
            Assert.Equal(new Uri("https://123456789012.s3-control.eu-west-1.amazonaws.com/"), client.EndpointUri);
            Assert.Equal("eu-west-1", ((ProtocolClientConfig)client.Config).SigningRegion);
            Assert.Equal("s3", ((ProtocolClientConfig)client.Config).AuthenticationServiceName);
        }

        [Fact]
        public void ACustomEndpointIsUsedAsItIsWithoutTheAccountPrefix()
        {
            using var connection = AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string>
                {
                    ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_ENDPOINT_URL_S3_CONTROL"] = "http://127.0.0.1:4566",
                },
                Region = "us-west-2",
            }, null);
            Assert.Equal(new Uri("http://127.0.0.1:4566/"), connection.ClientFor(ServiceDescription.S3Control, "123456789012.").EndpointUri);
        }

        [Fact]
        public void PutGoesOutSignedForS3WithTheHeaderAndAnXmlBody()
        {
            using var stub = new StubAwsServer();
            stub.Ok("");
            using var connection = stub.Connect("ap-northeast-1");

            new S3ControlClient(connection).PutPublicAccessBlock("123456789012", PublicAccessBlockSettings.AllOn());

            var request = Assert.Single(stub.Requests);
            Assert.Equal("PUT", request.Method);
            Assert.Equal("/v20180820/configuration/publicAccessBlock", request.Path);
            Assert.Equal("123456789012", request.Headers["x-amz-account-id"]);
            Assert.Equal("application/xml", request.ContentType);
            Assert.Contains("/ap-northeast-1/s3/aws4_request", request.Authorization);
            Assert.Contains("x-amz-account-id", request.Authorization);
            Assert.Contains("<RestrictPublicBuckets>true</RestrictPublicBuckets>", request.Body);
            // S3 (and so S3 Control) refuses a request without the payload hash it was signed with.
            var sha = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request.Body));
            Assert.Equal(Convert.ToHexString(sha).ToLowerInvariant(), request.Headers["x-amz-content-sha256"]);
        }

        [Fact]
        public void ParsesTheConfigurationWhateverItsNamespace()
        {
            var parsed = S3ControlResponses.PublicAccessBlock(System.Xml.Linq.XDocument.Parse(
                "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><RestrictPublicBuckets>TRUE</RestrictPublicBuckets></PublicAccessBlockConfiguration>"));
            Assert.True(parsed.BlockPublicAcls);
            Assert.False(parsed.IgnorePublicAcls);
            Assert.False(parsed.BlockPublicPolicy);
            Assert.True(parsed.RestrictPublicBuckets);
            Assert.Equal(new[] { "IgnorePublicAcls", "BlockPublicPolicy" }, parsed.Disabled);
        }

        [Fact]
        public void RoundTripAgainstMotoNotSetThenSetThenChanged()
        {
            using var moto = new MotoServer();
            var observer = new RecordingObserver();
            using var connection = moto.Connect(observer: observer);
            var client = new S3ControlClient(connection);

            Assert.Null(client.GetPublicAccessBlock("123456789012"));
            Assert.Equal(("S3 Control", "GetPublicAccessBlock", "NoSuchPublicAccessBlockConfiguration"),
                (observer.Calls[0].Service, observer.Calls[0].Operation, observer.Calls[0].ErrorCode));

            client.PutPublicAccessBlock("123456789012", PublicAccessBlockSettings.AllOn());
            Assert.True(client.GetPublicAccessBlock("123456789012").AllEnabled);

            client.PutPublicAccessBlock("123456789012", new PublicAccessBlockSettings { BlockPublicAcls = true });
            Assert.Equal(new[] { "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" }, client.GetPublicAccessBlock("123456789012").Disabled);
            Assert.True(observer.Calls[1].IsWrite);
            Assert.False(string.IsNullOrEmpty(observer.Calls[2].RequestId));
        }

        [Fact]
        public void RefusedCallsNameTheAccountLevelIamActions()
        {
            Assert.Equal("s3:GetAccountPublicAccessBlock", IamActionNames.For("S3 Control", "GetPublicAccessBlock"));
            Assert.Equal("s3:PutAccountPublicAccessBlock", IamActionNames.For("S3 Control", "PutPublicAccessBlock"));
            Assert.Equal("s3:GetBucketPublicAccessBlock", IamActionNames.For("S3", "GetPublicAccessBlock"));
            Assert.Equal("budgets:ViewBudget", IamActionNames.For("Budgets", "DescribeBudgets"));
            Assert.Equal("budgets:ModifyBudget", IamActionNames.For("Budgets", "CreateSubscriber"));
        }
    }
}
