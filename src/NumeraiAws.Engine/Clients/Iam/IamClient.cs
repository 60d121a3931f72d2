using System;
using System.Collections.Generic;
using System.Security;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Iam
{
    /// <summary>
    /// Typed IAM operations over an <see cref="AwsConnection"/>: each method is one request from
    /// <see cref="IamRequests"/>, sent through the connection (signing, retries, call records) and parsed by
    /// <see cref="IamResponses"/>. List methods follow every page and return the whole list; each page is one
    /// recorded call. <c>maxItems</c> sets the page size (IAM's default is 100). TryGet* return null where IAM
    /// answers NoSuchEntity; every other error is an <see cref="AwsServiceException"/>.
    /// </summary>
    internal sealed partial class IamClient
    {
        private readonly AwsConnection _connection;

        public IamClient(AwsConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        // ---- Users ------------------------------------------------------------------------------------------

        public IamUser GetUser(string userName) => IamResponses.GetUser(Send(IamRequests.GetUser(userName)));
        public IamUser TryGetUser(string userName) => OrNull(() => GetUser(userName));

        public IamUser CreateUser(string userName, string path = null, IEnumerable<IamTag> tags = null) =>
            IamResponses.CreateUser(Send(IamRequests.CreateUser(userName, path, tags)));

        public void DeleteUser(string userName) => Send(IamRequests.DeleteUser(userName));

        public IReadOnlyList<IamUser> ListUsers(string pathPrefix = null, int? maxItems = null) =>
            Paged(marker => IamRequests.ListUsers(pathPrefix, marker, maxItems), IamResponses.ListUsers);

        public void AddUserToGroup(string groupName, string userName) => Send(IamRequests.AddUserToGroup(groupName, userName));
        public void RemoveUserFromGroup(string groupName, string userName) => Send(IamRequests.RemoveUserFromGroup(groupName, userName));

        public IReadOnlyList<IamGroup> ListGroupsForUser(string userName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListGroupsForUser(userName, marker, maxItems), IamResponses.ListGroupsForUser);

        public IamLoginProfile GetLoginProfile(string userName) => IamResponses.GetLoginProfile(Send(IamRequests.GetLoginProfile(userName)));
        public IamLoginProfile TryGetLoginProfile(string userName) => OrNull(() => GetLoginProfile(userName));

        public IamLoginProfile CreateLoginProfile(string userName, SecureString password, bool passwordResetRequired) =>
            IamResponses.CreateLoginProfile(Send(IamRequests.CreateLoginProfile(userName, password, passwordResetRequired)));

        public void DeleteLoginProfile(string userName) => Send(IamRequests.DeleteLoginProfile(userName));

        public IReadOnlyList<IamAttachedPolicy> ListAttachedUserPolicies(string userName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListAttachedUserPolicies(userName, marker, maxItems), IamResponses.ListAttachedPolicies);

        /// <summary>The names of the user's inline policies.</summary>
        public IReadOnlyList<string> ListUserPolicies(string userName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListUserPolicies(userName, marker, maxItems), IamResponses.ListUserPolicies);

        public IReadOnlyList<IamMfaDevice> ListMfaDevices(string userName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListMfaDevices(userName, marker, maxItems), IamResponses.ListMfaDevices);

        public IReadOnlyList<IamAccessKey> ListAccessKeys(string userName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListAccessKeys(userName, marker, maxItems), IamResponses.ListAccessKeys);

        public void TagUser(string userName, IEnumerable<IamTag> tags) => Send(IamRequests.TagUser(userName, tags));

        // ---- Groups -----------------------------------------------------------------------------------------

        /// <summary>The group with all of its members, following GetGroup's pages.</summary>
        public IamGroupMembership GetGroup(string groupName, int? maxItems = null)
        {
            IamGroupMembership result = null;
            ForEachPage(marker => IamRequests.GetGroup(groupName, marker, maxItems), response =>
            {
                var page = IamResponses.GetGroup(response);
                if (result == null) result = page;
                else result.Users.AddRange(page.Users);
            });
            return result;
        }

        public IamGroupMembership TryGetGroup(string groupName, int? maxItems = null) => OrNull(() => GetGroup(groupName, maxItems));

        public IamGroup CreateGroup(string groupName, string path = null) =>
            IamResponses.CreateGroup(Send(IamRequests.CreateGroup(groupName, path)));

        public void DeleteGroup(string groupName) => Send(IamRequests.DeleteGroup(groupName));
        public void AttachGroupPolicy(string groupName, string policyArn) => Send(IamRequests.AttachGroupPolicy(groupName, policyArn));
        public void DetachGroupPolicy(string groupName, string policyArn) => Send(IamRequests.DetachGroupPolicy(groupName, policyArn));

        public IReadOnlyList<IamAttachedPolicy> ListAttachedGroupPolicies(string groupName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListAttachedGroupPolicies(groupName, marker, maxItems), IamResponses.ListAttachedPolicies);

        public IReadOnlyList<IamGroup> ListGroups(string pathPrefix = null, int? maxItems = null) =>
            Paged(marker => IamRequests.ListGroups(pathPrefix, marker, maxItems), IamResponses.ListGroups);

        // ---- Managed policies -------------------------------------------------------------------------------

        public IamManagedPolicy GetPolicy(string policyArn) => IamResponses.GetPolicy(Send(IamRequests.GetPolicy(policyArn)));
        public IamManagedPolicy TryGetPolicy(string policyArn) => OrNull(() => GetPolicy(policyArn));

        public IamManagedPolicy CreatePolicy(string policyName, string path, string policyDocument, string description = null,
            IEnumerable<IamTag> tags = null) =>
            IamResponses.CreatePolicy(Send(IamRequests.CreatePolicy(policyName, path, policyDocument, description, tags)));

        public IamPolicyVersion GetPolicyVersion(string policyArn, string versionId) =>
            IamResponses.GetPolicyVersion(Send(IamRequests.GetPolicyVersion(policyArn, versionId)));

        public IamPolicyVersion CreatePolicyVersion(string policyArn, string policyDocument, bool setAsDefault) =>
            IamResponses.CreatePolicyVersion(Send(IamRequests.CreatePolicyVersion(policyArn, policyDocument, setAsDefault)));

        public IReadOnlyList<IamPolicyVersion> ListPolicyVersions(string policyArn, int? maxItems = null) =>
            Paged(marker => IamRequests.ListPolicyVersions(policyArn, marker, maxItems), IamResponses.ListPolicyVersions);

        public void DeletePolicyVersion(string policyArn, string versionId) => Send(IamRequests.DeletePolicyVersion(policyArn, versionId));
        public void SetDefaultPolicyVersion(string policyArn, string versionId) => Send(IamRequests.SetDefaultPolicyVersion(policyArn, versionId));
        public void DeletePolicy(string policyArn) => Send(IamRequests.DeletePolicy(policyArn));

        public IReadOnlyList<IamManagedPolicy> ListPolicies(IamPolicyScope scope = IamPolicyScope.Local, string pathPrefix = null,
            bool onlyAttached = false, int? maxItems = null) =>
            Paged(marker => IamRequests.ListPolicies(scope, pathPrefix, onlyAttached, marker, maxItems), IamResponses.ListPolicies);

        public IamPolicyEntities ListEntitiesForPolicy(string policyArn, string entityFilter = null, int? maxItems = null)
        {
            var result = new IamPolicyEntities();
            ForEachPage(marker => IamRequests.ListEntitiesForPolicy(policyArn, entityFilter, marker, maxItems), response =>
            {
                var page = IamResponses.ListEntitiesForPolicy(response);
                result.Users.AddRange(page.Users);
                result.Groups.AddRange(page.Groups);
                result.Roles.AddRange(page.Roles);
            });
            return result;
        }

        // ---- Roles ------------------------------------------------------------------------------------------

        public IamRole GetRole(string roleName) => IamResponses.GetRole(Send(IamRequests.GetRole(roleName)));
        public IamRole TryGetRole(string roleName) => OrNull(() => GetRole(roleName));

        public IamRole CreateRole(string roleName, string path, string assumeRolePolicyDocument, string description = null,
            IEnumerable<IamTag> tags = null) =>
            IamResponses.CreateRole(Send(IamRequests.CreateRole(roleName, path, assumeRolePolicyDocument, description, tags)));

        public void DeleteRole(string roleName) => Send(IamRequests.DeleteRole(roleName));
        public void AttachRolePolicy(string roleName, string policyArn) => Send(IamRequests.AttachRolePolicy(roleName, policyArn));
        public void DetachRolePolicy(string roleName, string policyArn) => Send(IamRequests.DetachRolePolicy(roleName, policyArn));

        public IReadOnlyList<IamAttachedPolicy> ListAttachedRolePolicies(string roleName, int? maxItems = null) =>
            Paged(marker => IamRequests.ListAttachedRolePolicies(roleName, marker, maxItems), IamResponses.ListAttachedPolicies);

        public void UpdateAssumeRolePolicy(string roleName, string policyDocument) => Send(IamRequests.UpdateAssumeRolePolicy(roleName, policyDocument));

        public IReadOnlyList<IamRole> ListRoles(string pathPrefix = null, int? maxItems = null) =>
            Paged(marker => IamRequests.ListRoles(pathPrefix, marker, maxItems), IamResponses.ListRoles);

        // ---- Service-specific credentials -------------------------------------------------------------------

        /// <summary>
        /// The returned credential carries its password (as a SecureString); IAM never shows it again. One attempt
        /// only: IAM would make a second credential if a retry followed a create whose answer was lost, so the
        /// caller checks the list after a failure (CodeCommitCredentialService).
        /// </summary>
        public IamServiceSpecificCredential CreateServiceSpecificCredential(string userName, string serviceName) =>
            IamResponses.CreateServiceSpecificCredential(
                _connection.SendSingleAttempt(ServiceDescription.Iam, IamRequests.CreateServiceSpecificCredential(userName, serviceName)));

        public IReadOnlyList<IamServiceSpecificCredential> ListServiceSpecificCredentials(string userName, string serviceName = null, int? maxItems = null) =>
            Paged(marker => IamRequests.ListServiceSpecificCredentials(userName, serviceName, marker, maxItems), IamResponses.ListServiceSpecificCredentials);

        public void DeleteServiceSpecificCredential(string userName, string serviceSpecificCredentialId) =>
            Send(IamRequests.DeleteServiceSpecificCredential(userName, serviceSpecificCredentialId));

        /// <summary>Gives the credential a new IAM-generated password, returned once (as a SecureString).</summary>
        public IamServiceSpecificCredential ResetServiceSpecificCredential(string userName, string serviceSpecificCredentialId) =>
            IamResponses.ResetServiceSpecificCredential(Send(IamRequests.ResetServiceSpecificCredential(userName, serviceSpecificCredentialId)));

        // ---- Account ----------------------------------------------------------------------------------------

        public IamPasswordPolicy GetAccountPasswordPolicy() => IamResponses.GetAccountPasswordPolicy(Send(IamRequests.GetAccountPasswordPolicy()));

        /// <summary>Null when the account has no password policy (IAM answers NoSuchEntity).</summary>
        public IamPasswordPolicy TryGetAccountPasswordPolicy() => OrNull(GetAccountPasswordPolicy);

        public void UpdateAccountPasswordPolicy(IamPasswordPolicy policy) => Send(IamRequests.UpdateAccountPasswordPolicy(policy));
        public void DeleteAccountPasswordPolicy() => Send(IamRequests.DeleteAccountPasswordPolicy());

        public IReadOnlyDictionary<string, int> GetAccountSummary() => IamResponses.GetAccountSummary(Send(IamRequests.GetAccountSummary()));

        public IReadOnlyList<string> ListAccountAliases() =>
            Paged(marker => IamRequests.ListAccountAliases(marker), IamResponses.ListAccountAliases);

        /// <summary>Starts (or finds) a credential report; returns IAM's State: STARTED, INPROGRESS or COMPLETE.</summary>
        public string GenerateCredentialReport() => IamResponses.GenerateCredentialReport(Send(IamRequests.GenerateCredentialReport()));

        public IamCredentialReport GetCredentialReport() => IamResponses.GetCredentialReport(Send(IamRequests.GetCredentialReport()));

        /// <remarks>filter: Any of User, Role, Group, LocalManagedPolicy, AWSManagedPolicy; null for all.</remarks>
        public IamAccountAuthorizationDetails GetAccountAuthorizationDetails(IEnumerable<string> filter = null, int? maxItems = null)
        {
            var filterList = filter == null ? null : new List<string>(filter);
            var result = new IamAccountAuthorizationDetails();
            ForEachPage(marker => IamRequests.GetAccountAuthorizationDetails(filterList, marker, maxItems), response =>
            {
                var page = IamResponses.GetAccountAuthorizationDetails(response);
                result.Users.AddRange(page.Users);
                result.Groups.AddRange(page.Groups);
                result.Roles.AddRange(page.Roles);
                result.Policies.AddRange(page.Policies);
            });
            return result;
        }

        /// <remarks>assignmentStatus: Assigned, Unassigned or Any (the default).</remarks>
        public IReadOnlyList<IamVirtualMfaDevice> ListVirtualMfaDevices(string assignmentStatus = null, int? maxItems = null) =>
            Paged(marker => IamRequests.ListVirtualMfaDevices(assignmentStatus, marker, maxItems), IamResponses.ListVirtualMfaDevices);

        // ---- Plumbing ---------------------------------------------------------------------------------------

        private QueryResponse Send(QueryRequest request) => _connection.Send(ServiceDescription.Iam, request);

        private IReadOnlyList<T> Paged<T>(Func<string, QueryRequest> build, Func<QueryResponse, List<T>> parse)
        {
            var all = new List<T>();
            ForEachPage(build, response => all.AddRange(parse(response)));
            return all;
        }

        private void ForEachPage(Func<string, QueryRequest> build, Action<QueryResponse> onPage)
        {
            string marker = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var request = build(marker);
                var response = Send(request);
                onPage(response);
                marker = IamResponses.NextMarker(response);
                // A marker that comes back again would loop for ever; no correct service does that.
                if (marker != null && !seen.Add(marker))
                    throw new NumeraiAwsException(ErrorKind.InvalidResult, "IamPaginationLoop",
                        $"IAM {request.Action} returned the same pagination marker twice; stopping rather than looping.");
            } while (marker != null);
        }

        private static T OrNull<T>(Func<T> get) where T : class
        {
            try
            {
                return get();
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                return null;
            }
        }
    }
}
