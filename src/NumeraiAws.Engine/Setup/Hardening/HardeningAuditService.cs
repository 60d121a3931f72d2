using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>What Test-NumeraiAccountHardening was asked for.</summary>
    public sealed class HardeningAuditRequest
    {
        /// <summary>The checks to run (ids or wildcards); null or empty runs them all.</summary>
        public IReadOnlyList<string> CheckIds { get; set; }
        /// <summary>Matches a wildcard pattern (the cmdlet passes PowerShell's); null treats every value as an exact id.</summary>
        public Func<string, Func<string, bool>> Wildcard { get; set; }
    }

    /// <summary>
    /// Runs the hardening checks against one snapshot of the account and returns the findings worst first: Fail,
    /// Error, Warning, Manual, Pass; within a status by severity, then in catalog order. A check whose data
    /// cannot be read becomes an Error finding naming the missing permission, and the other checks still run.
    /// </summary>
    public static class HardeningAuditService
    {
        internal static readonly IReadOnlyDictionary<string, Func<CheckContext, IEnumerable<HardeningFinding>>> Checks =
            new Dictionary<string, Func<CheckContext, IEnumerable<HardeningFinding>>>(StringComparer.Ordinal)
            {
                [C.RootMfaEnabled] = RootAccountChecks.RootMfaEnabled,
                [C.RootHardwareMfa] = RootAccountChecks.RootHardwareMfa,
                [C.RootNoAccessKeys] = RootAccountChecks.RootNoAccessKeys,
                [C.RootNotRecentlyUsed] = RootAccountChecks.RootNotRecentlyUsed,
                [C.CallerNotRoot] = RootAccountChecks.CallerNotRoot,
                [C.AlternateContactsSet] = RootAccountChecks.AlternateContactsSet,
                [C.AdminUserWithMfa] = AdministrationChecks.AdminUserWithMfa,
                [C.SupportRoleExists] = AdministrationChecks.SupportRoleExists,
                [C.ConsoleUsersHaveMfa] = UserCredentialChecks.ConsoleUsersHaveMfa,
                [C.CredentialsUnused45Days] = UserCredentialChecks.CredentialsUnused45Days,
                [C.AccessKeysRotated90Days] = UserCredentialChecks.AccessKeysRotated90Days,
                [C.SingleActiveAccessKey] = UserCredentialChecks.SingleActiveAccessKey,
                [C.PermissionsThroughGroupsOnly] = PolicyChecks.PermissionsThroughGroupsOnly,
                [C.NoFullAdminPolicies] = PolicyChecks.NoFullAdminPolicies,
                [C.PasswordMinimumLength] = PasswordPolicyChecks.PasswordMinimumLength,
                [C.PasswordReusePrevention] = PasswordPolicyChecks.PasswordReusePrevention,
                [C.PasswordComplexity] = PasswordPolicyChecks.PasswordComplexity,
                [C.S3AccountPublicAccessBlock] = StorageChecks.S3AccountPublicAccessBlock,
                [C.S3BucketPublicAccessBlock] = StorageChecks.S3BucketPublicAccessBlock,
                [C.S3BucketTlsOnly] = StorageChecks.S3BucketTlsOnly,
                [C.S3BucketAclsDisabled] = StorageChecks.S3BucketAclsDisabled,
                [C.S3BucketLifecycle] = StorageChecks.S3BucketLifecycle,
                [C.S3BucketVersioning] = StorageChecks.S3BucketVersioning,
                [C.CostBudgetWithAlert] = CostChecks.CostBudgetWithAlert,
            };

        private const string Activity = "Auditing account hardening";

        /// <summary>Checks the ids (before any AWS call), then audits the account the connection reaches.</summary>
        public static IReadOnlyList<HardeningFinding> Run(AwsConnection connection, ISetupHost host, HardeningAuditRequest request)
        {
            var ids = C.Resolve(request?.CheckIds, request?.Wildcard);
            return Evaluate(HardeningSnapshotLoader.Load(connection, host), ids, host);
        }

        internal static IReadOnlyList<HardeningFinding> Evaluate(HardeningSnapshot snapshot, IReadOnlyList<string> ids, ISetupHost host = null)
        {
            var context = new CheckContext(snapshot);
            var findings = new List<HardeningFinding>();
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                host?.Cancellation.ThrowIfCancellationRequested();
                host?.Progress(Activity, C.Get(id).Title, 100 * i / Math.Max(1, ids.Count));
                try
                {
                    findings.AddRange(Checks[id](context).ToList());
                }
                catch (SnapshotUnavailableException e)
                {
                    findings.Add(context.Error(id, "account", e));
                }
                host?.Info($"Checked {id}.");
            }
            host?.ProgressDone(Activity);
            return Sort(findings);
        }

        /// <summary>Worst first, as the default table view groups them by status.</summary>
        public static IReadOnlyList<HardeningFinding> Sort(IEnumerable<HardeningFinding> findings) =>
            findings
                .OrderBy(f => Rank(f.Status))
                .ThenBy(f => f.Severity)
                .ThenBy(f => C.Order(f.CheckId))
                .ThenBy(f => f.Resource, StringComparer.Ordinal)
                .ToList();

        internal static int Rank(HardeningStatus status)
        {
            switch (status)
            {
                case HardeningStatus.Fail: return 0;
                case HardeningStatus.Error: return 1;
                case HardeningStatus.Warning: return 2;
                case HardeningStatus.Manual: return 3;
                default: return 4;
            }
        }
    }
}
