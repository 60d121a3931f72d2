using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using NumeraiAws.Engine.Clients.Iam;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>
    /// What a console password must satisfy: the account's password policy, or AWS's default when the account has
    /// none (GetAccountPasswordPolicy answers NoSuchEntity).
    /// </summary>
    public sealed class PasswordRequirements
    {
        public int MinimumLength { get; set; }
        public bool RequireUppercase { get; set; }
        public bool RequireLowercase { get; set; }
        public bool RequireNumbers { get; set; }
        public bool RequireSymbols { get; set; }
        /// <summary>How many of the four kinds (uppercase, lowercase, digits, symbols) must appear; AWS's default asks for 3.</summary>
        public int MinimumCharacterKinds { get; set; }
        /// <summary>False when these are AWS's defaults because the account has no password policy.</summary>
        public bool IsAccountPolicy { get; set; }

        /// <summary>
        /// "If you do not set a custom password policy, IAM user passwords must meet the AWS default password
        /// policy": at least 8 characters and at least three of uppercase, lowercase, numbers and symbols.
        /// </summary>
        public static PasswordRequirements AwsDefault() => new PasswordRequirements { MinimumLength = 8, MinimumCharacterKinds = 3 };

        /// <summary>The requirements of <paramref name="policy"/>; null (no policy) means AWS's default.</summary>
        public static PasswordRequirements From(IamPasswordPolicy policy)
        {
            if (policy == null) return AwsDefault();
            return new PasswordRequirements
            {
                // IAM's documented default when a policy leaves the length unset.
                MinimumLength = policy.MinimumPasswordLength ?? 6,
                RequireUppercase = policy.RequireUppercaseCharacters,
                RequireLowercase = policy.RequireLowercaseCharacters,
                RequireNumbers = policy.RequireNumbers,
                RequireSymbols = policy.RequireSymbols,
                IsAccountPolicy = true,
            };
        }
    }

    /// <summary>
    /// Checks a console password against <see cref="PasswordRequirements"/> before any write, so a weak password
    /// fails before the user is created rather than leaving a user without console access; and generates strong
    /// ones. Messages name the unmet rules, never the password or any character of it.
    /// </summary>
    public static class PasswordRules
    {
        /// <summary>IAM's password length limit.</summary>
        public const int MaximumLength = 128;
        public const int GeneratedLength = 24;

        /// <summary>The non-alphanumeric characters IAM's password policy counts as symbols.</summary>
        public const string Symbols = "!@#$%^&*()_+-=[]{}|'";

        private const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
        private const string Digits = "0123456789";

        /// <summary>The rules <paramref name="password"/> breaks; empty when it satisfies all of them.</summary>
        public static IReadOnlyList<string> UnmetRules(SecureString password, PasswordRequirements requirements)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            // Read in place from unmanaged memory, so the password never becomes a managed string.
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(password);
                var profile = new Profile();
                for (var i = 0; i < password.Length; i++) profile.Add((char)Marshal.ReadInt16(pointer, i * 2));
                return profile.UnmetRules(requirements);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>The same check on plain text, for tests and callers that hold no secret.</summary>
        public static IReadOnlyList<string> UnmetRules(string password, PasswordRequirements requirements)
        {
            var profile = new Profile();
            foreach (var c in password ?? "") profile.Add(c);
            return profile.UnmetRules(requirements);
        }

        /// <summary>Throws PasswordPolicyViolation naming the unmet rules (and nothing of the password).</summary>
        public static void Validate(SecureString password, PasswordRequirements requirements, string userName)
        {
            var unmet = UnmetRules(password, requirements);
            if (unmet.Count == 0) return;
            var whose = requirements.IsAccountPolicy ? "the account's password policy" : "AWS's default password policy (the account has no password policy of its own)";
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "PasswordPolicyViolation",
                $"The console password for '{userName}' does not meet {whose}: {string.Join("; ", unmet)}. Nothing was changed.",
                "Choose a password that meets these rules, or use -GeneratePassword to have one generated.", userName);
        }

        /// <summary>
        /// A random password of every kind of character, at least <see cref="GeneratedLength"/> long (longer if the
        /// policy asks), built straight into a SecureString.
        /// </summary>
        public static SecureString Generate(PasswordRequirements requirements)
        {
            var length = Math.Min(MaximumLength, Math.Max(GeneratedLength, requirements?.MinimumLength ?? 0));
            var alphabet = Uppercase + Lowercase + Digits + Symbols;
            var chars = new char[length];
            try
            {
                using (var random = RandomNumberGenerator.Create())
                {
                    // One of each kind first, the rest from the whole alphabet, then shuffled so the kinds are not
                    // in predictable places.
                    chars[0] = Uppercase[Uniform(random, Uppercase.Length)];
                    chars[1] = Lowercase[Uniform(random, Lowercase.Length)];
                    chars[2] = Digits[Uniform(random, Digits.Length)];
                    chars[3] = Symbols[Uniform(random, Symbols.Length)];
                    for (var i = 4; i < length; i++) chars[i] = alphabet[Uniform(random, alphabet.Length)];
                    for (var i = length - 1; i > 0; i--)
                    {
                        var j = Uniform(random, i + 1);
                        var t = chars[i]; chars[i] = chars[j]; chars[j] = t;
                    }
                }
                var secure = new SecureString();
                foreach (var c in chars) secure.AppendChar(c);
                secure.MakeReadOnly();
                return secure;
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }

        /// <summary>An unbiased index below <paramref name="bound"/> (rejection sampling on 32-bit draws).</summary>
        private static int Uniform(RandomNumberGenerator random, int bound)
        {
            var buffer = new byte[4];
            var limit = uint.MaxValue - uint.MaxValue % (uint)bound;
            while (true)
            {
                random.GetBytes(buffer);
                var value = BitConverter.ToUInt32(buffer, 0);
                if (value < limit) return (int)(value % (uint)bound);
            }
        }

        private sealed class Profile
        {
            private int _length, _upper, _lower, _digits, _symbols, _unsupported;

            public void Add(char c)
            {
                _length++;
                if (c >= 'A' && c <= 'Z') _upper++;
                else if (c >= 'a' && c <= 'z') _lower++;
                else if (c >= '0' && c <= '9') _digits++;
                else if (Symbols.IndexOf(c) >= 0) _symbols++;
                // IAM's password pattern: tab, line feed, carriage return and U+0020 to U+00FF.
                if (!(c == '\t' || c == '\n' || c == '\r' || c >= ' ' && c <= '\u00FF')) _unsupported++;
            }

            public IReadOnlyList<string> UnmetRules(PasswordRequirements r)
            {
                var unmet = new List<string>();
                if (_length < r.MinimumLength) unmet.Add($"it must be at least {r.MinimumLength} characters long");
                if (_length > MaximumLength) unmet.Add($"it must be at most {MaximumLength} characters long");
                if (_unsupported > 0) unmet.Add("it may contain only printable ASCII and Latin-1 characters");
                if (r.RequireUppercase && _upper == 0) unmet.Add("it must contain an uppercase letter (A-Z)");
                if (r.RequireLowercase && _lower == 0) unmet.Add("it must contain a lowercase letter (a-z)");
                if (r.RequireNumbers && _digits == 0) unmet.Add("it must contain a digit (0-9)");
                if (r.RequireSymbols && _symbols == 0) unmet.Add($"it must contain a symbol ({SymbolList})");
                var kinds = (_upper > 0 ? 1 : 0) + (_lower > 0 ? 1 : 0) + (_digits > 0 ? 1 : 0) + (_symbols > 0 ? 1 : 0);
                if (kinds < r.MinimumCharacterKinds)
                    unmet.Add($"it must mix at least {r.MinimumCharacterKinds} of: uppercase letters, lowercase letters, digits, symbols ({SymbolList})");
                return unmet;
            }
        }

        private static string SymbolList => string.Join(" ", Symbols.ToCharArray());
    }
}
