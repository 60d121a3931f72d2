using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Iam
{
    /// <summary>
    /// Builds the Query request of each IAM operation the client uses. Pure: nothing here sends anything, so the
    /// exact parameters can be checked without AWS. Parameter names are those of the IAM API reference.
    /// List operations take the Marker of the previous page (null for the first) and an optional MaxItems.
    /// </summary>
    public static class IamRequests
    {
        // ---- Users ------------------------------------------------------------------------------------------

        public static QueryRequest GetUser(string userName) =>
            Read("GetUser").Add("UserName", Required(userName, nameof(userName)));

        public static QueryRequest CreateUser(string userName, string path = null, IEnumerable<IamTag> tags = null) =>
            Write("CreateUser").Add("UserName", Required(userName, nameof(userName))).Add("Path", path).AddTags("Tags", Pairs(tags));

        public static QueryRequest DeleteUser(string userName) =>
            Write("DeleteUser").Add("UserName", Required(userName, nameof(userName)));

        public static QueryRequest ListUsers(string pathPrefix = null, string marker = null, int? maxItems = null) =>
            Page(Read("ListUsers").Add("PathPrefix", pathPrefix), marker, maxItems);

        public static QueryRequest AddUserToGroup(string groupName, string userName) =>
            Write("AddUserToGroup").Add("GroupName", Required(groupName, nameof(groupName))).Add("UserName", Required(userName, nameof(userName)));

        public static QueryRequest RemoveUserFromGroup(string groupName, string userName) =>
            Write("RemoveUserFromGroup").Add("GroupName", Required(groupName, nameof(groupName))).Add("UserName", Required(userName, nameof(userName)));

        public static QueryRequest ListGroupsForUser(string userName, string marker = null, int? maxItems = null) =>
            Page(Read("ListGroupsForUser").Add("UserName", Required(userName, nameof(userName))), marker, maxItems);

        public static QueryRequest GetLoginProfile(string userName) =>
            Read("GetLoginProfile").Add("UserName", Required(userName, nameof(userName)));

        /// <summary>The password is revealed here, into the form body, and nowhere else.</summary>
        public static QueryRequest CreateLoginProfile(string userName, SecureString password, bool passwordResetRequired)
        {
            if (password == null || password.Length == 0) throw new ArgumentException("A password is required.", nameof(password));
            return Write("CreateLoginProfile")
                .Add("UserName", Required(userName, nameof(userName)))
                .Add("Password", SecureText.Reveal(password))
                .Add("PasswordResetRequired", passwordResetRequired);
        }

        public static QueryRequest DeleteLoginProfile(string userName) =>
            Write("DeleteLoginProfile").Add("UserName", Required(userName, nameof(userName)));

        public static QueryRequest ListAttachedUserPolicies(string userName, string marker = null, int? maxItems = null) =>
            Page(Read("ListAttachedUserPolicies").Add("UserName", Required(userName, nameof(userName))), marker, maxItems);

        public static QueryRequest ListUserPolicies(string userName, string marker = null, int? maxItems = null) =>
            Page(Read("ListUserPolicies").Add("UserName", Required(userName, nameof(userName))), marker, maxItems);

        public static QueryRequest ListMfaDevices(string userName, string marker = null, int? maxItems = null) =>
            Page(Read("ListMFADevices").Add("UserName", Required(userName, nameof(userName))), marker, maxItems);

        public static QueryRequest ListAccessKeys(string userName, string marker = null, int? maxItems = null) =>
            Page(Read("ListAccessKeys").Add("UserName", Required(userName, nameof(userName))), marker, maxItems);

        public static QueryRequest TagUser(string userName, IEnumerable<IamTag> tags) =>
            Write("TagUser").Add("UserName", Required(userName, nameof(userName))).AddTags("Tags", Pairs(Required(tags, nameof(tags))));

        // ---- Groups -----------------------------------------------------------------------------------------

        public static QueryRequest GetGroup(string groupName, string marker = null, int? maxItems = null) =>
            Page(Read("GetGroup").Add("GroupName", Required(groupName, nameof(groupName))), marker, maxItems);

        public static QueryRequest CreateGroup(string groupName, string path = null) =>
            Write("CreateGroup").Add("GroupName", Required(groupName, nameof(groupName))).Add("Path", path);

        public static QueryRequest DeleteGroup(string groupName) =>
            Write("DeleteGroup").Add("GroupName", Required(groupName, nameof(groupName)));

        public static QueryRequest AttachGroupPolicy(string groupName, string policyArn) =>
            Write("AttachGroupPolicy").Add("GroupName", Required(groupName, nameof(groupName))).Add("PolicyArn", Required(policyArn, nameof(policyArn)));

        public static QueryRequest DetachGroupPolicy(string groupName, string policyArn) =>
            Write("DetachGroupPolicy").Add("GroupName", Required(groupName, nameof(groupName))).Add("PolicyArn", Required(policyArn, nameof(policyArn)));

        public static QueryRequest ListAttachedGroupPolicies(string groupName, string marker = null, int? maxItems = null) =>
            Page(Read("ListAttachedGroupPolicies").Add("GroupName", Required(groupName, nameof(groupName))), marker, maxItems);

        public static QueryRequest ListGroups(string pathPrefix = null, string marker = null, int? maxItems = null) =>
            Page(Read("ListGroups").Add("PathPrefix", pathPrefix), marker, maxItems);

        // ---- Managed policies -------------------------------------------------------------------------------

        public static QueryRequest GetPolicy(string policyArn) =>
            Read("GetPolicy").Add("PolicyArn", Required(policyArn, nameof(policyArn)));

        public static QueryRequest CreatePolicy(string policyName, string path, string policyDocument, string description = null,
            IEnumerable<IamTag> tags = null) =>
            Write("CreatePolicy")
                .Add("PolicyName", Required(policyName, nameof(policyName)))
                .Add("Path", path)
                .Add("PolicyDocument", Required(policyDocument, nameof(policyDocument)))
                .Add("Description", description)
                .AddTags("Tags", Pairs(tags));

        public static QueryRequest GetPolicyVersion(string policyArn, string versionId) =>
            Read("GetPolicyVersion").Add("PolicyArn", Required(policyArn, nameof(policyArn))).Add("VersionId", Required(versionId, nameof(versionId)));

        public static QueryRequest CreatePolicyVersion(string policyArn, string policyDocument, bool setAsDefault) =>
            Write("CreatePolicyVersion")
                .Add("PolicyArn", Required(policyArn, nameof(policyArn)))
                .Add("PolicyDocument", Required(policyDocument, nameof(policyDocument)))
                .Add("SetAsDefault", setAsDefault);

        public static QueryRequest ListPolicyVersions(string policyArn, string marker = null, int? maxItems = null) =>
            Page(Read("ListPolicyVersions").Add("PolicyArn", Required(policyArn, nameof(policyArn))), marker, maxItems);

        public static QueryRequest DeletePolicyVersion(string policyArn, string versionId) =>
            Write("DeletePolicyVersion").Add("PolicyArn", Required(policyArn, nameof(policyArn))).Add("VersionId", Required(versionId, nameof(versionId)));

        public static QueryRequest SetDefaultPolicyVersion(string policyArn, string versionId) =>
            Write("SetDefaultPolicyVersion").Add("PolicyArn", Required(policyArn, nameof(policyArn))).Add("VersionId", Required(versionId, nameof(versionId)));

        public static QueryRequest DeletePolicy(string policyArn) =>
            Write("DeletePolicy").Add("PolicyArn", Required(policyArn, nameof(policyArn)));

        public static QueryRequest ListPolicies(IamPolicyScope scope, string pathPrefix = null, bool onlyAttached = false,
            string marker = null, int? maxItems = null) =>
            Page(Read("ListPolicies")
                .Add("Scope", ScopeName(scope))
                .Add("PathPrefix", pathPrefix)
                // IAM's default is false; leaving it out keeps the request minimal.
                .Add("OnlyAttached", onlyAttached ? true : (bool?)null), marker, maxItems);

        /// <remarks>entityFilter: User, Role, Group, LocalManagedPolicy or AWSManagedPolicy; null for all.</remarks>
        public static QueryRequest ListEntitiesForPolicy(string policyArn, string entityFilter = null, string marker = null, int? maxItems = null) =>
            Page(Read("ListEntitiesForPolicy").Add("PolicyArn", Required(policyArn, nameof(policyArn))).Add("EntityFilter", entityFilter), marker, maxItems);

        // ---- Roles ------------------------------------------------------------------------------------------

        public static QueryRequest GetRole(string roleName) =>
            Read("GetRole").Add("RoleName", Required(roleName, nameof(roleName)));

        public static QueryRequest CreateRole(string roleName, string path, string assumeRolePolicyDocument, string description = null,
            IEnumerable<IamTag> tags = null) =>
            Write("CreateRole")
                .Add("RoleName", Required(roleName, nameof(roleName)))
                .Add("Path", path)
                .Add("AssumeRolePolicyDocument", Required(assumeRolePolicyDocument, nameof(assumeRolePolicyDocument)))
                .Add("Description", description)
                .AddTags("Tags", Pairs(tags));

        public static QueryRequest DeleteRole(string roleName) =>
            Write("DeleteRole").Add("RoleName", Required(roleName, nameof(roleName)));

        public static QueryRequest AttachRolePolicy(string roleName, string policyArn) =>
            Write("AttachRolePolicy").Add("RoleName", Required(roleName, nameof(roleName))).Add("PolicyArn", Required(policyArn, nameof(policyArn)));

        public static QueryRequest DetachRolePolicy(string roleName, string policyArn) =>
            Write("DetachRolePolicy").Add("RoleName", Required(roleName, nameof(roleName))).Add("PolicyArn", Required(policyArn, nameof(policyArn)));

        public static QueryRequest ListAttachedRolePolicies(string roleName, string marker = null, int? maxItems = null) =>
            Page(Read("ListAttachedRolePolicies").Add("RoleName", Required(roleName, nameof(roleName))), marker, maxItems);

        public static QueryRequest UpdateAssumeRolePolicy(string roleName, string policyDocument) =>
            Write("UpdateAssumeRolePolicy").Add("RoleName", Required(roleName, nameof(roleName))).Add("PolicyDocument", Required(policyDocument, nameof(policyDocument)));

        public static QueryRequest ListRoles(string pathPrefix = null, string marker = null, int? maxItems = null) =>
            Page(Read("ListRoles").Add("PathPrefix", pathPrefix), marker, maxItems);

        // ---- Service-specific credentials -------------------------------------------------------------------

        /// <remarks>serviceName: e.g. "codecommit.amazonaws.com".</remarks>
        public static QueryRequest CreateServiceSpecificCredential(string userName, string serviceName) =>
            Write("CreateServiceSpecificCredential").Add("UserName", Required(userName, nameof(userName))).Add("ServiceName", Required(serviceName, nameof(serviceName)));

        public static QueryRequest ListServiceSpecificCredentials(string userName, string serviceName = null, string marker = null, int? maxItems = null) =>
            Page(Read("ListServiceSpecificCredentials").Add("UserName", Required(userName, nameof(userName))).Add("ServiceName", serviceName), marker, maxItems);

        public static QueryRequest DeleteServiceSpecificCredential(string userName, string serviceSpecificCredentialId) =>
            Write("DeleteServiceSpecificCredential")
                .Add("UserName", Required(userName, nameof(userName)))
                .Add("ServiceSpecificCredentialId", Required(serviceSpecificCredentialId, nameof(serviceSpecificCredentialId)));

        public static QueryRequest ResetServiceSpecificCredential(string userName, string serviceSpecificCredentialId) =>
            Write("ResetServiceSpecificCredential")
                .Add("UserName", Required(userName, nameof(userName)))
                .Add("ServiceSpecificCredentialId", Required(serviceSpecificCredentialId, nameof(serviceSpecificCredentialId)));

        // ---- Account ----------------------------------------------------------------------------------------

        public static QueryRequest GetAccountPasswordPolicy() => Read("GetAccountPasswordPolicy");

        /// <summary>
        /// UpdateAccountPasswordPolicy replaces the whole policy (an omitted setting reverts to its default), so
        /// every flag is sent; numbers are sent only when set because IAM rejects an explicit 0 for some of them.
        /// </summary>
        public static QueryRequest UpdateAccountPasswordPolicy(IamPasswordPolicy policy)
        {
            Required(policy, nameof(policy));
            return Write("UpdateAccountPasswordPolicy")
                .Add("MinimumPasswordLength", policy.MinimumPasswordLength)
                .Add("RequireSymbols", policy.RequireSymbols)
                .Add("RequireNumbers", policy.RequireNumbers)
                .Add("RequireUppercaseCharacters", policy.RequireUppercaseCharacters)
                .Add("RequireLowercaseCharacters", policy.RequireLowercaseCharacters)
                .Add("AllowUsersToChangePassword", policy.AllowUsersToChangePassword)
                .Add("MaxPasswordAge", policy.MaxPasswordAge)
                .Add("PasswordReusePrevention", policy.PasswordReusePrevention)
                .Add("HardExpiry", policy.HardExpiry);
        }

        public static QueryRequest DeleteAccountPasswordPolicy() => Write("DeleteAccountPasswordPolicy");

        public static QueryRequest GetAccountSummary() => Read("GetAccountSummary");

        public static QueryRequest ListAccountAliases(string marker = null, int? maxItems = null) =>
            Page(Read("ListAccountAliases"), marker, maxItems);

        // It starts a job in IAM, so it counts as a write.
        // AWS rates this action "Read" (Service Authorization Reference): it changes nothing a user owns, so an
        // audit that generates the report still counts as a run with no write call.
        public static QueryRequest GenerateCredentialReport() => Read("GenerateCredentialReport");

        public static QueryRequest GetCredentialReport() => Read("GetCredentialReport");

        /// <remarks>filter: Any of User, Role, Group, LocalManagedPolicy, AWSManagedPolicy; null or empty for all.</remarks>
        public static QueryRequest GetAccountAuthorizationDetails(IEnumerable<string> filter = null, string marker = null, int? maxItems = null) =>
            Page(Read("GetAccountAuthorizationDetails").AddList("Filter", filter), marker, maxItems);

        /// <remarks>assignmentStatus: Assigned, Unassigned or Any (IAM's default).</remarks>
        public static QueryRequest ListVirtualMfaDevices(string assignmentStatus = null, string marker = null, int? maxItems = null) =>
            Page(Read("ListVirtualMFADevices").Add("AssignmentStatus", assignmentStatus), marker, maxItems);

        // ---- Helpers ----------------------------------------------------------------------------------------

        private static QueryRequest Read(string action) => new QueryRequest(action, isWrite: false);
        private static QueryRequest Write(string action) => new QueryRequest(action, isWrite: true);

        private static QueryRequest Page(QueryRequest request, string marker, int? maxItems)
        {
            if (maxItems.HasValue && (maxItems.Value < 1 || maxItems.Value > 1000))
                throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "IAM accepts MaxItems from 1 to 1000.");
            return request.Add("Marker", marker).Add("MaxItems", maxItems);
        }

        private static string ScopeName(IamPolicyScope scope)
        {
            switch (scope)
            {
                case IamPolicyScope.Local: return "Local";
                case IamPolicyScope.Aws: return "AWS";
                case IamPolicyScope.All: return "All";
                default: throw new ArgumentOutOfRangeException(nameof(scope), scope, null);
            }
        }

        private static IEnumerable<KeyValuePair<string, string>> Pairs(IEnumerable<IamTag> tags) =>
            tags?.Select(t => new KeyValuePair<string, string>(t.Key, t.Value));

        private static T Required<T>(T value, string name) where T : class =>
            value ?? throw new ArgumentNullException(name);

        private static string Required(string value, string name) =>
            string.IsNullOrEmpty(value) ? throw new ArgumentException($"{name} is required.", name) : value;
    }
}
