using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Shows who the module acts as: account, caller ARN, root or not, region, endpoint, credential source.</summary>
    [Cmdlet(VerbsCommon.Get, "NumeraiAwsIdentity")]
    [OutputType(typeof(AwsIdentity))]
    public sealed class GetNumeraiAwsIdentityCommand : AwsCmdlet
    {
        protected override void ProcessRecord()
        {
            Run(() => WriteObject(IdentityService.Get(Connection)));
        }
    }
}
