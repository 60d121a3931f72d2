using Amazon.SecurityToken.Model;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>Reads the caller's identity through STS GetCallerIdentity.</summary>
    public static class IdentityService
    {
        public static AwsIdentity Get(AwsConnection connection)
        {
            var response = connection.Call("STS", "GetCallerIdentity", false,
                () => connection.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
            return new AwsIdentity
            {
                Account = response.Account,
                Arn = response.Arn,
                UserId = response.UserId,
                IsRoot = IsRootArn(response.Arn),
                Region = connection.Region,
                Partition = connection.Partition.Name,
                Endpoint = connection.EndpointFor("STS", "sts", false).Url,
                CredentialSource = connection.CredentialSource,
                RegionSource = connection.RegionSource,
            };
        }

        /// <summary>The root user's ARN is "arn:PARTITION:iam::ACCOUNT:root".</summary>
        public static bool IsRootArn(string arn) => arn != null && arn.EndsWith(":root", System.StringComparison.Ordinal);
    }
}
