using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>What New-NumeraiAnalystGroup asks for.</summary>
    public sealed class AnalystGroupRequest
    {
        public string GroupName { get; set; } = NumeraiConventions.AnalystGroupName;
        /// <summary>The bucket policy (New-NumeraiBucketPolicy's PolicyArn); may be null.</summary>
        public string PolicyArn { get; set; }
        public IList<string> AdditionalPolicyArns { get; set; } = new List<string>();

        internal IamGroupRequest GroupRequest(string partition)
        {
            var arns = AnalystGroupService.ManagedPolicies.Select(p => NumeraiConventions.AwsManagedPolicyArn(partition, p)).ToList();
            if (!string.IsNullOrEmpty(PolicyArn)) arns.Add(PolicyArn);
            if (AdditionalPolicyArns != null) arns.AddRange(AdditionalPolicyArns);
            return new IamGroupRequest { GroupName = GroupName, PolicyArns = arns };
        }

        /// <summary>Checks the input before any AWS call; the partition does not change what is valid.</summary>
        public void Validate() => GroupRequest("aws").Validate();
    }

    /// <summary>
    /// The analysts' group: SageMaker (Studio, training, endpoints), CodeCommit without the right to delete
    /// repositories, and the bucket policy, in the caller's partition.
    /// </summary>
    public static class AnalystGroupService
    {
        public static readonly string[] ManagedPolicies = { "AmazonSageMakerFullAccess", "AWSCodeCommitPowerUser" };

        public static NumeraiIamGroup Ensure(AwsConnection connection, ISetupHost host, AnalystGroupRequest request)
        {
            request.Validate();
            return IamGroupService.Ensure(connection, host, request.GroupRequest(connection.Partition.Name));
        }
    }
}
