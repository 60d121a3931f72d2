namespace NumeraiAws.Engine.Model
{
    /// <summary>Who the module is acting as, and where: the output of Get-NumeraiAwsIdentity.</summary>
    public sealed class AwsIdentity
    {
        public string Account { get; set; }
        public string Arn { get; set; }
        public string UserId { get; set; }
        /// <summary>True when the credentials are the account's root user (daily work should not be).</summary>
        public bool IsRoot { get; set; }
        public string Region { get; set; }
        public string Partition { get; set; }
        /// <summary>The STS endpoint the identity was read from.</summary>
        public string Endpoint { get; set; }
        public string CredentialSource { get; set; }
        public string RegionSource { get; set; }
    }
}
