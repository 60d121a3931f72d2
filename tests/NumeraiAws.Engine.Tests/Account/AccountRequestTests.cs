using System;
using NumeraiAws.Engine.Clients.Account;
using Xunit;

namespace NumeraiAws.Engine.Tests.Account
{
    /// <summary>The REST-JSON requests of Account Management: path, method and body, per the AWS Account Management API reference.</summary>
    public sealed class AccountRequestTests
    {
        [Theory]
        [InlineData(AlternateContactType.Security, "SECURITY")]
        [InlineData(AlternateContactType.Billing, "BILLING")]
        [InlineData(AlternateContactType.Operations, "OPERATIONS")]
        public void GetAlternateContactPostsTheTypeToItsPath(AlternateContactType type, string wire)
        {
            var op = AccountRequests.GetAlternateContact(type);
            Assert.Equal("GetAlternateContact", op.Name);
            Assert.False(op.IsWrite);
            Assert.Equal("/getAlternateContact", op.Path);
            Assert.Equal("POST", op.Method);
            Assert.Equal($@"{{""AlternateContactType"":""{wire}""}}", WireJson.Of(op));
        }

        [Fact]
        public void PutAlternateContactPostsAllFiveMembersAndNoAccountId()
        {
            var op = AccountRequests.PutAlternateContact(AlternateContactType.Security, "Jane Doe", "CISO", "security@example.com", "+1-555-0100");
            Assert.Equal("PutAlternateContact", op.Name);
            Assert.True(op.IsWrite);
            Assert.Equal("/putAlternateContact", op.Path);
            Assert.Equal("POST", op.Method);
            Assert.Equal(WireJson.Canonical(@"{
                ""AlternateContactType"": ""SECURITY"",
                ""Name"": ""Jane Doe"",
                ""Title"": ""CISO"",
                ""EmailAddress"": ""security@example.com"",
                ""PhoneNumber"": ""+1-555-0100""
            }"), WireJson.Of(op));
        }

        [Fact]
        public void PutAlternateContactRefusesAMissingMember()
        {
            var error = Assert.Throws<ArgumentException>(() =>
                AccountRequests.PutAlternateContact(AlternateContactType.Billing, "Jane", "CFO", null, "+1-555-0100"));
            Assert.Equal("emailAddress", error.ParamName);
        }

        [Fact]
        public void AnUndefinedContactTypeIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => AccountRequests.GetAlternateContact((AlternateContactType)42));
        }
    }
}
