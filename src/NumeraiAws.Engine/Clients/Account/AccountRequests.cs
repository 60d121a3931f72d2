using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Clients.Account
{
    /// <summary>
    /// The Account Management (REST-JSON) requests the module sends, as pure builders: each operation is a POST to
    /// its own path with a JSON body, per the AWS Account Management API reference (API version 2021-02-01).
    /// AccountId is never sent: the module manages the account its credentials belong to, and AWS refuses
    /// AccountId for an organization's management account calling on itself.
    /// </summary>
    internal static class AccountRequests
    {
        public static JsonOperation GetAlternateContact(AlternateContactType type) =>
            new JsonOperation("GetAlternateContact", false, new Dictionary<string, object>
            {
                ["AlternateContactType"] = WireName(type),
            }, "/getAlternateContact", "POST");

        public static JsonOperation PutAlternateContact(AlternateContactType type, string name, string title, string emailAddress, string phoneNumber) =>
            new JsonOperation("PutAlternateContact", true, new Dictionary<string, object>
            {
                ["AlternateContactType"] = WireName(type),
                ["Name"] = Require.NotEmpty(name, nameof(name)),
                ["Title"] = Require.NotEmpty(title, nameof(title)),
                ["EmailAddress"] = Require.NotEmpty(emailAddress, nameof(emailAddress)),
                ["PhoneNumber"] = Require.NotEmpty(phoneNumber, nameof(phoneNumber)),
            }, "/putAlternateContact", "POST");

        public static string WireName(AlternateContactType type)
        {
            switch (type)
            {
                case AlternateContactType.Billing: return "BILLING";
                case AlternateContactType.Operations: return "OPERATIONS";
                case AlternateContactType.Security: return "SECURITY";
                default: throw new ArgumentOutOfRangeException(nameof(type), type, "Not an alternate contact type.");
            }
        }
    }
}
