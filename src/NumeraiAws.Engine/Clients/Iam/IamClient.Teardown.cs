using System.Collections.Generic;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Iam
{
    /// <summary>
    /// The operations only teardown needs (Remove-NumeraiEnvironment): what must go before IAM lets a user, group,
    /// role or policy be deleted.
    /// </summary>
    internal static class IamTeardownRequests
    {
        public static QueryRequest DetachUserPolicy(string userName, string policyArn) =>
            new QueryRequest("DetachUserPolicy", isWrite: true).Add("UserName", userName).Add("PolicyArn", policyArn);

        public static QueryRequest DeleteUserPolicy(string userName, string policyName) =>
            new QueryRequest("DeleteUserPolicy", isWrite: true).Add("UserName", userName).Add("PolicyName", policyName);

        public static QueryRequest DeleteAccessKey(string userName, string accessKeyId) =>
            new QueryRequest("DeleteAccessKey", isWrite: true).Add("UserName", userName).Add("AccessKeyId", accessKeyId);

        public static QueryRequest DeactivateMfaDevice(string userName, string serialNumber) =>
            new QueryRequest("DeactivateMFADevice", isWrite: true).Add("UserName", userName).Add("SerialNumber", serialNumber);


        public static QueryRequest ListGroupPolicies(string groupName) =>
            new QueryRequest("ListGroupPolicies", isWrite: false).Add("GroupName", groupName);

        public static QueryRequest DeleteGroupPolicy(string groupName, string policyName) =>
            new QueryRequest("DeleteGroupPolicy", isWrite: true).Add("GroupName", groupName).Add("PolicyName", policyName);

        public static QueryRequest ListRolePolicies(string roleName) =>
            new QueryRequest("ListRolePolicies", isWrite: false).Add("RoleName", roleName);

        public static QueryRequest DeleteRolePolicy(string roleName, string policyName) =>
            new QueryRequest("DeleteRolePolicy", isWrite: true).Add("RoleName", roleName).Add("PolicyName", policyName);

    }

    internal sealed partial class IamClient
    {
        public void DetachUserPolicy(string userName, string policyArn) => Send(IamTeardownRequests.DetachUserPolicy(userName, policyArn));
        public void DeleteUserPolicy(string userName, string policyName) => Send(IamTeardownRequests.DeleteUserPolicy(userName, policyName));
        public void DeleteAccessKey(string userName, string accessKeyId) => Send(IamTeardownRequests.DeleteAccessKey(userName, accessKeyId));
        public void DeactivateMfaDevice(string userName, string serialNumber) => Send(IamTeardownRequests.DeactivateMfaDevice(userName, serialNumber));

        /// <summary>Inline policy names of a group (teardown deletes them; the module never creates any).</summary>
        public IReadOnlyList<string> ListGroupPolicyNames(string groupName) =>
            PolicyNames(Send(IamTeardownRequests.ListGroupPolicies(groupName)));

        public void DeleteGroupPolicy(string groupName, string policyName) => Send(IamTeardownRequests.DeleteGroupPolicy(groupName, policyName));

        public IReadOnlyList<string> ListRolePolicyNames(string roleName) =>
            PolicyNames(Send(IamTeardownRequests.ListRolePolicies(roleName)));

        public void DeleteRolePolicy(string roleName, string policyName) => Send(IamTeardownRequests.DeleteRolePolicy(roleName, policyName));

        private static IReadOnlyList<string> PolicyNames(QueryResponse response)
        {
            var names = new List<string>();
            foreach (var member in response.Members("PolicyNames")) names.Add(member.Value.Trim());
            return names;
        }
    }
}
