using System.Collections.Generic;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>
    /// Names, paths and tags the module gives what it creates, so it can find its own resources again
    /// (Get-NumeraiEnvironment, Remove-NumeraiEnvironment) and never touch anything else.
    /// </summary>
    public static class NumeraiConventions
    {
        /// <summary>Every IAM user, group, role and policy the module creates lives under this path.</summary>
        public const string IamPath = "/numerai/";

        public const string ManagedTagKey = "numeraiaws:managed";
        public const string ManagedTagValue = "true";
        public const string ComponentTagKey = "numeraiaws:component";

        public const string BucketPrefix = "numerai-";
        public const string BucketPolicyName = "numerai-s3-bucket-access";
        public const string AnalystGroupName = "numerai-analysts";
        public const string AnalystUserName = "numerai-analyst";
        public const string AdminGroupName = "Administrators";
        public const string AdminUserName = "numerai-admin";
        public const string ExecutionRoleName = "numerai-sagemaker-execution";
        public const string DomainName = "numerai";
        public const string RepositoryName = "numerai-tournament";
        public const string CodeCommitServiceName = "codecommit.amazonaws.com";

        /// <summary>The tags of a resource of <paramref name="component"/>, with the user's own tags added (theirs win).</summary>
        public static IDictionary<string, string> Tags(string component, IDictionary<string, string> userTags)
        {
            var tags = new SortedDictionary<string, string>(System.StringComparer.Ordinal)
            {
                [ManagedTagKey] = ManagedTagValue,
                [ComponentTagKey] = component,
            };
            if (userTags != null)
                foreach (var pair in userTags) tags[pair.Key] = pair.Value;
            return tags;
        }

        /// <summary>An AWS managed policy's ARN in the caller's partition.</summary>
        public static string AwsManagedPolicyArn(string partition, string policyName) => $"arn:{partition}:iam::aws:policy/{policyName}";
    }
}
