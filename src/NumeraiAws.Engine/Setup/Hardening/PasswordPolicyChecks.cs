using System.Collections.Generic;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>The account password policy. No policy at all (IAM's NoSuchEntity) fails every one of these checks.</summary>
    internal static class PasswordPolicyChecks
    {
        public const int MinimumLength = 14;
        public const int ReusePrevention = 24;
        private const string Resource = "account password policy";
        private const string NoPolicy = "The account has no password policy, so IAM's defaults apply (8 characters, no character classes, no reuse prevention).";

        public static IEnumerable<HardeningFinding> PasswordMinimumLength(CheckContext c)
        {
            var policy = c.Snapshot.PasswordPolicy.Value;
            var length = policy?.MinimumPasswordLength;
            if (length >= MinimumLength)
                yield return c.Pass(C.PasswordMinimumLength, Resource, $"Passwords need {length} characters or more.");
            else
                yield return c.Fail(C.PasswordMinimumLength, Resource,
                    policy == null ? NoPolicy : $"Passwords need only {length?.ToString() ?? "IAM's default of 8"} characters.",
                    $"Require {MinimumLength} characters or more.", Command(C.PasswordMinimumLength));
        }

        public static IEnumerable<HardeningFinding> PasswordReusePrevention(CheckContext c)
        {
            var policy = c.Snapshot.PasswordPolicy.Value;
            var reuse = policy?.PasswordReusePrevention;
            if (reuse >= ReusePrevention)
                yield return c.Pass(C.PasswordReusePrevention, Resource, $"The last {reuse} passwords cannot be reused.");
            else
                yield return c.Fail(C.PasswordReusePrevention, Resource,
                    policy == null ? NoPolicy : reuse.HasValue ? $"Only the last {reuse} passwords are remembered." : "Password reuse is not prevented.",
                    $"Prevent reuse of the last {ReusePrevention} passwords.", Command(C.PasswordReusePrevention));
        }

        public static IEnumerable<HardeningFinding> PasswordComplexity(CheckContext c)
        {
            var policy = c.Snapshot.PasswordPolicy.Value;
            var missing = Missing(policy);
            if (missing.Count == 0)
                yield return c.Pass(C.PasswordComplexity, Resource, "Passwords need upper and lower case letters, numbers and symbols.");
            else
                yield return c.Fail(C.PasswordComplexity, Resource,
                    policy == null ? NoPolicy : "Passwords need no " + string.Join(", no ", missing) + ".",
                    "Require at least one uppercase letter, one lowercase letter, one number and one symbol.", Command(C.PasswordComplexity));
        }

        internal static List<string> Missing(IamPasswordPolicy policy)
        {
            var missing = new List<string>();
            if (policy?.RequireUppercaseCharacters != true) missing.Add("uppercase letter");
            if (policy?.RequireLowercaseCharacters != true) missing.Add("lowercase letter");
            if (policy?.RequireNumbers != true) missing.Add("number");
            if (policy?.RequireSymbols != true) missing.Add("symbol");
            return missing;
        }

        private static string Command(string checkId) => "Repair-NumeraiAccountHardening -CheckId " + checkId;
    }
}
