using System;
using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Environment;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Tears down what NumeraiAws made, in dependency order; data only when asked.</summary>
    [Cmdlet(VerbsCommon.Remove, "NumeraiEnvironment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(NumeraiRemovalResult))]
    public sealed class RemoveNumeraiEnvironmentCommand : AwsCmdlet
    {
        /// <summary>Also delete the buckets, the repository and the Studio home file system.</summary>
        [Parameter]
        public SwitchParameter IncludeData { get; set; }

        /// <summary>With -IncludeData, also delete buckets that still hold objects.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The SageMaker domain's name, when not the default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string DomainName { get; set; }

        /// <summary>The CodeCommit repository's name, when not the default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string RepositoryName { get; set; }

        /// <summary>How long to wait for the Studio domain to be deleted.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 900;

        protected override void ProcessRecord()
        {
            if (Force && !IncludeData)
                WriteWarning("-Force has no effect without -IncludeData: buckets and the repository are kept.");
            Run(() =>
            {
                var options = new EnvironmentTeardown.Options
                {
                    IncludeData = IncludeData,
                    Force = Force,
                    WaitTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                };
                if (DomainName != null) options.Names.DomainName = DomainName;
                if (RepositoryName != null) options.Names.RepositoryName = RepositoryName;
                foreach (var result in new EnvironmentTeardown(Connection, SetupHost).Remove(options))
                {
                    if (result.Outcome == "Kept") WriteWarning($"{result.Kind} {result.Name} was kept: it {result.Detail}.");
                    WriteObject(result);
                }
            });
        }
    }
}
