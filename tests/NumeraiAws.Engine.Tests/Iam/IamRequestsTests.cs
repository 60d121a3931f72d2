using System;
using System.Linq;
using System.Text;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Iam
{
    /// <summary>
    /// The exact Query parameters of every IAM request builder: names as in the IAM API reference, in the order
    /// added, nothing extra. A wrong name or a missing flag fails here rather than against AWS.
    /// </summary>
    public sealed class IamRequestsTests
    {
        private const string PolicyArn = "arn:aws:iam::123456789012:policy/numerai/ComputePolicy";

        private static void AssertRequest(QueryRequest request, string action, bool isWrite, params (string Name, string Value)[] expected)
        {
            Assert.Equal(action, request.Action);
            Assert.Equal(isWrite, request.IsWrite);
            Assert.Equal(expected.Select(p => p.Name + "=" + p.Value), request.Parameters.Select(p => p.Key + "=" + p.Value));
        }

        [Fact]
        public void UserRequests()
        {
            AssertRequest(IamRequests.GetUser("alice"), "GetUser", false, ("UserName", "alice"));
            AssertRequest(IamRequests.CreateUser("alice", "/numerai/", new[] { new IamTag("team", "ml"), new IamTag("owner", "bob") }),
                "CreateUser", true,
                ("UserName", "alice"), ("Path", "/numerai/"),
                ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "ml"),
                ("Tags.member.2.Key", "owner"), ("Tags.member.2.Value", "bob"));
            AssertRequest(IamRequests.CreateUser("alice"), "CreateUser", true, ("UserName", "alice"));
            AssertRequest(IamRequests.DeleteUser("alice"), "DeleteUser", true, ("UserName", "alice"));
            AssertRequest(IamRequests.ListUsers("/numerai/", "m1", 10), "ListUsers", false,
                ("PathPrefix", "/numerai/"), ("Marker", "m1"), ("MaxItems", "10"));
            AssertRequest(IamRequests.ListUsers(), "ListUsers", false);
            AssertRequest(IamRequests.AddUserToGroup("admins", "alice"), "AddUserToGroup", true, ("GroupName", "admins"), ("UserName", "alice"));
            AssertRequest(IamRequests.RemoveUserFromGroup("admins", "alice"), "RemoveUserFromGroup", true, ("GroupName", "admins"), ("UserName", "alice"));
            AssertRequest(IamRequests.ListGroupsForUser("alice", "m2", 5), "ListGroupsForUser", false,
                ("UserName", "alice"), ("Marker", "m2"), ("MaxItems", "5"));
            AssertRequest(IamRequests.TagUser("alice", new[] { new IamTag("team", "ml") }), "TagUser", true,
                ("UserName", "alice"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "ml"));
        }

        [Fact]
        public void UserPolicyAndCredentialListRequests()
        {
            AssertRequest(IamRequests.ListAttachedUserPolicies("alice"), "ListAttachedUserPolicies", false, ("UserName", "alice"));
            AssertRequest(IamRequests.ListUserPolicies("alice", "m", 3), "ListUserPolicies", false, ("UserName", "alice"), ("Marker", "m"), ("MaxItems", "3"));
            AssertRequest(IamRequests.ListMfaDevices("alice"), "ListMFADevices", false, ("UserName", "alice"));
            AssertRequest(IamRequests.ListAccessKeys("alice", null, 2), "ListAccessKeys", false, ("UserName", "alice"), ("MaxItems", "2"));
        }

        [Fact]
        public void LoginProfileRequests()
        {
            AssertRequest(IamRequests.GetLoginProfile("alice"), "GetLoginProfile", false, ("UserName", "alice"));
            AssertRequest(IamRequests.DeleteLoginProfile("alice"), "DeleteLoginProfile", true, ("UserName", "alice"));
            AssertRequest(IamRequests.CreateLoginProfile("alice", SecureText.Protect("p@ss word+1"), passwordResetRequired: true),
                "CreateLoginProfile", true, ("UserName", "alice"), ("Password", "p@ss word+1"), ("PasswordResetRequired", "true"));
            AssertRequest(IamRequests.CreateLoginProfile("alice", SecureText.Protect("x"), passwordResetRequired: false),
                "CreateLoginProfile", true, ("UserName", "alice"), ("Password", "x"), ("PasswordResetRequired", "false"));
        }

        [Fact]
        public void PasswordIsPercentEncodedInTheFormBody()
        {
            var body = Encoding.UTF8.GetString(
                IamRequests.CreateLoginProfile("alice", SecureText.Protect("p@ss word+1"), true).ToBody("2010-05-08"));
            Assert.Equal("Action=CreateLoginProfile&Version=2010-05-08&UserName=alice&Password=p%40ss%20word%2B1&PasswordResetRequired=true", body);
        }

        [Fact]
        public void EmptyPasswordIsRefusedBeforeAnythingIsSent()
        {
            Assert.Throws<ArgumentException>(() => IamRequests.CreateLoginProfile("alice", new System.Security.SecureString(), false));
            Assert.Throws<ArgumentException>(() => IamRequests.CreateLoginProfile("alice", null, false));
        }

        [Fact]
        public void GroupRequests()
        {
            AssertRequest(IamRequests.GetGroup("admins"), "GetGroup", false, ("GroupName", "admins"));
            AssertRequest(IamRequests.GetGroup("admins", "m", 2), "GetGroup", false, ("GroupName", "admins"), ("Marker", "m"), ("MaxItems", "2"));
            AssertRequest(IamRequests.CreateGroup("admins", "/numerai/"), "CreateGroup", true, ("GroupName", "admins"), ("Path", "/numerai/"));
            AssertRequest(IamRequests.DeleteGroup("admins"), "DeleteGroup", true, ("GroupName", "admins"));
            AssertRequest(IamRequests.AttachGroupPolicy("admins", PolicyArn), "AttachGroupPolicy", true, ("GroupName", "admins"), ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.DetachGroupPolicy("admins", PolicyArn), "DetachGroupPolicy", true, ("GroupName", "admins"), ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.ListAttachedGroupPolicies("admins", "m", 7), "ListAttachedGroupPolicies", false,
                ("GroupName", "admins"), ("Marker", "m"), ("MaxItems", "7"));
            AssertRequest(IamRequests.ListGroups("/numerai/"), "ListGroups", false, ("PathPrefix", "/numerai/"));
        }

        [Fact]
        public void PolicyRequests()
        {
            const string document = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
            AssertRequest(IamRequests.GetPolicy(PolicyArn), "GetPolicy", false, ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.CreatePolicy("ComputePolicy", "/numerai/", document, "Compute access", new[] { new IamTag("app", "numerai") }),
                "CreatePolicy", true,
                ("PolicyName", "ComputePolicy"), ("Path", "/numerai/"), ("PolicyDocument", document), ("Description", "Compute access"),
                ("Tags.member.1.Key", "app"), ("Tags.member.1.Value", "numerai"));
            AssertRequest(IamRequests.CreatePolicy("ComputePolicy", null, document), "CreatePolicy", true,
                ("PolicyName", "ComputePolicy"), ("PolicyDocument", document));
            AssertRequest(IamRequests.GetPolicyVersion(PolicyArn, "v3"), "GetPolicyVersion", false, ("PolicyArn", PolicyArn), ("VersionId", "v3"));
            AssertRequest(IamRequests.CreatePolicyVersion(PolicyArn, document, setAsDefault: true), "CreatePolicyVersion", true,
                ("PolicyArn", PolicyArn), ("PolicyDocument", document), ("SetAsDefault", "true"));
            AssertRequest(IamRequests.CreatePolicyVersion(PolicyArn, document, setAsDefault: false), "CreatePolicyVersion", true,
                ("PolicyArn", PolicyArn), ("PolicyDocument", document), ("SetAsDefault", "false"));
            AssertRequest(IamRequests.ListPolicyVersions(PolicyArn), "ListPolicyVersions", false, ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.DeletePolicyVersion(PolicyArn, "v1"), "DeletePolicyVersion", true, ("PolicyArn", PolicyArn), ("VersionId", "v1"));
            AssertRequest(IamRequests.SetDefaultPolicyVersion(PolicyArn, "v2"), "SetDefaultPolicyVersion", true, ("PolicyArn", PolicyArn), ("VersionId", "v2"));
            AssertRequest(IamRequests.DeletePolicy(PolicyArn), "DeletePolicy", true, ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.ListEntitiesForPolicy(PolicyArn, "User", "m", 4), "ListEntitiesForPolicy", false,
                ("PolicyArn", PolicyArn), ("EntityFilter", "User"), ("Marker", "m"), ("MaxItems", "4"));
        }

        [Fact]
        public void ListPoliciesSendsTheScopeAsIamSpellsIt()
        {
            AssertRequest(IamRequests.ListPolicies(IamPolicyScope.Local), "ListPolicies", false, ("Scope", "Local"));
            AssertRequest(IamRequests.ListPolicies(IamPolicyScope.Aws, "/service-role/"), "ListPolicies", false,
                ("Scope", "AWS"), ("PathPrefix", "/service-role/"));
            AssertRequest(IamRequests.ListPolicies(IamPolicyScope.All, null, onlyAttached: true, marker: "m", maxItems: 50), "ListPolicies", false,
                ("Scope", "All"), ("OnlyAttached", "true"), ("Marker", "m"), ("MaxItems", "50"));
        }

        [Fact]
        public void RoleRequests()
        {
            const string trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
            AssertRequest(IamRequests.GetRole("trainer"), "GetRole", false, ("RoleName", "trainer"));
            AssertRequest(IamRequests.CreateRole("trainer", "/numerai/", trust, "Runs training", new[] { new IamTag("app", "numerai") }),
                "CreateRole", true,
                ("RoleName", "trainer"), ("Path", "/numerai/"), ("AssumeRolePolicyDocument", trust), ("Description", "Runs training"),
                ("Tags.member.1.Key", "app"), ("Tags.member.1.Value", "numerai"));
            AssertRequest(IamRequests.DeleteRole("trainer"), "DeleteRole", true, ("RoleName", "trainer"));
            AssertRequest(IamRequests.AttachRolePolicy("trainer", PolicyArn), "AttachRolePolicy", true, ("RoleName", "trainer"), ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.DetachRolePolicy("trainer", PolicyArn), "DetachRolePolicy", true, ("RoleName", "trainer"), ("PolicyArn", PolicyArn));
            AssertRequest(IamRequests.ListAttachedRolePolicies("trainer", "m", 9), "ListAttachedRolePolicies", false,
                ("RoleName", "trainer"), ("Marker", "m"), ("MaxItems", "9"));
            AssertRequest(IamRequests.UpdateAssumeRolePolicy("trainer", trust), "UpdateAssumeRolePolicy", true, ("RoleName", "trainer"), ("PolicyDocument", trust));
            AssertRequest(IamRequests.ListRoles("/numerai/", null, 1), "ListRoles", false, ("PathPrefix", "/numerai/"), ("MaxItems", "1"));
        }

        [Fact]
        public void ServiceSpecificCredentialRequests()
        {
            AssertRequest(IamRequests.CreateServiceSpecificCredential("alice", "codecommit.amazonaws.com"), "CreateServiceSpecificCredential", true,
                ("UserName", "alice"), ("ServiceName", "codecommit.amazonaws.com"));
            AssertRequest(IamRequests.ListServiceSpecificCredentials("alice", "codecommit.amazonaws.com"), "ListServiceSpecificCredentials", false,
                ("UserName", "alice"), ("ServiceName", "codecommit.amazonaws.com"));
            AssertRequest(IamRequests.ListServiceSpecificCredentials("alice"), "ListServiceSpecificCredentials", false, ("UserName", "alice"));
            AssertRequest(IamRequests.DeleteServiceSpecificCredential("alice", "ACCA12345ABCDEXAMPLE"), "DeleteServiceSpecificCredential", true,
                ("UserName", "alice"), ("ServiceSpecificCredentialId", "ACCA12345ABCDEXAMPLE"));
            AssertRequest(IamRequests.ResetServiceSpecificCredential("alice", "ACCA12345ABCDEXAMPLE"), "ResetServiceSpecificCredential", true,
                ("UserName", "alice"), ("ServiceSpecificCredentialId", "ACCA12345ABCDEXAMPLE"));
        }

        [Fact]
        public void AccountRequests()
        {
            AssertRequest(IamRequests.GetAccountPasswordPolicy(), "GetAccountPasswordPolicy", false);
            AssertRequest(IamRequests.DeleteAccountPasswordPolicy(), "DeleteAccountPasswordPolicy", true);
            AssertRequest(IamRequests.GetAccountSummary(), "GetAccountSummary", false);
            AssertRequest(IamRequests.ListAccountAliases(), "ListAccountAliases", false);
            AssertRequest(IamRequests.GenerateCredentialReport(), "GenerateCredentialReport", false);
            AssertRequest(IamRequests.GetCredentialReport(), "GetCredentialReport", false);
            AssertRequest(IamRequests.GetAccountAuthorizationDetails(new[] { "User", "LocalManagedPolicy" }, "m", 20), "GetAccountAuthorizationDetails", false,
                ("Filter.member.1", "User"), ("Filter.member.2", "LocalManagedPolicy"), ("Marker", "m"), ("MaxItems", "20"));
            AssertRequest(IamRequests.GetAccountAuthorizationDetails(), "GetAccountAuthorizationDetails", false);
            AssertRequest(IamRequests.ListVirtualMfaDevices("Assigned"), "ListVirtualMFADevices", false, ("AssignmentStatus", "Assigned"));
        }

        [Fact]
        public void PasswordPolicyUpdateSendsEveryFlagAndOnlyTheNumbersThatAreSet()
        {
            AssertRequest(IamRequests.UpdateAccountPasswordPolicy(new IamPasswordPolicy
            {
                MinimumPasswordLength = 14,
                RequireSymbols = true,
                RequireNumbers = true,
                RequireUppercaseCharacters = false,
                RequireLowercaseCharacters = true,
                AllowUsersToChangePassword = true,
                ExpirePasswords = true, // read only: must not be sent
                PasswordReusePrevention = 24,
                HardExpiry = false,
            }), "UpdateAccountPasswordPolicy", true,
                ("MinimumPasswordLength", "14"), ("RequireSymbols", "true"), ("RequireNumbers", "true"),
                ("RequireUppercaseCharacters", "false"), ("RequireLowercaseCharacters", "true"),
                ("AllowUsersToChangePassword", "true"), ("PasswordReusePrevention", "24"), ("HardExpiry", "false"));
        }

        [Fact]
        public void MaxItemsOutsideIamsRangeIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => IamRequests.ListUsers(maxItems: 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => IamRequests.ListRoles(maxItems: 1001));
            Assert.Equal("1000", IamRequests.ListRoles(maxItems: 1000).Get("MaxItems"));
        }

        [Fact]
        public void RequiredNamesAreChecked()
        {
            Assert.Throws<ArgumentException>(() => IamRequests.GetUser(""));
            Assert.Throws<ArgumentException>(() => IamRequests.AttachRolePolicy("trainer", null));
            Assert.Throws<ArgumentException>(() => IamRequests.CreatePolicyVersion(PolicyArn, null, true));
            Assert.Throws<ArgumentNullException>(() => IamRequests.TagUser("alice", null));
            Assert.Throws<ArgumentNullException>(() => IamRequests.UpdateAccountPasswordPolicy(null));
        }

        [Fact]
        public void EveryMutatingActionIsMarkedWriteAndEveryReadIsNot()
        {
            var requests = new[]
            {
                IamRequests.GetUser("u"), IamRequests.CreateUser("u"), IamRequests.DeleteUser("u"), IamRequests.ListUsers(),
                IamRequests.AddUserToGroup("g", "u"), IamRequests.RemoveUserFromGroup("g", "u"), IamRequests.ListGroupsForUser("u"),
                IamRequests.GetLoginProfile("u"), IamRequests.CreateLoginProfile("u", SecureText.Protect("p"), false), IamRequests.DeleteLoginProfile("u"),
                IamRequests.ListAttachedUserPolicies("u"), IamRequests.ListUserPolicies("u"), IamRequests.ListMfaDevices("u"),
                IamRequests.ListAccessKeys("u"), IamRequests.TagUser("u", new IamTag[0]),
                IamRequests.GetGroup("g"), IamRequests.CreateGroup("g"), IamRequests.DeleteGroup("g"), IamRequests.AttachGroupPolicy("g", "a"),
                IamRequests.DetachGroupPolicy("g", "a"), IamRequests.ListAttachedGroupPolicies("g"), IamRequests.ListGroups(),
                IamRequests.GetPolicy("a"), IamRequests.CreatePolicy("p", null, "{}"), IamRequests.GetPolicyVersion("a", "v1"),
                IamRequests.CreatePolicyVersion("a", "{}", false), IamRequests.ListPolicyVersions("a"), IamRequests.DeletePolicyVersion("a", "v1"),
                IamRequests.SetDefaultPolicyVersion("a", "v1"), IamRequests.DeletePolicy("a"), IamRequests.ListPolicies(IamPolicyScope.Local),
                IamRequests.ListEntitiesForPolicy("a"),
                IamRequests.GetRole("r"), IamRequests.CreateRole("r", null, "{}"), IamRequests.DeleteRole("r"), IamRequests.AttachRolePolicy("r", "a"),
                IamRequests.DetachRolePolicy("r", "a"), IamRequests.ListAttachedRolePolicies("r"), IamRequests.UpdateAssumeRolePolicy("r", "{}"),
                IamRequests.ListRoles(),
                IamRequests.CreateServiceSpecificCredential("u", "s"), IamRequests.ListServiceSpecificCredentials("u"),
                IamRequests.DeleteServiceSpecificCredential("u", "i"), IamRequests.ResetServiceSpecificCredential("u", "i"),
                IamRequests.GetAccountPasswordPolicy(), IamRequests.UpdateAccountPasswordPolicy(new IamPasswordPolicy()),
                IamRequests.DeleteAccountPasswordPolicy(), IamRequests.GetAccountSummary(), IamRequests.ListAccountAliases(),
                IamRequests.GenerateCredentialReport(), IamRequests.GetCredentialReport(), IamRequests.GetAccountAuthorizationDetails(),
                IamRequests.ListVirtualMfaDevices(),
            };
            var writeVerbs = new[] { "Create", "Delete", "Attach", "Detach", "Add", "Remove", "Update", "Put", "Tag", "Set", "Reset" };
            foreach (var request in requests)
            {
                var mutating = writeVerbs.Any(v => request.Action.StartsWith(v, StringComparison.Ordinal));
                Assert.True(mutating == request.IsWrite, $"{request.Action}: IsWrite is {request.IsWrite}");
            }
            Assert.Equal(26, requests.Count(r => r.IsWrite));
        }
    }
}
