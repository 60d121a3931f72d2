using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Identity;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates or updates the customer managed policy that gives analysts access to the Numerai bucket.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiBucketPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiBucketPolicy))]
    public sealed class NewNumeraiBucketPolicyCommand : AwsCmdlet
    {
        /// <summary>The bucket to grant access to; binds New-NumeraiBucket's BucketName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string BucketName { get; set; }

        /// <summary>The policy's name.</summary>
        [Parameter]
        [Alias("PolicyName")]
        public string Name { get; set; } = NumeraiConventions.BucketPolicyName;

        protected override void ProcessRecord()
        {
            var request = new BucketPolicyRequest { BucketName = BucketName, PolicyName = Name };
            Run(() =>
            {
                request.Validate();
                WriteObject(BucketPolicyService.Ensure(Connection, SetupHost, request));
            });
        }
    }
}
