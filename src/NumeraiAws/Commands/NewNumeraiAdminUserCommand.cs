using System.Management.Automation;
using System.Security;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Identity;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates the Administrators group with AdministratorAccess and an administrator user in it, so daily work leaves root.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiAdminUser", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiIamUser))]
    public sealed class NewNumeraiAdminUserCommand : AwsCmdlet
    {
        /// <summary>The administrator user's name.</summary>
        [Parameter(Position = 0)]
        public string Name { get; set; } = NumeraiConventions.AdminUserName;

        /// <summary>The administrators' group.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NumeraiGroupNameCompleter))]
        public string GroupName { get; set; } = NumeraiConventions.AdminGroupName;

        /// <summary>The initial console password; the user must change it at first sign-in.</summary>
        [Parameter]
        public SecureString ConsolePassword { get; set; }

        /// <summary>Generate a strong initial console password, returned once in GeneratedPassword.</summary>
        [Parameter]
        public SwitchParameter GeneratePassword { get; set; }

        protected override void ProcessRecord()
        {
            var request = new AdminUserRequest
            {
                UserName = Name,
                GroupName = GroupName,
                ConsolePassword = ConsolePassword,
                GeneratePassword = GeneratePassword.IsPresent,
            };
            Run(() =>
            {
                request.Validate();
                WriteObject(AdminUserService.Ensure(Connection, SetupHost, request));
            });
        }
    }
}
