using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace NumeraiAws.Engine.Setup.Studio
{
    /// <summary>
    /// The naming rules of the SageMaker API reference (CreateDomain, CreateUserProfile) and IAM, checked before
    /// any AWS call so a typo costs nothing and leaves nothing half-made.
    /// </summary>
    public static class StudioNames
    {
        // SageMaker's DomainName and UserProfileName: letters and digits, single or repeated hyphens inside, up to 63.
        private static readonly Regex SageMakerName = new Regex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", RegexOptions.CultureInvariant);
        private static readonly Regex DomainIdShape = new Regex("^d-(-*[a-z0-9]){1,61}$", RegexOptions.CultureInvariant);
        private static readonly Regex RoleName = new Regex(@"^[A-Za-z0-9_+=,.@-]{1,64}$", RegexOptions.CultureInvariant);
        private static readonly Regex VpcId = new Regex("^vpc-[0-9a-zA-Z]{1,28}$", RegexOptions.CultureInvariant);
        private static readonly Regex SubnetId = new Regex("^subnet-[0-9a-zA-Z]{1,25}$", RegexOptions.CultureInvariant);
        private static readonly Regex PolicyArn = new Regex(@"^arn:aws(-cn|-us-gov)?:iam::(\d{12}|aws):policy/([A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,128}$", RegexOptions.CultureInvariant);

        /// <summary>SageMaker accepts at most this many subnets for a domain.</summary>
        public const int MaxSubnets = 16;

        public static void ValidateDomainName(string name) =>
            Check(name != null && SageMakerName.IsMatch(name), "InvalidDomainName", name,
                $"'{name}' is not a valid SageMaker domain name: it must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.",
                "Pass -Name with a name such as 'numerai'.");

        public static void ValidateUserProfileName(string name) =>
            Check(name != null && SageMakerName.IsMatch(name), "InvalidUserProfileName", name,
                $"'{name}' is not a valid SageMaker user profile name: it must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.",
                "Pass -Name with a name such as 'numerai-analyst'.");

        public static void ValidateDomainId(string domainId) =>
            Check(domainId != null && domainId.Length <= 63 && DomainIdShape.IsMatch(domainId), "InvalidDomainId", domainId,
                $"'{domainId}' is not a SageMaker domain id: ids look like 'd-' followed by lower-case letters and digits (d-xxxxxxxxxxxx).",
                "Pipe the output of New-NumeraiStudioDomain into New-NumeraiStudioUser, or pass its DomainId.");

        public static void ValidateRoleName(string name) =>
            Check(name != null && RoleName.IsMatch(name), "InvalidRoleName", name,
                $"'{name}' is not a valid IAM role name: it must be 1 to 64 letters, digits and the characters _+=,.@-.",
                "Pass -ExecutionRoleName with a name such as 'numerai-sagemaker-execution'.");

        public static void ValidatePolicyArn(string arn) =>
            Check(arn != null && PolicyArn.IsMatch(arn), "InvalidPolicyArn", arn,
                $"'{arn}' is not the ARN of an IAM managed policy (arn:aws:iam::ACCOUNT:policy/NAME).",
                "Pipe the output of New-NumeraiBucketPolicy into this command, or pass its PolicyArn.");

        public static void ValidateNetwork(string vpcId, IReadOnlyList<string> subnetIds)
        {
            var hasVpc = !string.IsNullOrEmpty(vpcId);
            var hasSubnets = subnetIds != null && subnetIds.Count > 0;
            Check(hasVpc == hasSubnets, "VpcAndSubnetsTogether", vpcId,
                "-VpcId and -SubnetId go together: a domain needs both the VPC and the subnets in it to use.",
                "Give both -VpcId and -SubnetId, or neither to use the region's default VPC.");
            if (!hasVpc) return;
            Check(VpcId.IsMatch(vpcId), "InvalidVpcId", vpcId,
                $"'{vpcId}' is not a VPC id (vpc-xxxxxxxx).", "Pass -VpcId with an id that 'aws ec2 describe-vpcs' lists.");
            Check(subnetIds.Count <= MaxSubnets, "TooManySubnets", subnetIds,
                $"SageMaker accepts at most {MaxSubnets} subnets for a domain; {subnetIds.Count} were given.", "Pass fewer subnets to -SubnetId.");
            foreach (var subnet in subnetIds)
                Check(subnet != null && SubnetId.IsMatch(subnet), "InvalidSubnetId", subnet,
                    $"'{subnet}' is not a subnet id (subnet-xxxxxxxx).", "Pass -SubnetId with ids that 'aws ec2 describe-subnets' lists for the VPC.");
        }

        internal static void Check(bool ok, string reason, object target, string message, string action)
        {
            if (!ok) throw new NumeraiAwsException(ErrorKind.InvalidArgument, reason, message, action, target);
        }
    }
}
