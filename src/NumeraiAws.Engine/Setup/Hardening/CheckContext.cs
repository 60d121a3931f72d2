using System;
using System.Globalization;
using System.Linq;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>What a check evaluates against, and the one way findings are made (so they all look alike).</summary>
    internal sealed class CheckContext
    {
        public CheckContext(HardeningSnapshot snapshot) { Snapshot = snapshot; }

        public HardeningSnapshot Snapshot { get; }
        public DateTime Now => Snapshot.Now;

        public HardeningFinding Pass(string checkId, string resource, string detail) =>
            Make(checkId, HardeningStatus.Pass, resource, detail, null, null);

        public HardeningFinding Fail(string checkId, string resource, string detail, string remediation, string command = null) =>
            Make(checkId, HardeningStatus.Fail, resource, detail, remediation, command);

        public HardeningFinding Warning(string checkId, string resource, string detail, string remediation, string command = null) =>
            Make(checkId, HardeningStatus.Warning, resource, detail, remediation, command);

        public HardeningFinding Manual(string checkId, string resource, string detail, string remediation) =>
            Make(checkId, HardeningStatus.Manual, resource, detail, remediation, null);

        /// <summary>The check could not read what it needs: say which permission was missing, or what failed.</summary>
        public HardeningFinding Error(string checkId, string resource, SnapshotUnavailableException e)
        {
            var permission = e.MissingPermission;
            var detail = permission != null
                ? $"Could not be evaluated: the caller is not allowed to perform {permission}."
                : $"Could not be evaluated: {e.Cause.Message}";
            var remediation = permission != null
                ? $"Grant {permission} to the identity running the audit (docs/hardening-checks.md lists every permission the audit uses), then run Test-NumeraiAccountHardening again."
                : e.Cause.RecommendedAction ?? "Run Test-NumeraiAccountHardening again; if the error persists, check the endpoint and credentials in use (Get-NumeraiAwsIdentity -Debug).";
            return Make(checkId, HardeningStatus.Error, resource, detail, remediation, null);
        }

        /// <summary>Evaluates one resource of a check; a part it cannot read becomes an Error finding for that resource only.</summary>
        public HardeningFinding Guard(string checkId, string resource, Func<HardeningFinding> evaluate)
        {
            try { return evaluate(); }
            catch (SnapshotUnavailableException e) { return Error(checkId, resource, e); }
        }

        public int? AgeDays(DateTime? when) => when.HasValue ? (int)Math.Floor((Now - when.Value).TotalDays) : (int?)null;

        public static string Day(DateTime? when) => when.HasValue ? when.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never";

        private static HardeningFinding Make(string checkId, HardeningStatus status, string resource, string detail, string remediation, string command)
        {
            var definition = HardeningCatalog.Get(checkId);
            return new HardeningFinding
            {
                CheckId = definition.Id,
                Title = definition.Title,
                Status = status,
                Severity = definition.Severity,
                Resource = resource,
                Detail = detail,
                Remediation = remediation,
                RemediationCommand = command,
                References = definition.References.ToArray(),
            };
        }
    }
}
