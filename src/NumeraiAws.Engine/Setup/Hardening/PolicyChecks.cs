using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>Where users' permissions come from and what customer managed policies grant, from the authorization details.</summary>
    internal static class PolicyChecks
    {
        public static IEnumerable<HardeningFinding> PermissionsThroughGroupsOnly(CheckContext c)
        {
            var users = c.Snapshot.Authorization.Value.Users;
            var failing = 0;
            foreach (var user in users)
            {
                if (user.AttachedPolicies.Count == 0 && user.InlinePolicies.Count == 0) continue;
                failing++;
                var parts = new List<string>();
                if (user.AttachedPolicies.Count > 0) parts.Add("attached: " + string.Join(", ", user.AttachedPolicies.Select(p => p.PolicyName)));
                if (user.InlinePolicies.Count > 0) parts.Add("inline: " + string.Join(", ", user.InlinePolicies.Select(p => p.PolicyName)));
                yield return c.Fail(C.PermissionsThroughGroupsOnly, user.UserName, "Has policies of its own (" + string.Join("; ", parts) + ").",
                    $"Attach the policies to a group, add {user.UserName} to it, then remove them from the user: aws iam detach-user-policy --user-name {user.UserName} --policy-arn ARN; aws iam delete-user-policy --user-name {user.UserName} --policy-name NAME.");
            }
            if (failing == 0)
                yield return c.Pass(C.PermissionsThroughGroupsOnly, UserCredentialChecks.AllUsers, $"None of {users.Count} IAM user(s) has attached or inline policies.");
        }

        public static IEnumerable<HardeningFinding> NoFullAdminPolicies(CheckContext c)
        {
            var policies = c.Snapshot.Authorization.Value.Policies;
            var failing = 0;
            foreach (var policy in policies)
            {
                if (!PolicyDocuments.GrantsFullAdmin(policy.DefaultVersionDocument)) continue;
                failing++;
                var remediation = $"Replace the statement with the actions and resources actually needed (aws iam create-policy-version --policy-arn {policy.Arn} --policy-document file://least-privilege.json --set-as-default), or use the AWS managed AdministratorAccess for administrators only.";
                if (policy.AttachmentCount > 0)
                    yield return c.Fail(C.NoFullAdminPolicies, policy.Arn, $"Default version {policy.DefaultVersionId} allows Action \"*\" on Resource \"*\" and is attached {policy.AttachmentCount} time(s).", remediation);
                else
                    yield return c.Warning(C.NoFullAdminPolicies, policy.Arn, $"Default version {policy.DefaultVersionId} allows Action \"*\" on Resource \"*\" (not attached now).",
                        $"Delete it or narrow it before anyone attaches it: aws iam delete-policy --policy-arn {policy.Arn}");
            }
            if (failing == 0)
                yield return c.Pass(C.NoFullAdminPolicies, "customer managed policies", $"None of {policies.Count} customer managed policy(ies) allows \"*:*\".");
        }
    }
}
