using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.SageMaker;
using Xunit;

namespace NumeraiAws.Engine.Tests.SageMaker
{
    /// <summary>
    /// SageMakerClient against moto, for what moto implements: domains and their tags. (moto answers 500 to the
    /// user-profile operations; those are covered by the request tests and <see cref="SageMakerClientStubTests"/>.)
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class SageMakerClientEmulatorTests
    {
        private const string Role = "arn:aws:iam::123456789012:role/NumeraiSageMakerExecution";
        private readonly MotoServer _moto;
        public SageMakerClientEmulatorTests(MotoServer moto) { _moto = moto; }

        [Fact]
        public void DomainRoundTripCreateDescribeTagListDelete()
        {
            using var connection = _moto.Connect();
            var client = new SageMakerClient(connection);
            var before = DateTime.UtcNow.AddMinutes(-1);

            var created = client.CreateDomain("numerai-roundtrip", "IAM", "vpc-0abc1234", new[] { "subnet-1111", "subnet-2222" }, Role,
                new[] { new KeyValuePair<string, string>("project", "numerai") });

            // moto names its domains "d-<name>" and returns no DomainId: the id here comes from the ARN.
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:domain/d-numerai-roundtrip", created.DomainArn);
            Assert.Equal("d-numerai-roundtrip", created.DomainId);
            Assert.Equal("numerai-roundtrip.us-east-1.sagemaker.test.com", created.Url);

            var domain = client.DescribeDomain(created.DomainId);
            Assert.Equal("d-numerai-roundtrip", domain.DomainId);
            Assert.Equal(created.DomainArn, domain.DomainArn);
            Assert.Equal("numerai-roundtrip", domain.DomainName);
            Assert.Equal(SageMakerStatus.InService, domain.Status);
            Assert.Equal("InService", domain.RawStatus);
            Assert.Null(domain.FailureReason);
            Assert.Equal("IAM", domain.AuthMode);
            Assert.Equal("vpc-0abc1234", domain.VpcId);
            Assert.Equal(new[] { "subnet-1111", "subnet-2222" }, domain.SubnetIds);
            Assert.Equal(Role, domain.DefaultExecutionRole);
            Assert.Equal(created.Url, domain.Url);
            Assert.NotNull(domain.CreationTime);
            Assert.Equal(DateTimeKind.Utc, domain.CreationTime.Value.Kind);
            Assert.InRange(domain.CreationTime.Value, before, DateTime.UtcNow.AddMinutes(1));

            Assert.Equal(new Dictionary<string, string> { ["project"] = "numerai" }, client.ListTags(created.DomainArn));
            client.AddTags(created.DomainArn, new[] { new KeyValuePair<string, string>("stage", "test") });
            Assert.Equal(new Dictionary<string, string> { ["project"] = "numerai", ["stage"] = "test" }, client.ListTags(created.DomainArn));

            Assert.Contains(client.ListDomains(), d => d.DomainId == "d-numerai-roundtrip" && d.Status == SageMakerStatus.InService);

            client.DeleteDomain(created.DomainId, HomeEfsRetention.Retain);
            Assert.DoesNotContain(client.ListDomains(), d => d.DomainId == "d-numerai-roundtrip");
        }

        [Fact]
        public void ListDomainsFollowsNextTokenUntilTheLastPage()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var client = new SageMakerClient(connection);
            var names = new[] { "numerai-page-a", "numerai-page-b", "numerai-page-c" };
            foreach (var name in names) client.CreateDomain(name, "IAM", "vpc-1", new[] { "subnet-1" }, Role, new KeyValuePair<string, string>[0]);
            observer.Calls.Clear();

            var listed = client.ListDomains(pageSize: 1);

            foreach (var name in names)
                Assert.Single(listed, d => d.DomainName == name && d.DomainId == "d-" + name);
            // One domain per page, so one call per domain: every page fetched once, and no call after the last.
            Assert.Equal(listed.Count, observer.Calls.Count);
            Assert.All(observer.Calls, c => Assert.Equal(("SageMaker", "ListDomains", false), (c.Service, c.Operation, c.IsWrite)));
            Assert.True(listed.Count >= 3);

            foreach (var name in names) client.DeleteDomain("d-" + name, HomeEfsRetention.Delete);
            Assert.DoesNotContain(client.ListDomains(), d => names.Contains(d.DomainName));
        }

        [Fact]
        public void CreateDomainIsRecordedAsAWriteCall()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var client = new SageMakerClient(connection);
            var created = client.CreateDomain("numerai-recorded", "IAM", "vpc-1", new[] { "subnet-1" }, Role);
            var call = Assert.Single(observer.Calls);
            Assert.Equal(("SageMaker", "CreateDomain", true), (call.Service, call.Operation, call.IsWrite));
            Assert.Null(call.ErrorCode);
            client.DeleteDomain(created.DomainId, HomeEfsRetention.Retain);
        }
    }
}
