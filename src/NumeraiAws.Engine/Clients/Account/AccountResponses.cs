using System.Text.Json;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Account
{
    /// <summary>Pure parsers of Account Management's JSON responses.</summary>
    internal static class AccountResponses
    {
        /// <summary>GetAlternateContact answers {"AlternateContact": {...}}; null when the member is missing.</summary>
        public static AlternateContact AlternateContact(JsonElement response, AlternateContactType requested)
        {
            var contact = JsonBody.Property(response, "AlternateContact");
            if (contact == null) return null;
            var c = contact.Value;
            return new AlternateContact
            {
                // The service echoes the type that was asked for; if it ever sends something else (or nothing),
                // the type asked for is still the truthful answer to "which contact is this".
                AlternateContactType = TypeFromWire(JsonValues.String(c, "AlternateContactType")) ?? requested,
                Name = JsonValues.String(c, "Name"),
                Title = JsonValues.String(c, "Title"),
                EmailAddress = JsonValues.String(c, "EmailAddress"),
                PhoneNumber = JsonValues.String(c, "PhoneNumber"),
            };
        }

        public static AlternateContactType? TypeFromWire(string value)
        {
            switch (value)
            {
                case "BILLING": return AlternateContactType.Billing;
                case "OPERATIONS": return AlternateContactType.Operations;
                case "SECURITY": return AlternateContactType.Security;
                default: return null;
            }
        }
    }
}
