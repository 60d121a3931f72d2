using System.Collections.Generic;
using System.Security;

namespace NumeraiAws.Engine.Connection
{
    /// <summary>
    /// What the caller said about how to reach AWS: the AWS Tools for PowerShell common parameters, plus what the
    /// session holds ($StoredAWSCredentials/$StoredAWSRegion), already read out of PowerShell by the cmdlet layer.
    /// </summary>
    public sealed class ConnectionRequest
    {
        public string ProfileName { get; set; }
        public string ProfileLocation { get; set; }
        public string Region { get; set; }
        public string AccessKey { get; set; }
        public SecureString SecretKey { get; set; }
        public SecureString SessionToken { get; set; }
        /// <summary>From -Credential (a PSCredential): the access key id.</summary>
        public string CredentialAccessKey { get; set; }
        /// <summary>From -Credential: the secret access key.</summary>
        public SecureString CredentialSecretKey { get; set; }
        public StoredCredentials Stored { get; set; }
        public string StoredRegion { get; set; }
        public string EndpointUrl { get; set; }
        /// <summary>Environment variables to read; null reads the process environment. Tests pass their own.</summary>
        public IDictionary<string, string> Environment { get; set; }
    }

    /// <summary>
    /// What AWS Tools' Set-AWSCredential left in $StoredAWSCredentials, read without binding to AWS Tools types:
    /// either keys, or the name of a profile.
    /// </summary>
    public sealed class StoredCredentials
    {
        public string ProfileName { get; set; }
        public string ProfileLocation { get; set; }
        public string AccessKey { get; set; }
        public SecureString SecretKey { get; set; }
        public SecureString SessionToken { get; set; }
    }
}
