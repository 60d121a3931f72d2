using System;
using System.Management.Automation;
using NumeraiAws.Engine;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Hardening;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>
    /// Fixes the findings of Test-NumeraiAccountHardening that are safe to fix without a person, and gives the exact
    /// steps for the rest.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Repair, "NumeraiAccountHardening", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = FindingSet)]
    [OutputType(typeof(HardeningRepairResult))]
    public sealed class RepairNumeraiAccountHardeningCommand : AwsCmdlet
    {
        private const string FindingSet = "Finding";
        private const string CheckIdSet = "CheckId";
        private HardeningRepairSession _session;

        /// <summary>A finding of Test-NumeraiAccountHardening (any object with CheckId, Resource and Status).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FindingSet)]
        public PSObject InputObject { get; set; }

        /// <summary>Audit these checks and repair what fails.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CheckIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HardeningCheckIdCompleter))]
        public string[] CheckId { get; set; }

        /// <summary>Also make console passwords expire after this many days.</summary>
        [Parameter]
        public int? MaxPasswordAgeDays { get; set; }

        /// <summary>With -BudgetEmail: the monthly limit of the cost budget to create.</summary>
        [Parameter]
        public decimal? BudgetLimitUsd { get; set; }

        /// <summary>With -BudgetLimitUsd: where the budget's alerts go.</summary>
        [Parameter]
        public string BudgetEmail { get; set; }

        protected override void BeginProcessing()
        {
            // Bad choices are refused here, before any finding is read or any AWS call is made.
            Run(() => _session = new HardeningRepairSession(Connection, SetupHost, new HardeningRepairRequest
            {
                MaxPasswordAgeDays = MaxPasswordAgeDays,
                BudgetLimitUsd = BudgetLimitUsd,
                BudgetEmail = BudgetEmail,
            }));
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == CheckIdSet)
            {
                Run(() =>
                {
                    foreach (var result in _session.RepairChecks(CheckId, TestNumeraiAccountHardeningCommand.Wildcard)) WriteObject(result);
                });
                return;
            }
            RunPerItem(() => WriteObject(_session.Repair(ReadFinding(InputObject))));
        }

        private static HardeningRepairItem ReadFinding(PSObject input)
        {
            string Text(string name) => input?.Properties[name]?.Value?.ToString();
            var checkId = Text("CheckId");
            if (string.IsNullOrEmpty(checkId))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "NotAFinding",
                    "The input has no CheckId property, so it is not a finding of Test-NumeraiAccountHardening.",
                    "Pipe the output of Test-NumeraiAccountHardening, or use -CheckId.", input?.BaseObject);
            var status = Text("Status");
            return new HardeningRepairItem
            {
                CheckId = checkId,
                Resource = Text("Resource"),
                Status = Enum.TryParse<HardeningStatus>(status, true, out var parsed) ? parsed : (HardeningStatus?)null,
            };
        }
    }
}
