using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Identity;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates the analysts' IAM group with SageMaker, CodeCommit and bucket access attached.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiAnalystGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiIamGroup))]
    public sealed class NewNumeraiAnalystGroupCommand : AwsCmdlet
    {
        /// <summary>The bucket policy to attach; binds New-NumeraiBucketPolicy's PolicyArn.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string PolicyArn { get; set; }

        /// <summary>More managed policies to attach.</summary>
        [Parameter]
        public string[] AdditionalPolicyArn { get; set; }

        /// <summary>The group's name.</summary>
        [Parameter]
        public string Name { get; set; } = NumeraiConventions.AnalystGroupName;

        protected override void ProcessRecord()
        {
            var request = new AnalystGroupRequest
            {
                GroupName = Name,
                PolicyArn = PolicyArn,
                AdditionalPolicyArns = AdditionalPolicyArn ?? new string[0],
            };
            Run(() =>
            {
                request.Validate();
                WriteObject(AnalystGroupService.Ensure(Connection, SetupHost, request));
            });
        }
    }
}
