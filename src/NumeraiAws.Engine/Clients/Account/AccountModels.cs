namespace NumeraiAws.Engine.Clients.Account
{
    /// <summary>The three alternate contacts an AWS account can have; AWS writes them in capitals (SECURITY, ...).</summary>
    public enum AlternateContactType
    {
        Billing,
        Operations,
        Security,
    }

    /// <summary>One alternate contact of the account: who AWS notifies about billing, operations or security.</summary>
    public sealed class AlternateContact
    {
        public AlternateContactType AlternateContactType { get; set; }
        public string Name { get; set; }
        public string Title { get; set; }
        public string EmailAddress { get; set; }
        public string PhoneNumber { get; set; }
    }
}
