using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>A user of the module, the group it belongs in, and how it gets console access.</summary>
    public sealed class IamUserRequest
    {
        public string UserName { get; set; }
        public string GroupName { get; set; }
        public string Path { get; set; } = NumeraiConventions.IamPath;
        /// <summary>The initial console password; null for none (unless <see cref="GeneratePassword"/>).</summary>
        public SecureString ConsolePassword { get; set; }
        /// <summary>Generate a strong initial console password and return it once.</summary>
        public bool GeneratePassword { get; set; }
        /// <summary>The numeraiaws:component tag of the user, e.g. "analyst-user".</summary>
        public string Component { get; set; } = "user";

        public bool WantsConsoleAccess => ConsolePassword != null || GeneratePassword;

        public void Validate()
        {
            IamNames.ValidateUserName(UserName);
            IamNames.ValidateGroupName(GroupName);
            if (ConsolePassword != null && GeneratePassword)
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "ConflictingPasswordOptions",
                    "Give either a console password or -GeneratePassword, not both.",
                    "Use -ConsolePassword to choose the initial password, or -GeneratePassword to have one made.");
        }
    }

    /// <summary>
    /// What <see cref="IamUserService.Apply"/> will do, found by reads alone: whether the user exists, is in the
    /// group and has console access, and the password to set (already checked against the account's policy).
    /// </summary>
    public sealed class IamUserPlan
    {
        internal IamUserRequest Request { get; set; }
        internal IamUser Existing { get; set; }
        internal bool HasLoginProfile { get; set; }
        internal bool InGroup { get; set; }
        internal SecureString Password { get; set; }
        internal bool PasswordGenerated { get; set; }
        internal string SignInUrl { get; set; }
    }

    /// <summary>
    /// An IAM user under /numerai/ in one group, with console access on request. No policy is ever attached to the
    /// user itself: permissions come from the group. An existing console password is never reset. Shared by
    /// New-NumeraiAnalystUser and New-NumeraiAdminUser; split into Plan (reads and checks, no write) and Apply so
    /// a caller can check the password before it writes anything else.
    /// </summary>
    public static class IamUserService
    {
        public static NumeraiIamUser Ensure(AwsConnection connection, ISetupHost host, IamUserRequest request) =>
            Apply(connection, host, Plan(connection, request));

        /// <summary>Reads the user's state and checks (or generates) the password. Makes no write call.</summary>
        public static IamUserPlan Plan(AwsConnection connection, IamUserRequest request)
        {
            request.Validate();
            var iam = new IamClient(connection);
            var plan = new IamUserPlan { Request = request };

            plan.Existing = iam.TryGetUser(request.UserName);
            if (plan.Existing != null)
            {
                if (!string.Equals(plan.Existing.Path, request.Path, StringComparison.Ordinal)) throw NameInUse(plan.Existing, request.Path);
                plan.HasLoginProfile = iam.TryGetLoginProfile(request.UserName) != null;
                plan.InGroup = iam.ListGroupsForUser(request.UserName)
                    .Any(g => string.Equals(g.GroupName, request.GroupName, StringComparison.OrdinalIgnoreCase));
            }

            // The password matters only when it will be set: an existing console password is never replaced, and
            // the account's policy may have become stricter since it was set.
            if (request.WantsConsoleAccess && !plan.HasLoginProfile)
            {
                var requirements = PasswordRequirements.From(iam.TryGetAccountPasswordPolicy());
                if (request.GeneratePassword)
                {
                    plan.Password = PasswordRules.Generate(requirements);
                    plan.PasswordGenerated = true;
                }
                else
                {
                    PasswordRules.Validate(request.ConsolePassword, requirements, request.UserName);
                    plan.Password = request.ConsolePassword;
                }
            }

            plan.SignInUrl = SignInUrl(connection, iam);
            return plan;
        }

        /// <summary>Makes the changes <paramref name="plan"/> found, each after host.ShouldChange.</summary>
        public static NumeraiIamUser Apply(AwsConnection connection, ISetupHost host, IamUserPlan plan)
        {
            var request = plan.Request;
            var iam = new IamClient(connection);
            var name = request.UserName;
            var changed = new List<string>();
            var result = new NumeraiIamUser
            {
                UserName = name,
                Path = request.Path,
                GroupName = request.GroupName,
                SignInUrl = plan.SignInUrl,
                ConsoleAccess = plan.HasLoginProfile,
            };

            var user = plan.Existing;
            if (user == null)
            {
                var console = plan.Password == null ? "without console access" : "with console access (a new password is required at first sign-in)";
                if (!host.ShouldChange(name, $"Create IAM user at path {request.Path} in group '{request.GroupName}', {console}")) return result;
                try
                {
                    user = iam.CreateUser(name, request.Path, NumeraiConventions.Tags(request.Component, null).Select(t => new IamTag(t.Key, t.Value)));
                    host.Info($"Created user {user.Arn}.");
                    result.Created = true;
                    changed.Add("User");
                }
                catch (AwsServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
                {
                    // The create took effect but its answer was lost (the SDK's retry then met the user), or another
                    // run made it a moment ago. Ours only if it is under our path.
                    user = EventualConsistency.Retry(host, $"Read user {name}", () => iam.GetUser(name), EventualConsistency.IsNotYetVisible);
                    if (!string.Equals(user.Path, request.Path, StringComparison.Ordinal)) throw NameInUse(user, request.Path);
                }
            }
            result.UserArn = user.Arn;

            if (!plan.InGroup && host.ShouldChange(name, $"Add user to IAM group '{request.GroupName}'"))
            {
                try
                {
                    // The user, or the group just made by the previous command, may not be visible yet.
                    EventualConsistency.Retry(host, $"Add {name} to group {request.GroupName}",
                        () => iam.AddUserToGroup(request.GroupName, name), EventualConsistency.IsNotYetVisible);
                }
                catch (AwsServiceException e) when (e.IsNotFound)
                {
                    throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "GroupNotFound",
                        $"IAM kept answering {e.ErrorCode} when adding '{name}' to group '{request.GroupName}': the group does not exist.",
                        "Create the group first (New-NumeraiAnalystGroup, and pipe its output into this command) or pass -GroupName with an existing group.",
                        request.GroupName, e);
                }
                host.Info($"Added {name} to group {request.GroupName}.");
                changed.Add("GroupMembership");
            }

            if (plan.Password != null)
            {
                if (host.ShouldChange(name, "Create a console password (login profile); the user must choose a new one at first sign-in"))
                {
                    CreateLoginProfile(host, iam, name, plan.Password);
                    host.Info($"Gave {name} console access; AWS asks for a new password at first sign-in.");
                    result.ConsoleAccess = true;
                    if (plan.PasswordGenerated) result.GeneratedPassword = plan.Password;
                    changed.Add("LoginProfile");
                }
            }
            else if (plan.HasLoginProfile && request.WantsConsoleAccess)
            {
                host.Info($"{name} already has a console password; it is left as it is (a re-run never resets it).");
            }

            if (changed.Count == 0) host.Info($"User {name} is already set up.");
            result.Changed = changed.ToArray();
            return result;
        }

        private static void CreateLoginProfile(ISetupHost host, IamClient iam, string name, SecureString password)
        {
            try
            {
                EventualConsistency.Retry(host, $"Create the login profile of {name}",
                    () => iam.CreateLoginProfile(name, password, passwordResetRequired: true), EventualConsistency.IsNotYetVisible);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
            {
                // The login profile was created although the answer was lost (the SDK's retry then met it): the
                // password set is the one asked for, so there is nothing left to do.
                host.Info($"{name} already has a console password (the earlier attempt took effect).");
            }
            catch (AwsServiceException e) when (e.ErrorCode == "PasswordPolicyViolation")
            {
                // IAM's message names the rules, never the password.
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "PasswordPolicyViolation",
                    $"IAM refused the console password for '{name}': {e.AwsMessage} The user was created without console access.",
                    "Run again with a password that meets the account's password policy, or with -GeneratePassword.", name, e);
            }
        }

        /// <summary>The console sign-in URL of the account: its alias if it has one, else its id.</summary>
        private static string SignInUrl(AwsConnection connection, IamClient iam)
        {
            var account = IdentityService.Get(connection).Account;
            var alias = iam.ListAccountAliases().FirstOrDefault();
            return ConsoleSignIn.Url(connection.Partition.Name, account, alias);
        }

        private static NumeraiAwsException NameInUse(IamUser user, string path) =>
            new NumeraiAwsException(ErrorKind.ResourceExists, "UserNameInUse",
                $"An IAM user named '{user.UserName}' already exists at path '{user.Path}' ({user.Arn}). It is not under {path}, " +
                "so NumeraiAws did not make it and does not change it.",
                "Pass -Name with another user name.", user.Arn);
    }
}
