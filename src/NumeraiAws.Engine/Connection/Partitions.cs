using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NumeraiAws.Engine.Connection
{
    /// <summary>An AWS partition: its name, DNS suffix and the region that signs its global services.</summary>
    public sealed class AwsPartition
    {
        private AwsPartition(string name, string dnsSuffix, string globalRegion, string iamHost, string accountHost,
            string implicitGlobalRegion)
        {
            Name = name; DnsSuffix = dnsSuffix; GlobalRegion = globalRegion; IamHost = iamHost; AccountHost = accountHost;
            ImplicitGlobalRegion = implicitGlobalRegion;
        }

        public string Name { get; }
        public string DnsSuffix { get; }
        /// <summary>The region that signs requests to the partition's global services (IAM, Account).</summary>
        public string GlobalRegion { get; }
        public string IamHost { get; }
        public string AccountHost { get; }
        /// <summary>
        /// The partition's "implicit global region" of the SDK endpoint rules: it signs the newer global services
        /// (AWS Budgets), which for aws-cn is cn-northwest-1, not IAM's cn-north-1.
        /// </summary>
        public string ImplicitGlobalRegion { get; }
        /// <summary>AWS Budgets' one endpoint in this partition: budgets.amazonaws.com, budgets.amazonaws.com.cn.</summary>
        public string BudgetsHost => "budgets." + DnsSuffix;

        public static readonly AwsPartition Aws = new AwsPartition("aws", "amazonaws.com", "us-east-1", "iam.amazonaws.com", "account.us-east-1.amazonaws.com", "us-east-1");
        public static readonly AwsPartition China = new AwsPartition("aws-cn", "amazonaws.com.cn", "cn-north-1", "iam.cn-north-1.amazonaws.com.cn", "account.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1");
        public static readonly AwsPartition GovCloud = new AwsPartition("aws-us-gov", "amazonaws.com", "us-gov-west-1", "iam.us-gov.amazonaws.com", "account.us-gov-west-1.amazonaws.com", "us-gov-west-1");

        public static AwsPartition ForRegion(string region)
        {
            if (region.StartsWith("cn-", StringComparison.Ordinal)) return China;
            if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return GovCloud;
            return Aws;
        }
    }

    /// <summary>The regions the module accepts: those the SDK knows, in the three partitions we support.</summary>
    public static class AwsRegions
    {
        private static readonly Regex Shape = new Regex("^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-[a-z]+-[0-9]$", RegexOptions.CultureInvariant);
        private static IReadOnlyList<string> _known;

        /// <summary>Every region name the SDK's endpoint data lists for aws, aws-cn and aws-us-gov, sorted.</summary>
        public static IReadOnlyList<string> All
        {
            get
            {
                if (_known != null) return _known;
                var names = Amazon.RegionEndpoint.EnumerableAllRegions
                    .Select(r => r.SystemName)
                    .Where(n => Shape.IsMatch(n))
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .ToList();
                return _known = names;
            }
        }

        public static bool IsKnown(string region) => region != null && All.Contains(region, StringComparer.Ordinal);

        /// <summary>Rejects a region the SDK does not know, before any AWS call is made.</summary>
        public static string Validate(string region, string source)
        {
            if (IsKnown(region)) return region;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "UnknownRegion",
                $"'{region}' (from {source}) is not an AWS region this module knows.",
                "Pass -Region with a region such as us-east-1 or ap-northeast-1 (press Tab after -Region to list them).", region);
        }
    }
}
