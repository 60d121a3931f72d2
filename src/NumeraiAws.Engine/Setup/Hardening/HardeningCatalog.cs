using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>One check: its stable id, title, severity, references and the family that evaluates it.</summary>
    public sealed class HardeningCheckDefinition
    {
        internal HardeningCheckDefinition(string id, string family, string title, HardeningSeverity severity, params string[] references)
        {
            Id = id; Family = family; Title = title; Severity = severity; References = references;
        }

        public string Id { get; }
        public string Family { get; }
        public string Title { get; }
        public HardeningSeverity Severity { get; }
        public IReadOnlyList<string> References { get; }
    }

    /// <summary>
    /// Every check of Test-NumeraiAccountHardening, in report order. References are CIS AWS Foundations Benchmark
    /// v5.0.0 recommendation numbers ("CIS 1.4") and AWS Security Hub control ids ("IAM.9"); docs/hardening-checks.md
    /// lists the same table.
    /// </summary>
    public static class HardeningCatalog
    {
        public const string RootMfaEnabled = "RootMfaEnabled";
        public const string RootHardwareMfa = "RootHardwareMfa";
        public const string RootNoAccessKeys = "RootNoAccessKeys";
        public const string RootNotRecentlyUsed = "RootNotRecentlyUsed";
        public const string CallerNotRoot = "CallerNotRoot";
        public const string AlternateContactsSet = "AlternateContactsSet";
        public const string AdminUserWithMfa = "AdminUserWithMfa";
        public const string SupportRoleExists = "SupportRoleExists";
        public const string ConsoleUsersHaveMfa = "ConsoleUsersHaveMfa";
        public const string CredentialsUnused45Days = "CredentialsUnused45Days";
        public const string AccessKeysRotated90Days = "AccessKeysRotated90Days";
        public const string SingleActiveAccessKey = "SingleActiveAccessKey";
        public const string PermissionsThroughGroupsOnly = "PermissionsThroughGroupsOnly";
        public const string NoFullAdminPolicies = "NoFullAdminPolicies";
        public const string PasswordMinimumLength = "PasswordMinimumLength";
        public const string PasswordReusePrevention = "PasswordReusePrevention";
        public const string PasswordComplexity = "PasswordComplexity";
        public const string S3AccountPublicAccessBlock = "S3AccountPublicAccessBlock";
        public const string S3BucketPublicAccessBlock = "S3BucketPublicAccessBlock";
        public const string S3BucketTlsOnly = "S3BucketTlsOnly";
        public const string S3BucketAclsDisabled = "S3BucketAclsDisabled";
        public const string S3BucketLifecycle = "S3BucketLifecycle";
        public const string S3BucketVersioning = "S3BucketVersioning";
        public const string CostBudgetWithAlert = "CostBudgetWithAlert";

        internal const string RootFamily = "Account and root";
        internal const string IdentityFamily = "Users and policies";
        internal const string PasswordFamily = "Password policy";
        internal const string StorageFamily = "Storage";
        internal const string CostFamily = "Cost";

        public static readonly IReadOnlyList<HardeningCheckDefinition> All = new[]
        {
            new HardeningCheckDefinition(RootMfaEnabled, RootFamily, "MFA is enabled for the root user", HardeningSeverity.Critical, "CIS 1.4", "IAM.9"),
            new HardeningCheckDefinition(RootHardwareMfa, RootFamily, "The root user's MFA is a hardware device", HardeningSeverity.Low, "CIS 1.5", "IAM.6"),
            new HardeningCheckDefinition(RootNoAccessKeys, RootFamily, "The root user has no access keys", HardeningSeverity.Critical, "CIS 1.3", "IAM.4"),
            new HardeningCheckDefinition(RootNotRecentlyUsed, RootFamily, "The root user was not used in the last 90 days", HardeningSeverity.High, "CIS 1.6"),
            new HardeningCheckDefinition(CallerNotRoot, RootFamily, "This audit does not run as the root user", HardeningSeverity.High, "CIS 1.6"),
            new HardeningCheckDefinition(AlternateContactsSet, RootFamily, "Security, billing and operations contacts are set", HardeningSeverity.Medium, "CIS 1.2", "Account.1"),
            new HardeningCheckDefinition(AdminUserWithMfa, RootFamily, "An administrator user with MFA exists for daily administration", HardeningSeverity.Medium, "CIS 1.6"),
            new HardeningCheckDefinition(SupportRoleExists, RootFamily, "A role can manage incidents with AWS Support", HardeningSeverity.Low, "CIS 1.16", "IAM.18"),
            new HardeningCheckDefinition(ConsoleUsersHaveMfa, IdentityFamily, "Every IAM user with a console password has MFA", HardeningSeverity.High, "CIS 1.9", "IAM.5"),
            new HardeningCheckDefinition(CredentialsUnused45Days, IdentityFamily, "No password or access key is unused for 45 days", HardeningSeverity.Medium, "CIS 1.11", "IAM.22"),
            new HardeningCheckDefinition(AccessKeysRotated90Days, IdentityFamily, "Active access keys are rotated within 90 days", HardeningSeverity.Medium, "CIS 1.13", "IAM.3"),
            new HardeningCheckDefinition(SingleActiveAccessKey, IdentityFamily, "No IAM user has more than one active access key", HardeningSeverity.Medium, "CIS 1.12"),
            new HardeningCheckDefinition(PermissionsThroughGroupsOnly, IdentityFamily, "IAM users get permissions only through groups", HardeningSeverity.Low, "CIS 1.14", "IAM.2"),
            new HardeningCheckDefinition(NoFullAdminPolicies, IdentityFamily, "No customer managed policy allows \"*:*\"", HardeningSeverity.High, "CIS 1.15", "IAM.1"),
            new HardeningCheckDefinition(PasswordMinimumLength, PasswordFamily, "The password policy requires 14 characters or more", HardeningSeverity.Medium, "CIS 1.7", "IAM.15"),
            new HardeningCheckDefinition(PasswordReusePrevention, PasswordFamily, "The password policy prevents reuse of the last 24 passwords", HardeningSeverity.Low, "CIS 1.8", "IAM.16"),
            new HardeningCheckDefinition(PasswordComplexity, PasswordFamily, "The password policy requires upper and lower case letters, numbers and symbols", HardeningSeverity.Medium, "IAM.7", "IAM.11", "IAM.12", "IAM.13", "IAM.14"),
            new HardeningCheckDefinition(S3AccountPublicAccessBlock, StorageFamily, "S3 Block Public Access is on for the account (all four settings)", HardeningSeverity.High, "CIS 2.1.4", "S3.1"),
            new HardeningCheckDefinition(S3BucketPublicAccessBlock, StorageFamily, "The bucket blocks public access (all four settings)", HardeningSeverity.High, "CIS 2.1.4", "S3.8"),
            new HardeningCheckDefinition(S3BucketTlsOnly, StorageFamily, "The bucket policy denies requests without TLS", HardeningSeverity.Medium, "CIS 2.1.1", "S3.5"),
            new HardeningCheckDefinition(S3BucketAclsDisabled, StorageFamily, "ACLs are disabled on the bucket (BucketOwnerEnforced)", HardeningSeverity.Medium, "S3.12"),
            new HardeningCheckDefinition(S3BucketLifecycle, StorageFamily, "The bucket has an enabled lifecycle rule", HardeningSeverity.Low, "S3.13"),
            new HardeningCheckDefinition(S3BucketVersioning, StorageFamily, "Versioning is enabled on the bucket", HardeningSeverity.Low, "S3.14"),
            new HardeningCheckDefinition(CostBudgetWithAlert, CostFamily, "A monthly cost budget with an alert exists", HardeningSeverity.Medium),
        };

        private static readonly Dictionary<string, HardeningCheckDefinition> ById =
            All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

        public static IReadOnlyList<string> Ids => All.Select(d => d.Id).ToList();

        public static HardeningCheckDefinition Get(string id) =>
            ById.TryGetValue(id ?? "", out var definition) ? definition
                : throw new NumeraiAwsException(ErrorKind.InvalidArgument, "UnknownCheckId",
                    $"'{id}' is not a check id of Test-NumeraiAccountHardening.",
                    "Use one of: " + string.Join(", ", All.Select(d => d.Id)) + " (press Tab after -CheckId).", id);

        public static bool IsKnown(string id) => id != null && ById.ContainsKey(id);

        /// <summary>The position of the check in the report, for a stable order within a status and severity.</summary>
        internal static int Order(string id)
        {
            for (var i = 0; i < All.Count; i++)
                if (string.Equals(All[i].Id, id, StringComparison.OrdinalIgnoreCase)) return i;
            return All.Count;
        }

        /// <summary>
        /// Resolves -CheckId values (exact ids, any case, or wildcards such as S3Bucket*) to canonical ids, before any
        /// AWS call. A value that names no check is an error.
        /// </summary>
        public static IReadOnlyList<string> Resolve(IEnumerable<string> requested, Func<string, Func<string, bool>> wildcard = null)
        {
            if (requested == null) return Ids;
            var result = new List<string>();
            foreach (var value in requested)
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                if (wildcard != null && (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0 || value.IndexOf('[') >= 0))
                {
                    var matches = wildcard(value);
                    var matched = All.Where(d => matches(d.Id)).Select(d => d.Id).ToList();
                    if (matched.Count == 0) Get(value);
                    result.AddRange(matched);
                }
                else
                {
                    result.Add(Get(value.Trim()).Id);
                }
            }
            if (result.Count == 0) return Ids;
            return All.Select(d => d.Id).Where(id => result.Contains(id, StringComparer.Ordinal)).ToList();
        }
    }
}
