using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.EC2.Model;
using NumeraiAws.Engine.Connection;

namespace NumeraiAws.Engine.Clients.Ec2
{
    /// <summary>The region's default VPC and its subnets: where the SageMaker domain goes when no VPC is named.</summary>
    public sealed class DefaultVpc
    {
        public string VpcId { get; set; }
        /// <summary>Ordered by availability zone, then id, so the same VPC always yields the same list.</summary>
        public IReadOnlyList<string> SubnetIds { get; set; } = Array.Empty<string>();
    }

    /// <summary>
    /// Finds the default VPC through AWSSDK.EC2. The SDK types stay inside this class: callers get a
    /// <see cref="DefaultVpc"/>, so the cmdlet layer never loads an EC2 model type.
    /// </summary>
    internal sealed class DefaultVpcLookup
    {
        private readonly AwsConnection _connection;

        public DefaultVpcLookup(AwsConnection connection)
        {
            _connection = connection;
        }

        /// <summary>The default VPC, or null when the region has none (it can be deleted, and some accounts never had one).</summary>
        public DefaultVpc Find()
        {
            var vpcs = _connection.Call("EC2", "DescribeVpcs", false, () => _connection.Ec2.DescribeVpcsAsync(DefaultVpcRequest()));
            var vpc = vpcs.Vpcs?.FirstOrDefault(v => v.IsDefault == true);
            if (vpc == null) return null;

            var subnets = new List<Subnet>();
            string token = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var request = SubnetsRequest(vpc.VpcId, token);
                var page = _connection.Call("EC2", "DescribeSubnets", false, () => _connection.Ec2.DescribeSubnetsAsync(request));
                if (page.Subnets != null) subnets.AddRange(page.Subnets);
                token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
                // Same guard as Paging.All: a repeated token must end in an error, not an endless loop.
                if (token != null && !seen.Add(token))
                    throw new NumeraiAwsException(ErrorKind.InvalidResult, "AwsPaginationLoop",
                        "EC2 DescribeSubnets returned the same continuation token twice; the listing was stopped to avoid an endless loop.");
            } while (token != null);

            return Build(vpc.VpcId, subnets.Select(s => new KeyValuePair<string, string>(s.SubnetId, s.AvailabilityZone)));
        }

        // The filter does the selecting on the server, so an account with many VPCs costs one small response.
        internal static DescribeVpcsRequest DefaultVpcRequest() => new DescribeVpcsRequest
        {
            Filters = new List<Filter> { new Filter("isDefault", new List<string> { "true" }) },
        };

        internal static DescribeSubnetsRequest SubnetsRequest(string vpcId, string nextToken) => new DescribeSubnetsRequest
        {
            Filters = new List<Filter> { new Filter("vpc-id", new List<string> { vpcId }) },
            NextToken = nextToken,
        };

        /// <summary>The DTO from (subnet id, availability zone) pairs; pure, so the ordering is unit-testable.</summary>
        internal static DefaultVpc Build(string vpcId, IEnumerable<KeyValuePair<string, string>> subnetZones) => new DefaultVpc
        {
            VpcId = vpcId,
            SubnetIds = subnetZones
                .Where(s => !string.IsNullOrEmpty(s.Key))
                .OrderBy(s => s.Value ?? "", StringComparer.Ordinal)
                .ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => s.Key)
                .Distinct(StringComparer.Ordinal)
                .ToList(),
        };
    }
}
