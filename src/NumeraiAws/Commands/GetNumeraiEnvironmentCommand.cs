using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Environment;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Finds everything NumeraiAws made in the account and reports its state and drift.</summary>
    [Cmdlet(VerbsCommon.Get, "NumeraiEnvironment")]
    [OutputType(typeof(NumeraiEnvironmentResource))]
    public sealed class GetNumeraiEnvironmentCommand : AwsCmdlet
    {
        /// <summary>The SageMaker domain's name, when not the default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string DomainName { get; set; }

        /// <summary>The CodeCommit repository's name, when not the default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string RepositoryName { get; set; }

        /// <summary>Only resources that differ from what the setup cmdlets would set.</summary>
        [Parameter]
        public SwitchParameter DriftOnly { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var names = new EnvironmentInventory.Names();
                if (DomainName != null) names.DomainName = DomainName;
                if (RepositoryName != null) names.RepositoryName = RepositoryName;
                foreach (var resource in new EnvironmentInventory(Connection).Find(names))
                {
                    if (DriftOnly && resource.InDesiredState) continue;
                    WriteObject(resource);
                }
            });
        }
    }
}
