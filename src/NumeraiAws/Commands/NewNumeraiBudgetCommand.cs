using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Budget;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Keeps the monthly cost budget numerai-monthly-cost with alerts at 80% and 100% of actual and forecasted spend.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiBudget", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiBudget))]
    public sealed class NewNumeraiBudgetCommand : AwsCmdlet
    {
        /// <summary>The monthly limit in US dollars.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public decimal LimitUsd { get; set; }

        /// <summary>The address the alerts go to.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Email { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var request = new BudgetRequest { LimitUsd = LimitUsd, Email = Email };
                // Refused before the connection is even resolved: no AWS call for bad input.
                BudgetService.Validate(request);
                WriteObject(BudgetService.Ensure(Connection, SetupHost, request));
            });
        }
    }
}
