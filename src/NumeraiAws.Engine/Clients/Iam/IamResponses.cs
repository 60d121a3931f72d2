using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Iam
{
    /// <summary>
    /// Turns IAM Query responses into the DTOs of IamModels.cs. Pure: the parsers take a parsed
    /// response, so they can be checked against the examples of the IAM API reference without AWS.
    /// Element text is trimmed (the reference's examples wrap long values over lines; AWS itself never pads), and
    /// policy documents are URL-decoded, since IAM returns them RFC 3986-encoded.
    /// </summary>
    public static class IamResponses
    {
        // ---- Pagination -------------------------------------------------------------------------------------

        /// <summary>The Marker for the next page when IsTruncated is true; null on the last page.</summary>
        public static string NextMarker(QueryResponse response) =>
            Bool(response.Result, "IsTruncated") ? Text(response.Result, "Marker") : null;

        // ---- Users ------------------------------------------------------------------------------------------

        public static IamUser GetUser(QueryResponse response) => User(response.Child("User"));
        public static IamUser CreateUser(QueryResponse response) => User(response.Child("User"));
        public static List<IamUser> ListUsers(QueryResponse response) => response.Members("Users").Select(User).ToList();
        public static List<IamGroup> ListGroupsForUser(QueryResponse response) => response.Members("Groups").Select(Group).ToList();
        public static IamLoginProfile GetLoginProfile(QueryResponse response) => LoginProfile(response.Child("LoginProfile"));
        public static IamLoginProfile CreateLoginProfile(QueryResponse response) => LoginProfile(response.Child("LoginProfile"));
        public static List<IamAttachedPolicy> ListAttachedPolicies(QueryResponse response) =>
            response.Members("AttachedPolicies").Select(AttachedPolicy).ToList();
        public static List<string> ListUserPolicies(QueryResponse response) => Strings(response.Result, "PolicyNames");
        public static List<IamMfaDevice> ListMfaDevices(QueryResponse response) => response.Members("MFADevices").Select(MfaDevice).ToList();
        public static List<IamAccessKey> ListAccessKeys(QueryResponse response) => response.Members("AccessKeyMetadata").Select(AccessKey).ToList();

        // ---- Groups -----------------------------------------------------------------------------------------

        /// <summary>One page of GetGroup: the group and the members on this page.</summary>
        public static IamGroupMembership GetGroup(QueryResponse response) => new IamGroupMembership
        {
            Group = Group(response.Child("Group")),
            Users = response.Members("Users").Select(User).ToList(),
        };

        public static IamGroup CreateGroup(QueryResponse response) => Group(response.Child("Group"));
        public static List<IamGroup> ListGroups(QueryResponse response) => response.Members("Groups").Select(Group).ToList();

        // ---- Managed policies -------------------------------------------------------------------------------

        public static IamManagedPolicy GetPolicy(QueryResponse response) => ManagedPolicy(response.Child("Policy"));
        public static IamManagedPolicy CreatePolicy(QueryResponse response) => ManagedPolicy(response.Child("Policy"));
        public static List<IamManagedPolicy> ListPolicies(QueryResponse response) => response.Members("Policies").Select(ManagedPolicy).ToList();
        public static IamPolicyVersion GetPolicyVersion(QueryResponse response) => PolicyVersion(response.Child("PolicyVersion"));
        public static IamPolicyVersion CreatePolicyVersion(QueryResponse response) => PolicyVersion(response.Child("PolicyVersion"));
        public static List<IamPolicyVersion> ListPolicyVersions(QueryResponse response) => response.Members("Versions").Select(PolicyVersion).ToList();

        public static IamPolicyEntities ListEntitiesForPolicy(QueryResponse response) => new IamPolicyEntities
        {
            Users = response.Members("PolicyUsers").Select(e => Entity(e, "UserName", "UserId")).ToList(),
            Groups = response.Members("PolicyGroups").Select(e => Entity(e, "GroupName", "GroupId")).ToList(),
            Roles = response.Members("PolicyRoles").Select(e => Entity(e, "RoleName", "RoleId")).ToList(),
        };

        // ---- Roles ------------------------------------------------------------------------------------------

        public static IamRole GetRole(QueryResponse response) => Role(response.Child("Role"));
        public static IamRole CreateRole(QueryResponse response) => Role(response.Child("Role"));
        public static List<IamRole> ListRoles(QueryResponse response) => response.Members("Roles").Select(Role).ToList();

        // ---- Service-specific credentials -------------------------------------------------------------------

        /// <summary>Create and Reset: the only responses that carry the password, which goes straight into a SecureString.</summary>
        public static IamServiceSpecificCredential CreateServiceSpecificCredential(QueryResponse response) =>
            ServiceSpecificCredential(response.Child("ServiceSpecificCredential"));

        public static IamServiceSpecificCredential ResetServiceSpecificCredential(QueryResponse response) =>
            ServiceSpecificCredential(response.Child("ServiceSpecificCredential"));

        public static List<IamServiceSpecificCredential> ListServiceSpecificCredentials(QueryResponse response) =>
            response.Members("ServiceSpecificCredentials").Select(ServiceSpecificCredential).ToList();

        // ---- Account ----------------------------------------------------------------------------------------

        public static IamPasswordPolicy GetAccountPasswordPolicy(QueryResponse response)
        {
            var e = response.Child("PasswordPolicy");
            if (e == null) return null;
            return new IamPasswordPolicy
            {
                MinimumPasswordLength = Int(e, "MinimumPasswordLength"),
                RequireSymbols = Bool(e, "RequireSymbols"),
                RequireNumbers = Bool(e, "RequireNumbers"),
                RequireUppercaseCharacters = Bool(e, "RequireUppercaseCharacters"),
                RequireLowercaseCharacters = Bool(e, "RequireLowercaseCharacters"),
                AllowUsersToChangePassword = Bool(e, "AllowUsersToChangePassword"),
                ExpirePasswords = Bool(e, "ExpirePasswords"),
                MaxPasswordAge = Int(e, "MaxPasswordAge"),
                PasswordReusePrevention = Int(e, "PasswordReusePrevention"),
                HardExpiry = Bool(e, "HardExpiry"),
            };
        }

        /// <summary>SummaryMap entries as name → count; entries whose value is not a number are left out.</summary>
        public static Dictionary<string, int> GetAccountSummary(QueryResponse response)
        {
            var summary = new Dictionary<string, int>(StringComparer.Ordinal);
            var map = response.Child("SummaryMap");
            if (map == null) return summary;
            foreach (var entry in map.Elements().Where(e => e.Name.LocalName == "entry"))
            {
                var key = Text(entry, "key");
                var value = Int(entry, "value");
                if (key != null && value.HasValue) summary[key] = value.Value;
            }
            return summary;
        }

        public static List<string> ListAccountAliases(QueryResponse response) => Strings(response.Result, "AccountAliases");

        /// <summary>STARTED, INPROGRESS or COMPLETE.</summary>
        public static string GenerateCredentialReport(QueryResponse response) => Text(response.Result, "State");

        public static IamCredentialReport GetCredentialReport(QueryResponse response)
        {
            var content = Text(response.Result, "Content");
            byte[] bytes;
            try
            {
                bytes = content == null ? new byte[0] : Convert.FromBase64String(content);
            }
            catch (FormatException e)
            {
                throw new NumeraiAwsException(ErrorKind.InvalidResult, "IamInvalidCredentialReport",
                    "IAM GetCredentialReport returned Content that is not base64.", null, null, e);
            }
            return new IamCredentialReport
            {
                Content = bytes,
                ReportFormat = Text(response.Result, "ReportFormat"),
                GeneratedTime = Date(response.Result, "GeneratedTime"),
            };
        }

        /// <summary>One page of GetAccountAuthorizationDetails.</summary>
        public static IamAccountAuthorizationDetails GetAccountAuthorizationDetails(QueryResponse response) => new IamAccountAuthorizationDetails
        {
            Users = response.Members("UserDetailList").Select(UserDetail).ToList(),
            Groups = response.Members("GroupDetailList").Select(GroupDetail).ToList(),
            Roles = response.Members("RoleDetailList").Select(RoleDetail).ToList(),
            Policies = response.Members("Policies").Select(ManagedPolicyDetail).ToList(),
        };

        public static List<IamVirtualMfaDevice> ListVirtualMfaDevices(QueryResponse response) =>
            response.Members("VirtualMFADevices").Select(e => new IamVirtualMfaDevice
            {
                SerialNumber = Text(e, "SerialNumber"),
                EnableDate = Date(e, "EnableDate"),
                User = QueryResponse.Child(e, "User") is XElement user ? User(user) : null,
            }).ToList();

        // ---- Shapes -----------------------------------------------------------------------------------------

        private static IamUser User(XElement e) => e == null ? null : new IamUser
        {
            UserName = Text(e, "UserName"),
            UserId = Text(e, "UserId"),
            Arn = Text(e, "Arn"),
            Path = Text(e, "Path"),
            CreateDate = Date(e, "CreateDate"),
            PasswordLastUsed = Date(e, "PasswordLastUsed"),
            PermissionsBoundaryArn = Text(QueryResponse.Child(e, "PermissionsBoundary"), "PermissionsBoundaryArn"),
            Tags = Tags(e),
        };

        private static IamGroup Group(XElement e) => e == null ? null : new IamGroup
        {
            GroupName = Text(e, "GroupName"),
            GroupId = Text(e, "GroupId"),
            Arn = Text(e, "Arn"),
            Path = Text(e, "Path"),
            CreateDate = Date(e, "CreateDate"),
        };

        private static IamRole Role(XElement e)
        {
            if (e == null) return null;
            var lastUsed = QueryResponse.Child(e, "RoleLastUsed");
            return new IamRole
            {
                RoleName = Text(e, "RoleName"),
                RoleId = Text(e, "RoleId"),
                Arn = Text(e, "Arn"),
                Path = Text(e, "Path"),
                CreateDate = Date(e, "CreateDate"),
                AssumeRolePolicyDocument = Document(e, "AssumeRolePolicyDocument"),
                Description = Text(e, "Description"),
                MaxSessionDuration = Int(e, "MaxSessionDuration"),
                PermissionsBoundaryArn = Text(QueryResponse.Child(e, "PermissionsBoundary"), "PermissionsBoundaryArn"),
                RoleLastUsedDate = Date(lastUsed, "LastUsedDate"),
                RoleLastUsedRegion = Text(lastUsed, "Region"),
                Tags = Tags(e),
            };
        }

        private static IamManagedPolicy ManagedPolicy(XElement e) => e == null ? null : new IamManagedPolicy
        {
            PolicyName = Text(e, "PolicyName"),
            PolicyId = Text(e, "PolicyId"),
            Arn = Text(e, "Arn"),
            Path = Text(e, "Path"),
            DefaultVersionId = Text(e, "DefaultVersionId"),
            AttachmentCount = Int(e, "AttachmentCount") ?? 0,
            PermissionsBoundaryUsageCount = Int(e, "PermissionsBoundaryUsageCount") ?? 0,
            IsAttachable = Bool(e, "IsAttachable"),
            Description = Text(e, "Description"),
            CreateDate = Date(e, "CreateDate"),
            UpdateDate = Date(e, "UpdateDate"),
            Tags = Tags(e),
        };

        private static IamPolicyVersion PolicyVersion(XElement e) => e == null ? null : new IamPolicyVersion
        {
            VersionId = Text(e, "VersionId"),
            IsDefaultVersion = Bool(e, "IsDefaultVersion"),
            Document = Document(e, "Document"),
            CreateDate = Date(e, "CreateDate"),
        };

        private static IamAttachedPolicy AttachedPolicy(XElement e) => new IamAttachedPolicy
        {
            PolicyName = Text(e, "PolicyName"),
            PolicyArn = Text(e, "PolicyArn"),
        };

        private static IamInlinePolicy InlinePolicy(XElement e) => new IamInlinePolicy
        {
            PolicyName = Text(e, "PolicyName"),
            Document = Document(e, "PolicyDocument"),
        };

        private static IamLoginProfile LoginProfile(XElement e) => e == null ? null : new IamLoginProfile
        {
            UserName = Text(e, "UserName"),
            CreateDate = Date(e, "CreateDate"),
            PasswordResetRequired = Bool(e, "PasswordResetRequired"),
        };

        private static IamMfaDevice MfaDevice(XElement e) => new IamMfaDevice
        {
            UserName = Text(e, "UserName"),
            SerialNumber = Text(e, "SerialNumber"),
            EnableDate = Date(e, "EnableDate"),
        };

        private static IamAccessKey AccessKey(XElement e) => new IamAccessKey
        {
            UserName = Text(e, "UserName"),
            AccessKeyId = Text(e, "AccessKeyId"),
            Status = Text(e, "Status"),
            CreateDate = Date(e, "CreateDate"),
        };

        private static IamPolicyEntity Entity(XElement e, string nameElement, string idElement) => new IamPolicyEntity
        {
            Name = Text(e, nameElement),
            Id = Text(e, idElement),
        };

        private static IamServiceSpecificCredential ServiceSpecificCredential(XElement e)
        {
            if (e == null) return null;
            // Read without trimming: a password is exactly what IAM sent.
            var password = QueryResponse.Text(e, "ServicePassword");
            return new IamServiceSpecificCredential
            {
                ServiceSpecificCredentialId = Text(e, "ServiceSpecificCredentialId"),
                UserName = Text(e, "UserName"),
                ServiceName = Text(e, "ServiceName"),
                ServiceUserName = Text(e, "ServiceUserName"),
                Status = Text(e, "Status"),
                CreateDate = Date(e, "CreateDate"),
                ExpirationDate = Date(e, "ExpirationDate"),
                ServicePassword = password == null ? null : SecureText.Protect(password),
            };
        }

        private static IamUserDetail UserDetail(XElement e) => new IamUserDetail
        {
            UserName = Text(e, "UserName"),
            UserId = Text(e, "UserId"),
            Arn = Text(e, "Arn"),
            Path = Text(e, "Path"),
            CreateDate = Date(e, "CreateDate"),
            GroupNames = Strings(e, "GroupList"),
            AttachedPolicies = QueryResponse.Members(e, "AttachedManagedPolicies").Select(AttachedPolicy).ToList(),
            InlinePolicies = QueryResponse.Members(e, "UserPolicyList").Select(InlinePolicy).ToList(),
            Tags = Tags(e),
        };

        private static IamGroupDetail GroupDetail(XElement e) => new IamGroupDetail
        {
            GroupName = Text(e, "GroupName"),
            GroupId = Text(e, "GroupId"),
            Arn = Text(e, "Arn"),
            Path = Text(e, "Path"),
            CreateDate = Date(e, "CreateDate"),
            AttachedPolicies = QueryResponse.Members(e, "AttachedManagedPolicies").Select(AttachedPolicy).ToList(),
            InlinePolicies = QueryResponse.Members(e, "GroupPolicyList").Select(InlinePolicy).ToList(),
        };

        private static IamRoleDetail RoleDetail(XElement e) => new IamRoleDetail
        {
            RoleName = Text(e, "RoleName"),
            RoleId = Text(e, "RoleId"),
            Arn = Text(e, "Arn"),
            Path = Text(e, "Path"),
            CreateDate = Date(e, "CreateDate"),
            AssumeRolePolicyDocument = Document(e, "AssumeRolePolicyDocument"),
            AttachedPolicies = QueryResponse.Members(e, "AttachedManagedPolicies").Select(AttachedPolicy).ToList(),
            InlinePolicies = QueryResponse.Members(e, "RolePolicyList").Select(InlinePolicy).ToList(),
            Tags = Tags(e),
        };

        private static IamManagedPolicyDetail ManagedPolicyDetail(XElement e)
        {
            var versions = QueryResponse.Members(e, "PolicyVersionList").Select(PolicyVersion).ToList();
            var defaultVersionId = Text(e, "DefaultVersionId");
            var defaultVersion = versions.FirstOrDefault(v => v.IsDefaultVersion)
                ?? versions.FirstOrDefault(v => v.VersionId == defaultVersionId);
            return new IamManagedPolicyDetail
            {
                PolicyName = Text(e, "PolicyName"),
                PolicyId = Text(e, "PolicyId"),
                Arn = Text(e, "Arn"),
                Path = Text(e, "Path"),
                DefaultVersionId = defaultVersionId,
                AttachmentCount = Int(e, "AttachmentCount") ?? 0,
                IsAttachable = Bool(e, "IsAttachable"),
                Description = Text(e, "Description"),
                CreateDate = Date(e, "CreateDate"),
                UpdateDate = Date(e, "UpdateDate"),
                DefaultVersionDocument = defaultVersion?.Document,
                Versions = versions,
            };
        }

        private static List<IamTag> Tags(XElement parent) =>
            QueryResponse.Members(parent, "Tags").Select(t => new IamTag(Text(t, "Key"), Text(t, "Value") ?? "")).ToList();

        // ---- Values -----------------------------------------------------------------------------------------

        private static string Text(XElement parent, string name) => QueryResponse.Text(parent, name)?.Trim();

        private static List<string> Strings(XElement parent, string listName) =>
            QueryResponse.Members(parent, listName).Select(m => m.Value.Trim()).ToList();

        private static bool Bool(XElement parent, string name) =>
            string.Equals(Text(parent, name), "true", StringComparison.OrdinalIgnoreCase);

        private static int? Int(XElement parent, string name) =>
            int.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;

        private static DateTime? Date(XElement parent, string name) =>
            DateTime.TryParse(Text(parent, name), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var v) ? v : (DateTime?)null;

        // IAM encodes documents per RFC 3986 (spaces as %20, never '+'), so a plain unescape restores the JSON.
        private static string Document(XElement parent, string name)
        {
            var raw = Text(parent, name);
            return raw == null ? null : Uri.UnescapeDataString(raw);
        }
    }
}
