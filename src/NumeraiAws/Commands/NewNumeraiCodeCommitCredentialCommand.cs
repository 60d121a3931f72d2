using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Identity;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates HTTPS Git credentials for CodeCommit for an IAM user, returning the password once.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiCodeCommitCredential", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiCodeCommitCredential))]
    public sealed class NewNumeraiCodeCommitCredentialCommand : AwsCmdlet
    {
        /// <summary>The IAM user; binds New-NumeraiAnalystUser's UserName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string UserName { get; set; }

        /// <summary>Give the existing credential a new password.</summary>
        [Parameter]
        public SwitchParameter Reset { get; set; }

        /// <summary>With -Reset: the credential to reset when the user has two.</summary>
        [Parameter]
        public string CredentialId { get; set; }

        /// <summary>Create a second credential although the user has one.</summary>
        [Parameter]
        public SwitchParameter Additional { get; set; }

        /// <summary>Write a new password to this CSV file, readable by its owner only.</summary>
        [Parameter]
        public string OutFile { get; set; }

        /// <summary>Replace -OutFile if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var request = new CodeCommitCredentialRequest
                {
                    UserName = UserName,
                    Reset = Reset.IsPresent,
                    CredentialId = CredentialId,
                    Additional = Additional.IsPresent,
                    OutFile = string.IsNullOrEmpty(OutFile) ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile),
                    Force = Force.IsPresent,
                };
                request.Validate();
                var result = CodeCommitCredentialService.Ensure(Connection, SetupHost, request);
                foreach (var warning in result.Warnings) WriteWarning(warning);
                foreach (var credential in result.Credentials)
                {
                    var output = PSObject.AsPSObject(credential);
                    // Ready for Git credential helpers and Invoke-* -Credential; only when there is a password to carry.
                    if (credential.Password != null)
                        output.Properties.Add(new PSNoteProperty("Credential", new PSCredential(credential.ServiceUserName, credential.Password)));
                    WriteObject(output);
                }
            });
        }
    }
}
