using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>Who administers the account instead of root, and who can open AWS Support cases.</summary>
    internal static class AdministrationChecks
    {
        public static IEnumerable<HardeningFinding> AdminUserWithMfa(CheckContext c)
        {
            var identity = c.Snapshot.Identity.Value;
            var adminPolicy = NumeraiConventions.AwsManagedPolicyArn(identity.Partition, "AdministratorAccess");
            var details = c.Snapshot.Authorization.Value;
            var adminGroups = new HashSet<string>(details.Groups
                .Where(g => g.AttachedPolicies.Any(p => string.Equals(p.PolicyArn, adminPolicy, StringComparison.Ordinal)))
                .Select(g => g.GroupName), StringComparer.Ordinal);
            var admins = details.Users.Where(u => u.GroupNames.Any(adminGroups.Contains)).ToList();
            var resource = identity.AccountId;
            const string remediation =
                "Create an IAM user for administration, add it to a group with the AWS managed policy AdministratorAccess, and assign it an MFA device; use it instead of the root user.";
            if (admins.Count == 0)
            {
                var groups = adminGroups.Count == 0 ? "No group has AdministratorAccess attached" : $"Group(s) {string.Join(", ", adminGroups)} have AdministratorAccess but no members";
                yield return c.Fail(C.AdminUserWithMfa, resource, groups + ", so there is no IAM administrator to use instead of root.", remediation,
                    "New-NumeraiAdminUser -GeneratePassword");
                yield break;
            }
            var report = c.Snapshot.CredentialReport.Value;
            var withMfa = admins.Where(u => report.Find(u.UserName)?.MfaActive == true).Select(u => u.UserName).ToList();
            if (withMfa.Count > 0)
                yield return c.Pass(C.AdminUserWithMfa, resource, $"Administrator user(s) with MFA: {string.Join(", ", withMfa)}.");
            else
                yield return c.Fail(C.AdminUserWithMfa, resource,
                    $"Administrator user(s) {string.Join(", ", admins.Select(u => u.UserName))} have no MFA device.",
                    "Assign an MFA device to the administrator user (IAM console, Users, Security credentials, Assign MFA device).");
        }

        public static IEnumerable<HardeningFinding> SupportRoleExists(CheckContext c)
        {
            var identity = c.Snapshot.Identity.Value;
            var roles = c.Snapshot.SupportRoles.Value;
            var resource = NumeraiConventions.AwsManagedPolicyArn(identity.Partition, "AWSSupportAccess");
            if (roles.Count > 0)
                yield return c.Pass(C.SupportRoleExists, resource, $"AWSSupportAccess is attached to role(s) {string.Join(", ", roles)}.");
            else
                yield return c.Fail(C.SupportRoleExists, resource, "No role has AWSSupportAccess attached, so nobody but an administrator can manage AWS Support cases.",
                    $"Create a role that your administrators may assume and attach AWSSupportAccess: aws iam create-role --role-name aws-support --assume-role-policy-document '{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"arn:{identity.Partition}:iam::{identity.AccountId}:root\"}},\"Action\":\"sts:AssumeRole\"}}]}}' then aws iam attach-role-policy --role-name aws-support --policy-arn {resource}");
        }
    }
}
