using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Setup.Studio
{
    /// <summary>What New-NumeraiStudioDomain asks for.</summary>
    public sealed class StudioDomainRequest
    {
        public string DomainName { get; set; } = NumeraiConventions.DomainName;
        public string ExecutionRoleName { get; set; } = NumeraiConventions.ExecutionRoleName;
        /// <summary>A managed policy to attach to the execution role besides AmazonSageMakerFullAccess (the bucket policy); optional.</summary>
        public string PolicyArn { get; set; }
        /// <summary>With <see cref="SubnetIds"/>: the network to put the domain in instead of the region's default VPC.</summary>
        public string VpcId { get; set; }
        public IReadOnlyList<string> SubnetIds { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(900);
        /// <summary>Return after creating (or finding) the domain, with its current status, instead of waiting for InService.</summary>
        public bool NoWait { get; set; }

        internal WaitSchedule Schedule { get; set; }
        internal IWaitClock Clock { get; set; }

        /// <summary>Rejects bad input before any AWS call.</summary>
        public void Validate()
        {
            StudioNames.ValidateDomainName(DomainName);
            StudioNames.ValidateRoleName(ExecutionRoleName);
            if (PolicyArn != null) StudioNames.ValidatePolicyArn(PolicyArn);
            StudioNames.ValidateNetwork(VpcId, SubnetIds);
            StudioWaits.ValidateTimeout(Timeout);
        }
    }

    /// <summary>What New-NumeraiStudioUser asks for.</summary>
    public sealed class StudioUserRequest
    {
        public string DomainId { get; set; }
        public string UserProfileName { get; set; } = NumeraiConventions.AnalystUserName;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(900);
        public bool NoWait { get; set; }

        internal WaitSchedule Schedule { get; set; }
        internal IWaitClock Clock { get; set; }

        public void Validate()
        {
            StudioNames.ValidateDomainId(DomainId);
            StudioNames.ValidateUserProfileName(UserProfileName);
            StudioWaits.ValidateTimeout(Timeout);
        }
    }
}
