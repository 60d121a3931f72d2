using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>
    /// IAM's naming rules, checked before any AWS call: a name IAM would refuse should fail at once, with the rule
    /// it breaks, rather than after the entities before it in the pipeline were already created.
    /// </summary>
    public static class IamNames
    {
        public const int MaxUserNameLength = 64;
        /// <summary>The API accepts 128; the module keeps the names of the groups it manages to 64, like user names.</summary>
        public const int MaxGroupNameLength = 64;
        public const int MaxPolicyNameLength = 128;

        // IAM's pattern is [\w+=,.@-]+ in Java's regex dialect, where \w is ASCII only; .NET's \w also matches
        // letters of every script, which IAM refuses, so the class is spelled out.
        private static readonly Regex NameCharacters = new Regex("^[A-Za-z0-9_+=,.@-]+$", RegexOptions.CultureInvariant);

        // arn:PARTITION:iam::ACCOUNT-OR-aws:policy/PATH/NAME
        private static readonly Regex PolicyArnShape = new Regex(
            @"^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}|aws):policy/([A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,128}$",
            RegexOptions.CultureInvariant);

        /// <summary>IAM user names: 1 to 64 characters of letters, digits and + = , . @ _ -.</summary>
        public static void ValidateUserName(string name) =>
            Validate(name, MaxUserNameLength, "InvalidUserName", "IAM user name", "-Name (or -UserName)");

        /// <summary>IAM group names: 1 to 64 characters of the same set.</summary>
        public static void ValidateGroupName(string name) =>
            Validate(name, MaxGroupNameLength, "InvalidGroupName", "IAM group name", "-GroupName (or -Name)");

        /// <summary>Managed policy names: 1 to 128 characters of the same set.</summary>
        public static void ValidatePolicyName(string name) =>
            Validate(name, MaxPolicyNameLength, "InvalidPolicyName", "IAM policy name", "-Name");

        /// <summary>Every rule <paramref name="name"/> breaks; empty when it is a valid IAM name of at most <paramref name="maxLength"/>.</summary>
        public static IReadOnlyList<string> Violations(string name, int maxLength)
        {
            var problems = new List<string>();
            if (string.IsNullOrEmpty(name))
            {
                problems.Add("it must not be empty");
                return problems;
            }
            if (name.Length > maxLength) problems.Add($"it must be at most {maxLength} characters long, not {name.Length}");
            if (!NameCharacters.IsMatch(name))
            {
                var invalid = new List<string>();
                foreach (var c in name)
                {
                    if (c < 128 && NameCharacters.IsMatch(c.ToString())) continue;
                    var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                    if (!invalid.Contains(shown)) invalid.Add(shown);
                }
                problems.Add("it may contain only letters A-Z and a-z, digits and + = , . @ _ -, not " + string.Join(", ", invalid));
            }
            return problems;
        }

        /// <summary>Throws InvalidPolicyArn unless <paramref name="arn"/> is the ARN of a managed policy.</summary>
        public static void ValidatePolicyArn(string arn)
        {
            if (arn != null && PolicyArnShape.IsMatch(arn)) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidPolicyArn",
                $"'{arn}' is not the ARN of an IAM managed policy (arn:PARTITION:iam::ACCOUNT:policy/NAME or arn:PARTITION:iam::aws:policy/NAME).",
                "Pass the policy's ARN as IAM shows it, e.g. the PolicyArn of New-NumeraiBucketPolicy's output or arn:aws:iam::aws:policy/ReadOnlyAccess.",
                arn);
        }

        private static void Validate(string name, int maxLength, string reason, string what, string parameter)
        {
            var problems = Violations(name, maxLength);
            if (problems.Count == 0) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, reason,
                $"'{name}' is not a valid {what}: {string.Join("; ", problems)}.",
                $"Pass {parameter} with 1 to {maxLength} characters of letters, digits and + = , . @ _ -.", name);
        }
    }
}
