using System;
using System.Linq;
using System.Text;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Iam
{
    /// <summary>
    /// The IAM client end to end against moto: requests signed and sent through the connection, responses parsed,
    /// pages followed. Every test works under its own path and names, since the emulator is shared by the collection.
    /// (moto answers CreateServiceSpecificCredential with a 500, so that operation is covered by the unit tests only.)
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class IamClientEmulatorTests
    {
        private const string TrustEc2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        private const string TrustSageMaker = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        private const string ReadBucket = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::numerai-example/*\"}]}";
        private const string WriteBucket = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::numerai-example/*\"}]}";

        private readonly MotoServer _moto;
        public IamClientEmulatorTests(MotoServer moto) { _moto = moto; }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        [Fact]
        public void UserGroupAndPolicyRoundTrip()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            var path = "/" + Unique("rt") + "/";
            var userName = Unique("user");
            var groupName = Unique("group");

            var created = iam.CreateUser(userName, path, new[] { new IamTag("team", "ml") });
            Assert.Equal(userName, created.UserName);
            Assert.Equal(path, created.Path);
            Assert.EndsWith(":user" + path + userName, created.Arn);

            var user = iam.GetUser(userName);
            Assert.Equal(created.UserId, user.UserId);
            Assert.Equal(new[] { "team=ml" }, user.Tags.Select(t => t.ToString()));
            iam.TagUser(userName, new[] { new IamTag("owner", "numerai") });
            Assert.Equal(new[] { "owner=numerai", "team=ml" }, iam.GetUser(userName).Tags.Select(t => t.ToString()).OrderBy(t => t));
            Assert.Contains(iam.ListUsers(path), u => u.UserName == userName);

            var group = iam.CreateGroup(groupName, path);
            Assert.Equal(groupName, group.GroupName);
            iam.AddUserToGroup(groupName, userName);
            var membership = iam.GetGroup(groupName);
            Assert.Equal(group.GroupId, membership.Group.GroupId);
            Assert.Equal(new[] { userName }, membership.Users.Select(u => u.UserName));
            Assert.Equal(new[] { groupName }, iam.ListGroupsForUser(userName).Select(g => g.GroupName));
            Assert.Contains(iam.ListGroups(path), g => g.GroupName == groupName);

            var policy = iam.CreatePolicy(Unique("policy"), path, ReadBucket, "read the example bucket", new[] { new IamTag("app", "numerai") });
            Assert.Equal("v1", policy.DefaultVersionId);
            Assert.StartsWith("arn:aws:iam::", policy.Arn);
            Assert.Equal(ReadBucket, iam.GetPolicyVersion(policy.Arn, "v1").Document);

            iam.AttachGroupPolicy(groupName, policy.Arn);
            Assert.Equal(new[] { policy.Arn }, iam.ListAttachedGroupPolicies(groupName).Select(p => p.PolicyArn));
            var entities = iam.ListEntitiesForPolicy(policy.Arn);
            Assert.Equal(new[] { groupName }, entities.Groups.Select(g => g.Name));
            Assert.Empty(entities.Users);

            var v2 = iam.CreatePolicyVersion(policy.Arn, WriteBucket, setAsDefault: true);
            Assert.Equal("v2", v2.VersionId);
            Assert.True(v2.IsDefaultVersion);
            Assert.Equal("v2", iam.GetPolicy(policy.Arn).DefaultVersionId);
            Assert.Equal(WriteBucket, iam.GetPolicyVersion(policy.Arn, "v2").Document);
            Assert.Equal(new[] { "v1", "v2" }, iam.ListPolicyVersions(policy.Arn).Select(v => v.VersionId).OrderBy(v => v));

            iam.SetDefaultPolicyVersion(policy.Arn, "v1");
            Assert.Equal("v1", iam.GetPolicy(policy.Arn).DefaultVersionId);
            iam.DeletePolicyVersion(policy.Arn, "v2");
            Assert.Equal(new[] { "v1" }, iam.ListPolicyVersions(policy.Arn).Select(v => v.VersionId));

            iam.DetachGroupPolicy(groupName, policy.Arn);
            Assert.Empty(iam.ListAttachedGroupPolicies(groupName));
            iam.DeletePolicy(policy.Arn);
            Assert.Null(iam.TryGetPolicy(policy.Arn));

            iam.RemoveUserFromGroup(groupName, userName);
            Assert.Empty(iam.GetGroup(groupName).Users);
            iam.DeleteGroup(groupName);
            Assert.Null(iam.TryGetGroup(groupName));
            iam.DeleteUser(userName);
            Assert.Null(iam.TryGetUser(userName));
        }

        [Fact]
        public void RoleRoundTrip()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            var path = "/" + Unique("roles") + "/";
            var roleName = Unique("trainer");
            const string readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";

            var created = iam.CreateRole(roleName, path, TrustEc2, "runs training", new[] { new IamTag("app", "numerai") });
            Assert.Equal(roleName, created.RoleName);
            Assert.Equal(TrustEc2, created.AssumeRolePolicyDocument);

            var role = iam.GetRole(roleName);
            Assert.Equal(created.RoleId, role.RoleId);
            Assert.Equal(path, role.Path);
            Assert.Equal("runs training", role.Description);
            Assert.Equal(TrustEc2, role.AssumeRolePolicyDocument);
            Assert.Equal(new[] { "app=numerai" }, role.Tags.Select(t => t.ToString()));

            iam.AttachRolePolicy(roleName, readOnly);
            Assert.Equal(new[] { "ReadOnlyAccess" }, iam.ListAttachedRolePolicies(roleName).Select(p => p.PolicyName));

            iam.UpdateAssumeRolePolicy(roleName, TrustSageMaker);
            Assert.Equal(TrustSageMaker, iam.GetRole(roleName).AssumeRolePolicyDocument);

            iam.DetachRolePolicy(roleName, readOnly);
            Assert.Empty(iam.ListAttachedRolePolicies(roleName));
            iam.DeleteRole(roleName);
            Assert.Null(iam.TryGetRole(roleName));
        }

        [Fact]
        public void ListsFollowEveryPageWithOneCallPerPage()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var iam = new IamClient(connection);
            var path = "/" + Unique("paged") + "/";
            var roleNames = Enumerable.Range(1, 5).Select(i => Unique("role" + i)).ToList();
            foreach (var name in roleNames) iam.CreateRole(name, path, TrustEc2);
            var policyArns = Enumerable.Range(1, 5).Select(i => iam.CreatePolicy(Unique("policy" + i), path, ReadBucket).Arn).ToList();

            observer.Calls.Clear();
            var roles = iam.ListRoles(path, maxItems: 2);
            Assert.Equal(roleNames.OrderBy(n => n), roles.Select(r => r.RoleName).OrderBy(n => n));
            Assert.Equal(3, observer.Calls.Count(c => c.Operation == "ListRoles"));

            observer.Calls.Clear();
            var policies = iam.ListPolicies(IamPolicyScope.Local, path, maxItems: 2);
            Assert.Equal(policyArns.OrderBy(a => a), policies.Select(p => p.Arn).OrderBy(a => a));
            Assert.Equal(3, observer.Calls.Count(c => c.Operation == "ListPolicies"));
            Assert.All(observer.Calls, c => Assert.False(c.IsWrite));

            var groupName = Unique("paged-group");
            iam.CreateGroup(groupName, path);
            foreach (var arn in policyArns.Take(3)) iam.AttachGroupPolicy(groupName, arn);
            observer.Calls.Clear();
            var attached = iam.ListAttachedGroupPolicies(groupName, maxItems: 2);
            Assert.Equal(policyArns.Take(3).OrderBy(a => a), attached.Select(p => p.PolicyArn).OrderBy(a => a));
            Assert.Equal(2, observer.Calls.Count);
        }

        [Fact]
        public void WritesAreRecordedAsWrites()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var iam = new IamClient(connection);
            var groupName = Unique("recorded");
            iam.CreateGroup(groupName);
            iam.GetGroup(groupName);
            iam.DeleteGroup(groupName);
            Assert.Equal(new[] { "CreateGroup:True", "GetGroup:False", "DeleteGroup:True" }, observer.Calls.Select(c => c.Operation + ":" + c.IsWrite));
        }

        [Fact]
        public void TryGetReturnsNullForMissingEntitiesAndGetThrows()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            Assert.Null(iam.TryGetUser(Unique("nobody")));
            Assert.Null(iam.TryGetGroup(Unique("nogroup")));
            Assert.Null(iam.TryGetRole(Unique("norole")));
            Assert.Null(iam.TryGetPolicy("arn:aws:iam::123456789012:policy/" + Unique("nopolicy")));

            var error = Assert.Throws<AwsServiceException>(() => iam.GetRole("missing-role-for-get"));
            Assert.Equal("NoSuchEntity", error.ErrorCode);
            Assert.Equal("iam:GetRole", error.IamAction);
        }

        [Fact]
        public void LoginProfileRoundTripKeepsThePasswordOutOfErrors()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            var userName = Unique("console");
            const string password = "Numerai-Secret-Pa55word!";
            iam.CreateUser(userName);
            Assert.Null(iam.TryGetLoginProfile(userName));

            var profile = iam.CreateLoginProfile(userName, SecureText.Protect(password), passwordResetRequired: true);
            Assert.Equal(userName, profile.UserName);
            Assert.Equal(userName, iam.GetLoginProfile(userName).UserName);

            // A second profile is refused; the error must not echo the password back.
            var error = Assert.Throws<AwsServiceException>(() => iam.CreateLoginProfile(userName, SecureText.Protect(password), false));
            Assert.Equal("EntityAlreadyExists", error.ErrorCode);
            Assert.DoesNotContain(password, error.ToString());
            var missing = Assert.Throws<AwsServiceException>(() => iam.CreateLoginProfile(Unique("ghost"), SecureText.Protect(password), false));
            Assert.Equal("NoSuchEntity", missing.ErrorCode);
            Assert.DoesNotContain(password, missing.ToString());

            iam.DeleteLoginProfile(userName);
            Assert.Null(iam.TryGetLoginProfile(userName));
        }

        [Fact]
        public void UserCredentialListings()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            var userName = Unique("keys");
            iam.CreateUser(userName);
            Assert.Empty(iam.ListAccessKeys(userName));
            Assert.Empty(iam.ListMfaDevices(userName));
            Assert.Empty(iam.ListUserPolicies(userName));
            Assert.Empty(iam.ListAttachedUserPolicies(userName));

            // Created outside the client (it has no CreateAccessKey): only the listing is under test.
            var created = connection.Send(ServiceDescription.Iam, new QueryRequest("CreateAccessKey", isWrite: true).Add("UserName", userName));
            var keyId = QueryResponse.Text(created.Child("AccessKey"), "AccessKeyId");
            var key = Assert.Single(iam.ListAccessKeys(userName));
            Assert.Equal(keyId, key.AccessKeyId);
            Assert.Equal(userName, key.UserName);
            Assert.Equal("Active", key.Status);
            Assert.NotNull(key.CreateDate);
        }

        [Fact]
        public void PasswordPolicyRoundTrip()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            iam.UpdateAccountPasswordPolicy(new IamPasswordPolicy
            {
                MinimumPasswordLength = 14,
                RequireSymbols = true,
                RequireNumbers = true,
                RequireUppercaseCharacters = true,
                RequireLowercaseCharacters = false,
                AllowUsersToChangePassword = true,
                MaxPasswordAge = 90,
                PasswordReusePrevention = 5,
                HardExpiry = false,
            });
            var policy = iam.GetAccountPasswordPolicy();
            Assert.Equal(14, policy.MinimumPasswordLength);
            Assert.True(policy.RequireSymbols);
            Assert.True(policy.RequireNumbers);
            Assert.True(policy.RequireUppercaseCharacters);
            Assert.False(policy.RequireLowercaseCharacters);
            Assert.True(policy.AllowUsersToChangePassword);
            Assert.True(policy.ExpirePasswords);
            Assert.Equal(90, policy.MaxPasswordAge);
            Assert.Equal(5, policy.PasswordReusePrevention);

            iam.DeleteAccountPasswordPolicy();
            Assert.Null(iam.TryGetAccountPasswordPolicy());
        }

        [Fact]
        public void AccountReportsAndSnapshot()
        {
            using var connection = _moto.Connect();
            var iam = new IamClient(connection);
            var path = "/" + Unique("snapshot") + "/";
            var userName = Unique("audited");
            var groupName = Unique("audited-group");
            iam.CreateUser(userName, path);
            iam.CreateGroup(groupName, path);
            iam.AddUserToGroup(groupName, userName);
            var policy = iam.CreatePolicy(Unique("audited-policy"), path, ReadBucket);
            iam.AttachGroupPolicy(groupName, policy.Arn);

            Assert.True(iam.GetAccountSummary().ContainsKey("Users"));
            Assert.NotNull(iam.ListAccountAliases());
            Assert.Contains(iam.GenerateCredentialReport(), new[] { "STARTED", "INPROGRESS", "COMPLETE" });
            var report = iam.GetCredentialReport();
            Assert.Equal("text/csv", report.ReportFormat);
            var csv = Encoding.UTF8.GetString(report.Content);
            Assert.StartsWith("user,arn,", csv);
            Assert.Contains(userName + ",", csv);

            var details = iam.GetAccountAuthorizationDetails(new[] { "User", "Group", "LocalManagedPolicy" });
            var user = Assert.Single(details.Users, u => u.UserName == userName);
            Assert.Equal(new[] { groupName }, user.GroupNames);
            var group = Assert.Single(details.Groups, g => g.GroupName == groupName);
            Assert.Equal(new[] { policy.Arn }, group.AttachedPolicies.Select(p => p.PolicyArn));
            var managed = Assert.Single(details.Policies, p => p.Arn == policy.Arn);
            Assert.Equal(ReadBucket, managed.DefaultVersionDocument);
            Assert.DoesNotContain(details.Policies, p => p.Arn.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal));

            var usersOnly = iam.GetAccountAuthorizationDetails(new[] { "User" });
            Assert.Contains(usersOnly.Users, u => u.UserName == userName);
            Assert.Empty(usersOnly.Groups);
            Assert.Empty(usersOnly.Policies);

            Assert.NotNull(iam.ListVirtualMfaDevices());
        }
    }
}
