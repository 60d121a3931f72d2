using System;
using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Studio;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates (or finds) the analyst's user profile in the Studio domain and waits until it is InService.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiStudioUser", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiStudioUser))]
    public sealed class NewNumeraiStudioUserCommand : AwsCmdlet
    {
        /// <summary>The user profile's name.</summary>
        [Parameter(Position = 0)]
        public string Name { get; set; } = NumeraiConventions.AnalystUserName;

        /// <summary>The domain, bound from New-NumeraiStudioDomain's output.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StudioDomainIdCompleter))]
        public string DomainId { get; set; }

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
                var request = new StudioUserRequest
                {
                    DomainId = DomainId,
                    UserProfileName = Name,
                    Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                    NoWait = NoWait.IsPresent,
                };
                var user = StudioUserService.Ensure(Connection, SetupHost, request);
                if (user != null) WriteObject(user);
            });
        }
    }
}
