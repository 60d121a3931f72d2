namespace NumeraiAws.Engine.Model
{
    /// <summary>The outcome of one hardening check on one resource.</summary>
    public enum HardeningStatus
    {
        /// <summary>The resource meets the check.</summary>
        Pass,
        /// <summary>The resource does not meet the check: fix it (Repair-NumeraiAccountHardening, or the steps given).</summary>
        Fail,
        /// <summary>Not a failure of the benchmark's Level 1, but worth attention (e.g. a virtual rather than hardware root MFA).</summary>
        Warning,
        /// <summary>The module cannot decide from the API alone; a person has to look (the Detail says where).</summary>
        Manual,
        /// <summary>The check could not be evaluated, usually because the caller lacks a permission (the Detail names it).</summary>
        Error,
    }

    /// <summary>How much a failing check matters, from the most to the least serious.</summary>
    public enum HardeningSeverity
    {
        Critical,
        High,
        Medium,
        Low,
        Informational,
    }

    /// <summary>
    /// One finding of Test-NumeraiAccountHardening: a check (stable CheckId) applied to one resource, with what was
    /// found, how to fix it, and the CIS AWS Foundations Benchmark v5.0.0 and Security Hub control ids it follows.
    /// </summary>
    public sealed class HardeningFinding
    {
        /// <summary>Stable id of the check, e.g. RootMfaEnabled; Repair-NumeraiAccountHardening and -CheckId use it.</summary>
        public string CheckId { get; set; }
        public string Title { get; set; }
        public HardeningStatus Status { get; set; }
        public HardeningSeverity Severity { get; set; }
        /// <summary>What was checked: an ARN, a user name, a bucket name, a budget name, or "account".</summary>
        public string Resource { get; set; }
        /// <summary>What was found, in words.</summary>
        public string Detail { get; set; }
        /// <summary>How to fix it, in words.</summary>
        public string Remediation { get; set; }
        /// <summary>The NumeraiAws command that fixes it, where one exists; null otherwise.</summary>
        public string RemediationCommand { get; set; }
        /// <summary>"CIS 1.4" (CIS AWS Foundations Benchmark v5.0.0) and Security Hub control ids such as "IAM.9".</summary>
        public string[] References { get; set; } = new string[0];

        public override string ToString() => $"{Status} {CheckId} {Resource}";
    }
}
