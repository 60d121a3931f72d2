using System.Collections.Generic;
using System.Security;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>What New-NumeraiAdminUser asks for.</summary>
    public sealed class AdminUserRequest
    {
        public string UserName { get; set; } = NumeraiConventions.AdminUserName;
        public string GroupName { get; set; } = NumeraiConventions.AdminGroupName;
        public SecureString ConsolePassword { get; set; }
        public bool GeneratePassword { get; set; }

        internal IamUserRequest UserRequest() => new IamUserRequest
        {
            UserName = UserName,
            GroupName = GroupName,
            ConsolePassword = ConsolePassword,
            GeneratePassword = GeneratePassword,
            Component = "admin-user",
        };

        public void Validate() => UserRequest().Validate();
    }

    /// <summary>
    /// Step 1 of the manual procedure: an Administrators group with AdministratorAccess and an administrator user
    /// in it with console access, so daily work no longer needs the root user. The same group and user logic as
    /// the analysts' (<see cref="IamGroupService"/>, <see cref="IamUserService"/>).
    /// </summary>
    public static class AdminUserService
    {
        public const string AdministratorAccess = "AdministratorAccess";

        public static NumeraiIamUser Ensure(AwsConnection connection, ISetupHost host, AdminUserRequest request)
        {
            request.Validate();
            // The user's reads and the password check come first, so a weak password stops before the group is made.
            var plan = IamUserService.Plan(connection, request.UserRequest());
            IamGroupService.Ensure(connection, host, new IamGroupRequest
            {
                GroupName = request.GroupName,
                PolicyArns = new List<string> { NumeraiConventions.AwsManagedPolicyArn(connection.Partition.Name, AdministratorAccess) },
            });
            return IamUserService.Apply(connection, host, plan);
        }
    }
}
