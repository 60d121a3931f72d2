using System;
using System.Linq;
using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Hardening;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>
    /// Audits the account against the CIS AWS Foundations Benchmark v5.0.0 and Security Hub controls: one finding
    /// per check and resource, worst first.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "NumeraiAccountHardening")]
    [OutputType(typeof(HardeningFinding))]
    public sealed class TestNumeraiAccountHardeningCommand : AwsCmdlet
    {
        /// <summary>Only these checks (ids, or wildcards such as S3Bucket*).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HardeningCheckIdCompleter))]
        public string[] CheckId { get; set; }

        /// <summary>Returns only $true (no check failed) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var findings = HardeningAuditService.Run(Connection, SetupHost, new HardeningAuditRequest
                {
                    CheckIds = CheckId,
                    Wildcard = Wildcard,
                });
                if (Quiet) WriteObject(findings.All(f => f.Status != HardeningStatus.Fail));
                else WriteObject(findings, true);
            });
        }

        internal static Func<string, bool> Wildcard(string pattern)
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            return wildcard.IsMatch;
        }
    }
}
