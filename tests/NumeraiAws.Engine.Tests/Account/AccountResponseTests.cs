using NumeraiAws.Engine.Clients.Account;
using Xunit;

namespace NumeraiAws.Engine.Tests.Account
{
    /// <summary>Parsing of GetAlternateContact's response as the AWS Account Management API reference documents it.</summary>
    public sealed class AccountResponseTests
    {
        [Fact]
        public void AlternateContactIsParsedMemberByMember()
        {
            var contact = AccountResponses.AlternateContact(WireJson.Parse(@"{
                ""AlternateContact"": {
                    ""AlternateContactType"": ""BILLING"",
                    ""EmailAddress"": ""billing@example.com"",
                    ""Name"": ""Richard Roe"",
                    ""PhoneNumber"": ""+1(888)555-1212"",
                    ""Title"": ""Accounts Payable""
                }
            }"), AlternateContactType.Billing);

            Assert.Equal(AlternateContactType.Billing, contact.AlternateContactType);
            Assert.Equal("billing@example.com", contact.EmailAddress);
            Assert.Equal("Richard Roe", contact.Name);
            Assert.Equal("+1(888)555-1212", contact.PhoneNumber);
            Assert.Equal("Accounts Payable", contact.Title);
        }

        [Fact]
        public void AResponseWithoutAContactIsNull()
        {
            Assert.Null(AccountResponses.AlternateContact(WireJson.Parse("{}"), AlternateContactType.Security));
        }

        [Fact]
        public void AMissingTypeFallsBackToTheTypeAskedFor()
        {
            var contact = AccountResponses.AlternateContact(WireJson.Parse(@"{""AlternateContact"":{""Name"":""n""}}"), AlternateContactType.Operations);
            Assert.Equal(AlternateContactType.Operations, contact.AlternateContactType);
        }

        [Theory]
        [InlineData("SECURITY", AlternateContactType.Security)]
        [InlineData("BILLING", AlternateContactType.Billing)]
        [InlineData("OPERATIONS", AlternateContactType.Operations)]
        [InlineData("security", null)]
        [InlineData(null, null)]
        public void WireTypesMapExactly(string wire, AlternateContactType? expected)
        {
            Assert.Equal(expected, AccountResponses.TypeFromWire(wire));
        }
    }
}
