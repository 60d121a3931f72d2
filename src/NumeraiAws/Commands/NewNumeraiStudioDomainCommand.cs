using System;
using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Studio;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>
    /// Creates (or finds) the SageMaker Studio domain of the Numerai environment with its execution role, as the
    /// console's single-user quick setup does, and waits until it is InService.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "NumeraiStudioDomain", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiStudioDomain))]
    public sealed class NewNumeraiStudioDomainCommand : AwsCmdlet
    {
        /// <summary>The domain's name.</summary>
        [Parameter(Position = 0)]
        public string Name { get; set; } = NumeraiConventions.DomainName;

        /// <summary>The execution role's name (created under the IAM path /numerai/).</summary>
        [Parameter]
        public string ExecutionRoleName { get; set; } = NumeraiConventions.ExecutionRoleName;

        /// <summary>A managed policy to attach to the role too: the bucket policy, bound from New-NumeraiBucketPolicy's output.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string PolicyArn { get; set; }

        /// <summary>The VPC for the domain, instead of the region's default VPC; with -SubnetId.</summary>
        /// <remarks>Not a parameter set: the engine checks the pair, so the error has a stable id like every other bad input.</remarks>
        [Parameter]
        public string VpcId { get; set; }

        /// <summary>The subnets of -VpcId for the domain.</summary>
        [Parameter]
        public string[] SubnetId { get; set; }

        /// <summary>How long to wait for InService.</summary>
        [Parameter]
        public int TimeoutSeconds { get; set; } = 900;

        /// <summary>Return at once with the current status.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var request = new StudioDomainRequest
                {
                    DomainName = Name,
                    ExecutionRoleName = ExecutionRoleName,
                    PolicyArn = string.IsNullOrEmpty(PolicyArn) ? null : PolicyArn,
                    VpcId = VpcId,
                    SubnetIds = SubnetId,
                    Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                    NoWait = NoWait.IsPresent,
                };
                var domain = StudioDomainService.Ensure(Connection, SetupHost, request);
                if (domain != null) WriteObject(domain);
            });
        }
    }
}
