using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Bucket;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>The bucket service's paths the Pester suite cannot reach through the emulator alone.</summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class BucketServiceTests
    {
        private readonly MotoServer _moto;
        public BucketServiceTests(MotoServer moto) { _moto = moto; }

        private static AwsConnection Connect(string endpoint, string region) =>
            AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string>
                {
                    ["AWS_ACCESS_KEY_ID"] = "testing",
                    ["AWS_SECRET_ACCESS_KEY"] = "testing",
                    ["AWS_ENDPOINT_URL"] = endpoint,
                },
                Region = region,
            });

        [Fact]
        public void BucketAlreadyOwnedByYouIsHardenedAndNotReportedAsCreated()
        {
            const string name = "numerai-xunit-owned";
            using (var direct = Connect(_moto.Url, "eu-west-1"))
                direct.Call("S3", "PutBucket", true, () => direct.S3.PutBucketAsync(new Amazon.S3.Model.PutBucketRequest
                {
                    BucketName = name,
                    PutBucketConfiguration = new Amazon.S3.Model.PutBucketConfiguration { LocationConstraint = new Amazon.S3.BucketLocationConstraint("eu-west-1") },
                }));

            using (var proxy = new ListingHidingProxy(_moto.Url))
            using (var connection = Connect(proxy.Url, "eu-west-1"))
            {
                var host = new RecordingSetupHost();
                var bucket = BucketService.Ensure(connection, host, new BucketRequest { Name = name });
                Assert.Equal(1, proxy.ListingsHidden);
                Assert.Equal(name, bucket.BucketName);
                Assert.Equal("eu-west-1", bucket.Region);
                Assert.False(bucket.Created);
                Assert.Equal(new[] { "PublicAccessBlock", "OwnershipControls", "Encryption", "Versioning", "Lifecycle", "Policy", "Tags" }, bucket.Changed);
                Assert.Contains($"Bucket {name} already exists in this account; bringing it to the hardened state.", host.Messages);
            }
        }

        [Fact]
        public void NothingIsReadOrWrittenAfterADeclinedCreate()
        {
            using (var connection = Connect(_moto.Url, "us-east-1"))
            {
                var host = new RecordingSetupHost(allowChanges: false);
                var before = CallHistory.Snapshot().Count;
                Assert.Null(BucketService.Ensure(connection, host, new BucketRequest { Name = "numerai-xunit-declined" }));
                Assert.Equal(new[] { "Create S3 bucket in us-east-1" }, host.AskedActions);
                Assert.Equal(new[] { "ListBuckets" }, CallHistory.Snapshot().Skip(before).Select(r => r.Operation));
            }
        }

        [Theory]
        [InlineData(null, "us-east-1")]
        [InlineData("", "us-east-1")]
        [InlineData("US", "us-east-1")]
        [InlineData("EU", "eu-west-1")]
        [InlineData("ap-northeast-1", "ap-northeast-1")]
        public void NormalisesGetBucketLocationsLegacyAnswers(string location, string region)
        {
            Assert.Equal(region, BucketService.NormaliseRegion(location));
        }

        [Fact]
        public void RecognisesOurBucketsByBothTags()
        {
            Assert.True(BucketService.IsOurs(new Dictionary<string, string> { ["numeraiaws:managed"] = "true", ["numeraiaws:component"] = "data-bucket", ["x"] = "y" }));
            Assert.False(BucketService.IsOurs(new Dictionary<string, string> { ["numeraiaws:managed"] = "true" }));
            Assert.False(BucketService.IsOurs(new Dictionary<string, string> { ["numeraiaws:managed"] = "false", ["numeraiaws:component"] = "data-bucket" }));
            Assert.False(BucketService.IsOurs(new Dictionary<string, string> { ["numeraiaws:managed"] = "true", ["numeraiaws:component"] = "notebooks" }));
            Assert.False(BucketService.IsOurs(null));
        }

        [Fact]
        public void RejectsABadRequestBeforeAnyCall()
        {
            using (var connection = Connect("http://127.0.0.1:9", "us-east-1"))   // nothing listens there
            {
                var before = CallHistory.Snapshot().Count;
                var error = Assert.Throws<NumeraiAwsException>(() =>
                    BucketService.Ensure(connection, new RecordingSetupHost(), new BucketRequest { Name = "numerai", Tags = new Dictionary<string, string> { ["aws:x"] = "y" } }));
                Assert.Equal("InvalidTag", error.Reason);
                error = Assert.Throws<NumeraiAwsException>(() =>
                    BucketService.Ensure(connection, new RecordingSetupHost(), new BucketRequest { NoncurrentVersionExpirationDays = 0 }));
                Assert.Equal("InvalidLifecycleDays", error.Reason);
                Assert.Equal(before, CallHistory.Snapshot().Count);
            }
        }
    }
}
