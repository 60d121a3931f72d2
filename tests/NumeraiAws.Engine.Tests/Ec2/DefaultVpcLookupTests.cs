using System.Collections.Generic;
using System.Threading.Tasks;
using System.Linq;
using Amazon.EC2.Model;
using NumeraiAws.Engine.Clients.Ec2;
using Xunit;

namespace NumeraiAws.Engine.Tests.Ec2
{
    /// <summary>The requests and ordering of the default VPC lookup, without a network.</summary>
    public sealed class DefaultVpcLookupUnitTests
    {
        [Fact]
        public void TheVpcRequestFiltersOnIsDefaultTrue()
        {
            var filter = Assert.Single(DefaultVpcLookup.DefaultVpcRequest().Filters);
            Assert.Equal("isDefault", filter.Name);
            Assert.Equal(new[] { "true" }, filter.Values);
        }

        [Fact]
        public void TheSubnetRequestFiltersOnTheVpcIdAndCarriesTheToken()
        {
            var request = DefaultVpcLookup.SubnetsRequest("vpc-0abc1234", "page-2");
            var filter = Assert.Single(request.Filters);
            Assert.Equal("vpc-id", filter.Name);
            Assert.Equal(new[] { "vpc-0abc1234" }, filter.Values);
            Assert.Equal("page-2", request.NextToken);
        }

        [Fact]
        public void SubnetsAreOrderedByZoneThenIdWithoutDuplicates()
        {
            var vpc = DefaultVpcLookup.Build("vpc-1", new[]
            {
                new KeyValuePair<string, string>("subnet-c", "us-east-1b"),
                new KeyValuePair<string, string>("subnet-b", "us-east-1a"),
                new KeyValuePair<string, string>("subnet-a", "us-east-1b"),
                new KeyValuePair<string, string>("subnet-b", "us-east-1a"),
            });
            Assert.Equal("vpc-1", vpc.VpcId);
            Assert.Equal(new[] { "subnet-b", "subnet-a", "subnet-c" }, vpc.SubnetIds);
        }
    }

    /// <summary>The default VPC lookup against moto, whose regions each start with a default VPC and one default subnet per zone.</summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class DefaultVpcLookupEmulatorTests
    {
        private readonly MotoServer _moto;
        public DefaultVpcLookupEmulatorTests(MotoServer moto) { _moto = moto; }

        [Fact]
        public async Task FindsTheDefaultVpcAndExactlyItsSubnets()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect("us-west-2", observer);
            var ec2 = connection.Ec2;

            // A second, non-default VPC with a subnet of its own must not leak into the answer.
            var other = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.42.0.0/16" })).Vpc;
            var otherSubnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = other.VpcId, CidrBlock = "10.42.1.0/24" })).Subnet;
            var defaultVpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single(v => v.IsDefault == true);
            var expected = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets
                .Where(s => s.VpcId == defaultVpc.VpcId)
                .OrderBy(s => s.AvailabilityZone, System.StringComparer.Ordinal).ThenBy(s => s.SubnetId, System.StringComparer.Ordinal)
                .Select(s => s.SubnetId).ToList();
            observer.Calls.Clear();

            var found = new DefaultVpcLookup(connection).Find();

            Assert.NotNull(found);
            Assert.Equal(defaultVpc.VpcId, found.VpcId);
            Assert.NotEqual(other.VpcId, found.VpcId);
            Assert.Equal("172.31.0.0/16", defaultVpc.CidrBlock);
            // moto gives us-west-2 one default subnet in each of its four zones.
            Assert.Equal(4, found.SubnetIds.Count);
            Assert.Equal(expected, found.SubnetIds);
            Assert.DoesNotContain(otherSubnet.SubnetId, found.SubnetIds);
            Assert.Equal(new[] { ("EC2", "DescribeVpcs"), ("EC2", "DescribeSubnets") }, observer.Calls.Select(c => (c.Service, c.Operation)));
            Assert.All(observer.Calls, c => Assert.False(c.IsWrite));
        }

        [Fact]
        public async Task IsNullInARegionWhoseDefaultVpcWasDeleted()
        {
            // A region no other test uses, because this one deletes its default VPC for the life of the server.
            using var connection = _moto.Connect("ap-southeast-2");
            var ec2 = connection.Ec2;
            var defaultVpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single(v => v.IsDefault == true);
            foreach (var subnet in (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Where(s => s.VpcId == defaultVpc.VpcId))
                await ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId });
            await ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = defaultVpc.VpcId });

            Assert.Null(new DefaultVpcLookup(connection).Find());
        }
    }
}
