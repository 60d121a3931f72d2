using System;
using System.Security;

namespace NumeraiAws.Engine.Model
{
    /// <summary>
    /// HTTPS Git credentials for CodeCommit (an IAM service-specific credential): the output of
    /// New-NumeraiCodeCommitCredential. Git's user name is <see cref="ServiceUserName"/>, not the IAM user's name.
    /// </summary>
    public sealed class NumeraiCodeCommitCredential
    {
        /// <summary>The IAM user the credential belongs to.</summary>
        public string UserName { get; set; }
        /// <summary>The user name to give Git (USER-at-ACCOUNT).</summary>
        public string ServiceUserName { get; set; }
        public string CredentialId { get; set; }
        /// <summary>Active, Inactive or Expired.</summary>
        public string Status { get; set; }
        public DateTime? CreateDate { get; set; }
        /// <summary>
        /// The Git password, only in the run that created or reset it (AWS shows it once); null otherwise. Never
        /// shown as text.
        /// </summary>
        public SecureString Password { get; set; }
        /// <summary>The CSV file the credential was written to this run, or null.</summary>
        public string OutFile { get; set; }
        /// <summary>What this run changed ("Created" or "Reset"); empty when the credential already existed.</summary>
        public string[] Changed { get; set; } = new string[0];
    }
}
