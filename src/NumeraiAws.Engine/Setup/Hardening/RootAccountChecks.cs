using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Account;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>The root user, the caller, and the account's alternate contacts.</summary>
    internal static class RootAccountChecks
    {
        public const int RecentUseDays = 90;

        public static IEnumerable<HardeningFinding> RootMfaEnabled(CheckContext c)
        {
            var root = c.Snapshot.Identity.Value.RootArn;
            if (Summary(c, "AccountMFAEnabled") == 1)
                yield return c.Pass(C.RootMfaEnabled, root, "The root user has an MFA device (GetAccountSummary AccountMFAEnabled = 1).");
            else
                yield return c.Fail(C.RootMfaEnabled, root, "The root user has no MFA device (GetAccountSummary AccountMFAEnabled = 0).",
                    "Sign in as the root user, open Security credentials, choose Assign MFA device and register a device (a hardware security key is best).");
        }

        public static IEnumerable<HardeningFinding> RootHardwareMfa(CheckContext c)
        {
            var identity = c.Snapshot.Identity.Value;
            const string steps = "Sign in as the root user, open Security credentials, register a hardware MFA device (security key or hardware TOTP token), then remove the virtual device.";
            if (identity.Partition != "aws")
            {
                yield return c.Manual(C.RootHardwareMfa, identity.RootArn,
                    $"In the {identity.Partition} partition the API does not show the root user's virtual MFA device, so its type cannot be read.",
                    "Sign in as the root user (where the partition has one), open Security credentials and check that the assigned MFA device is a hardware device.");
                yield break;
            }
            if (Summary(c, "AccountMFAEnabled") != 1)
            {
                yield return c.Warning(C.RootHardwareMfa, identity.RootArn, "The root user has no MFA device at all (see RootMfaEnabled).", steps);
                yield break;
            }
            var virtualDevice = c.Snapshot.AssignedVirtualMfaDevices.Value.FirstOrDefault(d =>
                d.User?.Arn == identity.RootArn || (d.SerialNumber ?? "").EndsWith(":mfa/root-account-mfa-device", System.StringComparison.Ordinal));
            if (virtualDevice != null)
                yield return c.Warning(C.RootHardwareMfa, identity.RootArn, $"The root user's MFA is a virtual device ({virtualDevice.SerialNumber}).", steps);
            else
                yield return c.Pass(C.RootHardwareMfa, identity.RootArn, "The root user has MFA and no virtual MFA device: its device is a hardware device.");
        }

        public static IEnumerable<HardeningFinding> RootNoAccessKeys(CheckContext c)
        {
            var root = c.Snapshot.Identity.Value.RootArn;
            if (Summary(c, "AccountAccessKeysPresent") == 0)
                yield return c.Pass(C.RootNoAccessKeys, root, "The root user has no access keys (GetAccountSummary AccountAccessKeysPresent = 0).");
            else
                yield return c.Fail(C.RootNoAccessKeys, root, "The root user has access keys (GetAccountSummary AccountAccessKeysPresent = 1).",
                    "Sign in as the root user, open Security credentials, and delete every access key (deactivating is not enough). Use an IAM user or role for programmatic access.");
        }

        public static IEnumerable<HardeningFinding> RootNotRecentlyUsed(CheckContext c)
        {
            var rootArn = c.Snapshot.Identity.Value.RootArn;
            var root = c.Snapshot.CredentialReport.Value.Root;
            if (root == null)
            {
                yield return c.Manual(C.RootNotRecentlyUsed, rootArn, "The credential report has no <root_account> row, so the root user's last use cannot be read.",
                    "Open the IAM console, download the credential report, and check password_last_used and access_key_*_last_used_date of <root_account>; or search CloudTrail for userIdentity.type = Root.");
                yield break;
            }
            var keyUses = new[] { root.AccessKey1LastUsed, root.AccessKey2LastUsed }.Where(d => d.HasValue && c.AgeDays(d) < RecentUseDays).ToList();
            if (keyUses.Count > 0)
            {
                yield return c.Fail(C.RootNotRecentlyUsed, rootArn,
                    $"A root access key was used on {CheckContext.Day(keyUses.Max())} (within {RecentUseDays} days).",
                    "Stop using root access keys: move the automation to an IAM role or user, then delete the root user's access keys.");
                yield break;
            }
            if (root.PasswordLastUsed.HasValue && c.AgeDays(root.PasswordLastUsed) < RecentUseDays)
            {
                yield return c.Warning(C.RootNotRecentlyUsed, rootArn,
                    $"The root user signed in on {CheckContext.Day(root.PasswordLastUsed)} (within {RecentUseDays} days).",
                    "Do daily administration as an IAM administrator user with MFA; sign in as root only for the few tasks that require it.");
                yield break;
            }
            yield return c.Pass(C.RootNotRecentlyUsed, rootArn,
                $"Not used in the last {RecentUseDays} days (password_last_used: {root.Raw("password_last_used")}; access keys last used: {root.Raw("access_key_1_last_used_date")}, {root.Raw("access_key_2_last_used_date")}).");
        }

        public static IEnumerable<HardeningFinding> CallerNotRoot(CheckContext c)
        {
            var identity = c.Snapshot.Identity.Value;
            if (identity.IsRoot)
                yield return c.Fail(C.CallerNotRoot, identity.Arn, "This audit runs with the root user's credentials.",
                    "Create an IAM administrator user with MFA (in a group with AdministratorAccess), use its credentials, and delete the root access keys.");
            else
                yield return c.Pass(C.CallerNotRoot, identity.Arn, "The caller is not the root user.");
        }

        public static IEnumerable<HardeningFinding> AlternateContactsSet(CheckContext c)
        {
            var contacts = c.Snapshot.AlternateContacts.Value;
            foreach (var type in new[] { AlternateContactType.Security, AlternateContactType.Billing, AlternateContactType.Operations })
            {
                var wire = AccountRequests.WireName(type);
                contacts.TryGetValue(type, out var contact);
                var remediation = $"Set it in the console (Account, Alternate contacts) or with: aws account put-alternate-contact --alternate-contact-type {wire} --name NAME --title TITLE --email-address ADDRESS --phone-number PHONE";
                if (contact != null)
                    yield return c.Pass(C.AlternateContactsSet, wire, $"The {wire} contact is set ({contact.EmailAddress}).");
                else if (type == AlternateContactType.Security)
                    yield return c.Fail(C.AlternateContactsSet, wire, "No SECURITY alternate contact: AWS security advisories reach only the account's root email.", remediation);
                else
                    yield return c.Warning(C.AlternateContactsSet, wire, $"No {wire} alternate contact.", remediation);
            }
        }

        internal static int? Summary(CheckContext c, string key) =>
            c.Snapshot.AccountSummary.Value.TryGetValue(key, out var value) ? value : (int?)null;
    }
}
