using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NumeraiAws.Engine.Setup.Bucket
{
    /// <summary>
    /// The naming rules of S3 general-purpose buckets, checked before any AWS call: S3's own answer to a bad name is
    /// a bare "InvalidBucketName" that does not say which rule was broken, and some names it accepts in us-east-1
    /// (legacy rules) are refused in every other region.
    /// </summary>
    public static class BucketNameRules
    {
        public const int MinLength = 3;
        public const int MaxLength = 63;

        // Reserved by S3 for internationalised domain names, internal use, documentation examples and access point aliases.
        private static readonly string[] ReservedPrefixes = { "xn--", "sthree-", "amzn-s3-demo-" };
        private static readonly string[] ReservedSuffixes = { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3" };

        private static readonly Regex IpAddressShape = new Regex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant);

        private const string SuffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        public const int DefaultSuffixLength = 12;

        /// <summary>Every rule <paramref name="name"/> breaks, one message each; empty when the name is valid.</summary>
        public static IReadOnlyList<string> Violations(string name)
        {
            var problems = new List<string>();
            name = name ?? "";
            if (name.Length < MinLength || name.Length > MaxLength)
                problems.Add($"it must be {MinLength} to {MaxLength} characters long, not {name.Length}");

            var invalid = new List<string>();
            foreach (var c in name)
            {
                if (IsLowerLetterOrDigit(c) || c == '-' || c == '.') continue;
                var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                if (!invalid.Contains(shown)) invalid.Add(shown);
            }
            if (invalid.Count > 0)
                problems.Add($"it may contain only lowercase letters, digits, hyphens and periods, not {string.Join(", ", invalid)}");

            if (name.Length > 0 && !IsLowerLetterOrDigit(name[0]))
                problems.Add($"it must start with a lowercase letter or a digit, not '{name[0]}'");
            if (name.Length > 0 && !IsLowerLetterOrDigit(name[name.Length - 1]))
                problems.Add($"it must end with a lowercase letter or a digit, not '{name[name.Length - 1]}'");
            if (name.Contains(".."))
                problems.Add("it must not contain two adjacent periods");
            if (IpAddressShape.IsMatch(name))
                problems.Add("it must not be formatted as an IP address");
            foreach (var prefix in ReservedPrefixes)
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                    problems.Add($"it must not start with '{prefix}', which S3 reserves");
            foreach (var suffix in ReservedSuffixes)
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                    problems.Add($"it must not end with '{suffix}', which S3 reserves");
            return problems;
        }

        public static bool IsValid(string name) => Violations(name).Count == 0;

        /// <summary>Throws InvalidBucketName naming every broken rule.</summary>
        public static void Validate(string name)
        {
            var problems = Violations(name);
            if (problems.Count == 0) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidBucketName",
                $"'{name}' is not a valid S3 bucket name: {string.Join("; ", problems)}.",
                "Choose a name of 3 to 63 lowercase letters, digits and hyphens that starts and ends with a letter or digit, or omit -Name for a generated one.",
                name);
        }

        /// <summary>
        /// "numerai-" and a random lowercase suffix. Bucket names are global and visible to anyone who probes them,
        /// so the name carries nothing about the account (no id, no alias) and cannot be guessed.
        /// </summary>
        public static string NewDefaultName()
        {
            var suffix = new StringBuilder(DefaultSuffixLength);
            var buffer = new byte[1];
            using (var random = RandomNumberGenerator.Create())
            {
                while (suffix.Length < DefaultSuffixLength)
                {
                    random.GetBytes(buffer);
                    // 252 is the largest multiple of 36 below 256: rejecting the rest keeps every character equally likely.
                    if (buffer[0] >= 252) continue;
                    suffix.Append(SuffixAlphabet[buffer[0] % SuffixAlphabet.Length]);
                }
            }
            return NumeraiConventions.BucketPrefix + suffix;
        }

        private static bool IsLowerLetterOrDigit(char c) => c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
