using System.Management.Automation;
using System.Security;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Identity;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates the analyst's IAM user in the analysts' group, with console access on request.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiAnalystUser", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiIamUser))]
    public sealed class NewNumeraiAnalystUserCommand : AwsCmdlet
    {
        /// <summary>The group to put the user in; binds New-NumeraiAnalystGroup's GroupName.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NumeraiGroupNameCompleter))]
        public string GroupName { get; set; } = NumeraiConventions.AnalystGroupName;

        /// <summary>The user's name.</summary>
        [Parameter(Position = 0)]
        public string Name { get; set; } = NumeraiConventions.AnalystUserName;

        /// <summary>The initial console password; the user must change it at first sign-in.</summary>
        [Parameter]
        public SecureString ConsolePassword { get; set; }

        /// <summary>Generate a strong initial console password, returned once in GeneratedPassword.</summary>
        [Parameter]
        public SwitchParameter GeneratePassword { get; set; }

        protected override void ProcessRecord()
        {
            var request = new IamUserRequest
            {
                UserName = Name,
                GroupName = GroupName,
                ConsolePassword = ConsolePassword,
                GeneratePassword = GeneratePassword.IsPresent,
                Component = "analyst-user",
            };
            Run(() =>
            {
                request.Validate();
                WriteObject(IamUserService.Ensure(Connection, SetupHost, request));
            });
        }
    }
}
