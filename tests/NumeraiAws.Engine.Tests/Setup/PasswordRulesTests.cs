using System.Linq;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Setup.Identity;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    public sealed class PasswordRulesTests
    {
        private static readonly PasswordRequirements Strict = PasswordRequirements.From(new IamPasswordPolicy
        {
            MinimumPasswordLength = 14,
            RequireUppercaseCharacters = true,
            RequireLowercaseCharacters = true,
            RequireNumbers = true,
            RequireSymbols = true,
        });

        [Fact]
        public void NoPolicyMeansAwsDefault()
        {
            var r = PasswordRequirements.From(null);
            Assert.Equal(8, r.MinimumLength);
            Assert.Equal(3, r.MinimumCharacterKinds);
            Assert.False(r.IsAccountPolicy);
            Assert.False(r.RequireSymbols || r.RequireNumbers || r.RequireUppercase || r.RequireLowercase);
        }

        [Fact]
        public void PolicyWithoutLengthUsesIamDefaultOfSix()
        {
            var r = PasswordRequirements.From(new IamPasswordPolicy { RequireNumbers = true });
            Assert.Equal(6, r.MinimumLength);
            Assert.Equal(0, r.MinimumCharacterKinds);
            Assert.True(r.IsAccountPolicy);
            Assert.True(r.RequireNumbers);
        }

        [Theory]
        [InlineData("Abcdefg1")]      // upper, lower, digit
        [InlineData("abcdefg1!")]     // lower, digit, symbol
        [InlineData("ABCDEFG!a")]     // upper, symbol, lower
        public void DefaultAcceptsEightWithThreeKinds(string password) =>
            Assert.Empty(PasswordRules.UnmetRules(password, PasswordRequirements.AwsDefault()));

        [Fact]
        public void DefaultRejectsShortAndTwoKinds()
        {
            Assert.Equal(new[] { "it must be at least 8 characters long" }, PasswordRules.UnmetRules("Abcde1!", PasswordRequirements.AwsDefault()));
            Assert.Equal(new[] { "it must mix at least 3 of: uppercase letters, lowercase letters, digits, symbols (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')" },
                PasswordRules.UnmetRules("abcdefgh12", PasswordRequirements.AwsDefault()));
        }

        [Fact]
        public void NamesEveryUnmetRuleOfAnAccountPolicy()
        {
            Assert.Equal(new[]
            {
                "it must be at least 14 characters long",
                "it must contain an uppercase letter (A-Z)",
                "it must contain a digit (0-9)",
                "it must contain a symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')",
            }, PasswordRules.UnmetRules("lowercase", Strict));
            Assert.Empty(PasswordRules.UnmetRules("Long-Enough-Pa55", Strict));
        }

        [Fact]
        public void CountsOnlyIamSymbolsAndRefusesCharactersIamRefuses()
        {
            // '?' is not one of the symbols IAM's policy counts.
            Assert.Contains("it must contain a symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')", PasswordRules.UnmetRules("Long-Enough-Pa55?".Replace("-", "?"), Strict));
            Assert.Equal(new[] { "it may contain only printable ASCII and Latin-1 characters" }, PasswordRules.UnmetRules("Long-Enough-Pa55€", Strict));
            Assert.Equal(new[] { "it must be at most 128 characters long" }, PasswordRules.UnmetRules("Aa1!" + new string('x', 125), Strict));
        }

        [Fact]
        public void SecureStringIsCheckedLikeText()
        {
            foreach (var text in new[] { "lowercase", "Long-Enough-Pa55", "Abcde1!", "" })
                Assert.Equal(PasswordRules.UnmetRules(text, Strict), PasswordRules.UnmetRules(SecureText.Protect(text), Strict));
        }

        [Fact]
        public void ViolationNamesRulesButNeverThePassword()
        {
            var e = Assert.Throws<NumeraiAwsException>(() => PasswordRules.Validate(SecureText.Protect("hunter2hunter"), Strict, "numerai-analyst"));
            Assert.Equal("PasswordPolicyViolation", e.Reason);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("the account's password policy", e.Message);
            Assert.Contains("at least 14 characters", e.Message);
            Assert.DoesNotContain("hunter", e.Message);
            Assert.DoesNotContain("hunter", e.RecommendedAction);
            Assert.Contains("-GeneratePassword", e.RecommendedAction);
        }

        [Theory]
        [InlineData(0, 24)]
        [InlineData(14, 24)]
        [InlineData(40, 40)]
        [InlineData(128, 128)]
        public void GeneratedPasswordsMeetThePolicyAndAreLongEnough(int minimum, int expectedLength)
        {
            var requirements = PasswordRequirements.From(new IamPasswordPolicy
            {
                MinimumPasswordLength = minimum == 0 ? (int?)null : minimum,
                RequireUppercaseCharacters = true, RequireLowercaseCharacters = true, RequireNumbers = true, RequireSymbols = true,
            });
            for (var i = 0; i < 50; i++)
            {
                var password = PasswordRules.Generate(requirements);
                Assert.True(password.IsReadOnly());
                Assert.Equal(expectedLength, password.Length);
                Assert.Empty(PasswordRules.UnmetRules(password, requirements));
                Assert.Empty(PasswordRules.UnmetRules(password, PasswordRequirements.AwsDefault()));
            }
        }

        [Fact]
        public void GeneratedPasswordsDiffer()
        {
            var passwords = Enumerable.Range(0, 20).Select(_ => SecureText.Reveal(PasswordRules.Generate(PasswordRequirements.AwsDefault()))).ToList();
            Assert.Equal(20, passwords.Distinct().Count());
        }
    }
}
