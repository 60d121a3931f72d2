using System.Security;

namespace NumeraiAws.Engine.Model
{
    /// <summary>
    /// An IAM user of the module (the analyst or the administrator): the output of New-NumeraiAnalystUser and
    /// New-NumeraiAdminUser, and the input of New-NumeraiCodeCommitCredential (which binds <see cref="UserName"/>).
    /// </summary>
    public sealed class NumeraiIamUser
    {
        public string UserName { get; set; }
        /// <summary>Null when -WhatIf kept the user from being created.</summary>
        public string UserArn { get; set; }
        public string Path { get; set; }
        /// <summary>The group the user was put in.</summary>
        public string GroupName { get; set; }
        /// <summary>True when the user has a console password (a login profile).</summary>
        public bool ConsoleAccess { get; set; }
        /// <summary>The account's console sign-in page for IAM users (the alias in place of the id when there is one).</summary>
        public string SignInUrl { get; set; }
        /// <summary>
        /// The password -GeneratePassword made, only in the run that set it; AWS asks for a new one at first sign-in.
        /// Null otherwise. Never shown as text.
        /// </summary>
        public SecureString GeneratedPassword { get; set; }
        public bool Created { get; set; }
        /// <summary>What this run changed (e.g. "User", "GroupMembership", "LoginProfile"); empty when nothing had to change.</summary>
        public string[] Changed { get; set; } = new string[0];
    }
}
