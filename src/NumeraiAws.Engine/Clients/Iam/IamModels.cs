using System;
using System.Collections.Generic;
using System.Security;

// What the IAM client returns: plain objects the cmdlet layer can emit as they are, with no AWSSDK or PowerShell
// types in them. Policy documents are already URL-decoded (IAM returns them RFC 3986-encoded); dates are UTC.
namespace NumeraiAws.Engine.Clients.Iam
{
    public sealed class IamTag
    {
        public IamTag() { }
        public IamTag(string key, string value) { Key = key; Value = value; }

        public string Key { get; set; }
        public string Value { get; set; }

        public override string ToString() => $"{Key}={Value}";
    }

    public sealed class IamUser
    {
        public string UserName { get; set; }
        public string UserId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public DateTime? CreateDate { get; set; }
        /// <summary>Null when the user never signed in to the console (or when the list call does not report it).</summary>
        public DateTime? PasswordLastUsed { get; set; }
        public string PermissionsBoundaryArn { get; set; }
        /// <summary>Only GetUser returns tags; ListUsers leaves this empty.</summary>
        public List<IamTag> Tags { get; set; } = new List<IamTag>();

        public override string ToString() => Arn ?? UserName;
    }

    public sealed class IamGroup
    {
        public string GroupName { get; set; }
        public string GroupId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public DateTime? CreateDate { get; set; }

        public override string ToString() => Arn ?? GroupName;
    }

    /// <summary>GetGroup: the group and all of its members (every page).</summary>
    public sealed class IamGroupMembership
    {
        public IamGroup Group { get; set; }
        public List<IamUser> Users { get; set; } = new List<IamUser>();
    }

    public sealed class IamRole
    {
        public string RoleName { get; set; }
        public string RoleId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public DateTime? CreateDate { get; set; }
        /// <summary>The trust policy as JSON text, URL-decoded.</summary>
        public string AssumeRolePolicyDocument { get; set; }
        public string Description { get; set; }
        public int? MaxSessionDuration { get; set; }
        public string PermissionsBoundaryArn { get; set; }
        public DateTime? RoleLastUsedDate { get; set; }
        public string RoleLastUsedRegion { get; set; }
        public List<IamTag> Tags { get; set; } = new List<IamTag>();

        public override string ToString() => Arn ?? RoleName;
    }

    public sealed class IamManagedPolicy
    {
        public string PolicyName { get; set; }
        public string PolicyId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public string DefaultVersionId { get; set; }
        public int AttachmentCount { get; set; }
        public int PermissionsBoundaryUsageCount { get; set; }
        public bool IsAttachable { get; set; }
        /// <summary>IAM returns the description from GetPolicy only, not from CreatePolicy or ListPolicies.</summary>
        public string Description { get; set; }
        public DateTime? CreateDate { get; set; }
        public DateTime? UpdateDate { get; set; }
        public List<IamTag> Tags { get; set; } = new List<IamTag>();

        public override string ToString() => Arn ?? PolicyName;
    }

    public sealed class IamPolicyVersion
    {
        public string VersionId { get; set; }
        public bool IsDefaultVersion { get; set; }
        /// <summary>The policy JSON, URL-decoded; null where IAM leaves it out (CreatePolicyVersion, ListPolicyVersions).</summary>
        public string Document { get; set; }
        public DateTime? CreateDate { get; set; }

        public override string ToString() => VersionId + (IsDefaultVersion ? " (default)" : "");
    }

    /// <summary>A managed policy attached to a user, group or role.</summary>
    public sealed class IamAttachedPolicy
    {
        public string PolicyName { get; set; }
        public string PolicyArn { get; set; }

        public override string ToString() => PolicyArn ?? PolicyName;
    }

    /// <summary>An inline policy embedded in a user, group or role (GetAccountAuthorizationDetails).</summary>
    public sealed class IamInlinePolicy
    {
        public string PolicyName { get; set; }
        /// <summary>The policy JSON, URL-decoded.</summary>
        public string Document { get; set; }

        public override string ToString() => PolicyName;
    }

    public sealed class IamLoginProfile
    {
        public string UserName { get; set; }
        public DateTime? CreateDate { get; set; }
        public bool PasswordResetRequired { get; set; }
    }

    /// <summary>
    /// A service-specific credential (e.g. CodeCommit HTTPS Git credentials). <see cref="ServicePassword"/> is set
    /// only by Create/Reset, the one time IAM reveals it; it is never held as a string or printed.
    /// </summary>
    public sealed class IamServiceSpecificCredential
    {
        public string ServiceSpecificCredentialId { get; set; }
        public string UserName { get; set; }
        public string ServiceName { get; set; }
        public string ServiceUserName { get; set; }
        /// <summary>Active, Inactive or Expired.</summary>
        public string Status { get; set; }
        public DateTime? CreateDate { get; set; }
        public DateTime? ExpirationDate { get; set; }
        public SecureString ServicePassword { get; set; }

        public override string ToString() => $"{ServiceUserName} ({ServiceSpecificCredentialId}, {Status})";
    }

    public sealed class IamMfaDevice
    {
        public string UserName { get; set; }
        public string SerialNumber { get; set; }
        public DateTime? EnableDate { get; set; }

        public override string ToString() => SerialNumber;
    }

    public sealed class IamVirtualMfaDevice
    {
        public string SerialNumber { get; set; }
        public DateTime? EnableDate { get; set; }
        /// <summary>The user the device is assigned to; null when it is unassigned.</summary>
        public IamUser User { get; set; }

        public override string ToString() => SerialNumber;
    }

    /// <summary>Access key metadata; the secret is never part of it.</summary>
    public sealed class IamAccessKey
    {
        public string UserName { get; set; }
        public string AccessKeyId { get; set; }
        /// <summary>Active, Inactive or Expired.</summary>
        public string Status { get; set; }
        public DateTime? CreateDate { get; set; }

        public override string ToString() => AccessKeyId;
    }

    /// <summary>
    /// The account password policy, as read and as written. IAM treats an unset number as "no requirement" and
    /// refuses 0 for some of them, so the numbers are nullable and only sent when set.
    /// </summary>
    public sealed class IamPasswordPolicy
    {
        public int? MinimumPasswordLength { get; set; }
        public bool RequireSymbols { get; set; }
        public bool RequireNumbers { get; set; }
        public bool RequireUppercaseCharacters { get; set; }
        public bool RequireLowercaseCharacters { get; set; }
        public bool AllowUsersToChangePassword { get; set; }
        /// <summary>Read only: IAM derives it from <see cref="MaxPasswordAge"/>.</summary>
        public bool ExpirePasswords { get; set; }
        public int? MaxPasswordAge { get; set; }
        public int? PasswordReusePrevention { get; set; }
        public bool HardExpiry { get; set; }
    }

    public sealed class IamCredentialReport
    {
        /// <summary>The report itself (CSV, as <see cref="ReportFormat"/> says), already base64-decoded.</summary>
        public byte[] Content { get; set; }
        public string ReportFormat { get; set; }
        public DateTime? GeneratedTime { get; set; }
    }

    /// <summary>The identities a managed policy is attached to (ListEntitiesForPolicy).</summary>
    public sealed class IamPolicyEntities
    {
        public List<IamPolicyEntity> Users { get; set; } = new List<IamPolicyEntity>();
        public List<IamPolicyEntity> Groups { get; set; } = new List<IamPolicyEntity>();
        public List<IamPolicyEntity> Roles { get; set; } = new List<IamPolicyEntity>();
    }

    public sealed class IamPolicyEntity
    {
        public string Name { get; set; }
        public string Id { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>Which managed policies ListPolicies returns.</summary>
    public enum IamPolicyScope
    {
        /// <summary>Customer managed policies only.</summary>
        Local,
        /// <summary>AWS managed policies only.</summary>
        Aws,
        All,
    }

    /// <summary>A snapshot of the account's IAM configuration (GetAccountAuthorizationDetails, every page).</summary>
    public sealed class IamAccountAuthorizationDetails
    {
        public List<IamUserDetail> Users { get; set; } = new List<IamUserDetail>();
        public List<IamGroupDetail> Groups { get; set; } = new List<IamGroupDetail>();
        public List<IamRoleDetail> Roles { get; set; } = new List<IamRoleDetail>();
        public List<IamManagedPolicyDetail> Policies { get; set; } = new List<IamManagedPolicyDetail>();
    }

    public sealed class IamUserDetail
    {
        public string UserName { get; set; }
        public string UserId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public DateTime? CreateDate { get; set; }
        public List<string> GroupNames { get; set; } = new List<string>();
        public List<IamAttachedPolicy> AttachedPolicies { get; set; } = new List<IamAttachedPolicy>();
        public List<IamInlinePolicy> InlinePolicies { get; set; } = new List<IamInlinePolicy>();
        public List<IamTag> Tags { get; set; } = new List<IamTag>();

        public override string ToString() => Arn ?? UserName;
    }

    public sealed class IamGroupDetail
    {
        public string GroupName { get; set; }
        public string GroupId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public DateTime? CreateDate { get; set; }
        public List<IamAttachedPolicy> AttachedPolicies { get; set; } = new List<IamAttachedPolicy>();
        public List<IamInlinePolicy> InlinePolicies { get; set; } = new List<IamInlinePolicy>();

        public override string ToString() => Arn ?? GroupName;
    }

    public sealed class IamRoleDetail
    {
        public string RoleName { get; set; }
        public string RoleId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public DateTime? CreateDate { get; set; }
        public string AssumeRolePolicyDocument { get; set; }
        public List<IamAttachedPolicy> AttachedPolicies { get; set; } = new List<IamAttachedPolicy>();
        public List<IamInlinePolicy> InlinePolicies { get; set; } = new List<IamInlinePolicy>();
        public List<IamTag> Tags { get; set; } = new List<IamTag>();

        public override string ToString() => Arn ?? RoleName;
    }

    public sealed class IamManagedPolicyDetail
    {
        public string PolicyName { get; set; }
        public string PolicyId { get; set; }
        public string Arn { get; set; }
        public string Path { get; set; }
        public string DefaultVersionId { get; set; }
        public int AttachmentCount { get; set; }
        public bool IsAttachable { get; set; }
        public string Description { get; set; }
        public DateTime? CreateDate { get; set; }
        public DateTime? UpdateDate { get; set; }
        /// <summary>The JSON of the default version, URL-decoded (null if IAM did not include that version).</summary>
        public string DefaultVersionDocument { get; set; }
        public List<IamPolicyVersion> Versions { get; set; } = new List<IamPolicyVersion>();

        public override string ToString() => Arn ?? PolicyName;
    }
}
