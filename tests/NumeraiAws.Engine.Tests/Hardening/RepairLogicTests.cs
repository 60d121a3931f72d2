using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Setup.Hardening;
using Xunit;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>The password policy Repair sets: CIS grade, never weaker than what is there.</summary>
    public sealed class RepairLogicTests
    {
        [Fact]
        public void FromNoPolicyItIsTheCisPolicy()
        {
            var policy = HardeningRepairSession.StrongerPasswordPolicy(null, null);
            Assert.Equal((14, 24, (int?)null), (policy.MinimumPasswordLength.Value, policy.PasswordReusePrevention.Value, policy.MaxPasswordAge));
            Assert.True(policy.RequireSymbols && policy.RequireNumbers && policy.RequireUppercaseCharacters && policy.RequireLowercaseCharacters);
            Assert.True(policy.AllowUsersToChangePassword);
            Assert.False(policy.HardExpiry);
        }

        [Fact]
        public void StricterSettingsAreKept()
        {
            var current = new IamPasswordPolicy { MinimumPasswordLength = 20, PasswordReusePrevention = 24, MaxPasswordAge = 30, HardExpiry = true };
            var policy = HardeningRepairSession.StrongerPasswordPolicy(current, 90);
            Assert.Equal((20, 24, (int?)30, true), (policy.MinimumPasswordLength.Value, policy.PasswordReusePrevention.Value, policy.MaxPasswordAge, policy.HardExpiry));
        }

        [Fact]
        public void AMaxAgeIsAddedOrShortenedOnlyWhenAsked()
        {
            Assert.Equal(90, HardeningRepairSession.StrongerPasswordPolicy(new IamPasswordPolicy { MaxPasswordAge = 120 }, 90).MaxPasswordAge);
            Assert.Equal(120, HardeningRepairSession.StrongerPasswordPolicy(new IamPasswordPolicy { MaxPasswordAge = 120 }, null).MaxPasswordAge);
            Assert.Null(HardeningRepairSession.StrongerPasswordPolicy(new IamPasswordPolicy { MaxPasswordAge = 0 }, null).MaxPasswordAge);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1096)]
        public void AnImpossibleMaxAgeIsRefusedBeforeAnyCall(int days)
        {
            var error = Assert.Throws<NumeraiAwsException>(() => HardeningRepairSession.Validate(new HardeningRepairRequest { MaxPasswordAgeDays = days }));
            Assert.Equal("InvalidMaxPasswordAge", error.Reason);
        }

        [Fact]
        public void BudgetParametersGoTogether()
        {
            Assert.Equal("BudgetParametersIncomplete", Assert.Throws<NumeraiAwsException>(() =>
                HardeningRepairSession.Validate(new HardeningRepairRequest { BudgetLimitUsd = 10 })).Reason);
            Assert.Equal("BudgetParametersIncomplete", Assert.Throws<NumeraiAwsException>(() =>
                HardeningRepairSession.Validate(new HardeningRepairRequest { BudgetEmail = "a@example.com" })).Reason);
            Assert.Equal("InvalidEmailAddress", Assert.Throws<NumeraiAwsException>(() =>
                HardeningRepairSession.Validate(new HardeningRepairRequest { BudgetLimitUsd = 10, BudgetEmail = "x" })).Reason);
            HardeningRepairSession.Validate(new HardeningRepairRequest { BudgetLimitUsd = 10, BudgetEmail = "a@example.com", MaxPasswordAgeDays = 90 });
        }
    }
}
