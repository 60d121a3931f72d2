using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// IAM users' credentials, all from the one credential report. Each failing user is a finding of its own;
    /// passing users are summed up in one finding, so a thousand compliant users do not flood the report.
    /// </summary>
    internal static class UserCredentialChecks
    {
        public const int UnusedDays = 45;
        public const int RotationDays = 90;
        public const string AllUsers = "all IAM users";

        public static IEnumerable<HardeningFinding> ConsoleUsersHaveMfa(CheckContext c)
        {
            var users = c.Snapshot.CredentialReport.Value.Users;
            var console = users.Where(u => u.PasswordEnabled).ToList();
            var failing = console.Where(u => !u.MfaActive).ToList();
            foreach (var user in failing)
                yield return c.Fail(C.ConsoleUsersHaveMfa, user.User, "Has a console password and no MFA device.",
                    $"Assign an MFA device to {user.User} (IAM console, Users, Security credentials, Assign MFA device), or remove the console password if the user does not need it: aws iam delete-login-profile --user-name {user.User}");
            if (failing.Count == 0)
                yield return c.Pass(C.ConsoleUsersHaveMfa, AllUsers,
                    console.Count == 0 ? "No IAM user has a console password." : $"All {console.Count} IAM user(s) with a console password have MFA.");
        }

        public static IEnumerable<HardeningFinding> CredentialsUnused45Days(CheckContext c)
        {
            var users = c.Snapshot.CredentialReport.Value.Users;
            var failing = 0;
            foreach (var user in users)
            {
                var stale = new List<string>();
                if (user.PasswordEnabled && Unused(c, user.PasswordLastUsed, user.PasswordLastChanged ?? user.UserCreationTime))
                    stale.Add($"console password (last used {CheckContext.Day(user.PasswordLastUsed)})");
                if (user.AccessKey1Active && Unused(c, user.AccessKey1LastUsed, user.AccessKey1LastRotated))
                    stale.Add($"access key 1 (last used {CheckContext.Day(user.AccessKey1LastUsed)})");
                if (user.AccessKey2Active && Unused(c, user.AccessKey2LastUsed, user.AccessKey2LastRotated))
                    stale.Add($"access key 2 (last used {CheckContext.Day(user.AccessKey2LastUsed)})");
                if (stale.Count == 0) continue;
                failing++;
                yield return c.Fail(C.CredentialsUnused45Days, user.User, $"Unused for {UnusedDays} days or more: {string.Join("; ", stale)}.",
                    $"Remove or deactivate what {user.User} does not use: aws iam delete-login-profile --user-name {user.User} (password); aws iam update-access-key --user-name {user.User} --access-key-id KEY --status Inactive (key).");
            }
            if (failing == 0)
                yield return c.Pass(C.CredentialsUnused45Days, AllUsers, $"No active password or access key of {users.Count} IAM user(s) has gone unused for {UnusedDays} days.");
        }

        public static IEnumerable<HardeningFinding> AccessKeysRotated90Days(CheckContext c)
        {
            var users = c.Snapshot.CredentialReport.Value.Users;
            var failing = 0;
            foreach (var user in users)
            {
                var old = new List<string>();
                if (user.AccessKey1Active && c.AgeDays(user.AccessKey1LastRotated) >= RotationDays) old.Add($"access key 1 (created {CheckContext.Day(user.AccessKey1LastRotated)})");
                if (user.AccessKey2Active && c.AgeDays(user.AccessKey2LastRotated) >= RotationDays) old.Add($"access key 2 (created {CheckContext.Day(user.AccessKey2LastRotated)})");
                if (old.Count == 0) continue;
                failing++;
                yield return c.Fail(C.AccessKeysRotated90Days, user.User, $"Active key(s) older than {RotationDays} days: {string.Join("; ", old)}.",
                    $"Rotate: aws iam create-access-key --user-name {user.User}, move the consumers to the new key, then aws iam update-access-key --status Inactive and aws iam delete-access-key for the old one.");
            }
            if (failing == 0)
                yield return c.Pass(C.AccessKeysRotated90Days, AllUsers, $"No active access key of {users.Count} IAM user(s) is older than {RotationDays} days.");
        }

        public static IEnumerable<HardeningFinding> SingleActiveAccessKey(CheckContext c)
        {
            var users = c.Snapshot.CredentialReport.Value.Users;
            var failing = users.Where(u => u.AccessKey1Active && u.AccessKey2Active).ToList();
            foreach (var user in failing)
                yield return c.Fail(C.SingleActiveAccessKey, user.User, "Has two active access keys.",
                    $"Keep the key in use and deactivate the other: aws iam list-access-keys --user-name {user.User}, then aws iam update-access-key --user-name {user.User} --access-key-id KEY --status Inactive.");
            if (failing.Count == 0)
                yield return c.Pass(C.SingleActiveAccessKey, AllUsers, $"None of {users.Count} IAM user(s) has more than one active access key.");
        }

        // Unused: never used (or not since tracking) and issued before the window, or last used before it.
        private static bool Unused(CheckContext c, DateTime? lastUsed, DateTime? issued)
        {
            if (lastUsed.HasValue) return c.AgeDays(lastUsed) >= UnusedDays;
            return issued.HasValue && c.AgeDays(issued) >= UnusedDays;
        }
    }
}
