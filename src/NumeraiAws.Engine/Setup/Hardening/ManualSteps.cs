using System.Collections.Generic;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// The exact steps for what Repair-NumeraiAccountHardening leaves to a person: what needs the root user's own
    /// sign-in (MFA, root keys), a person's details (alternate contacts), or a decision about someone else's
    /// users, policies and buckets.
    /// </summary>
    internal static class ManualSteps
    {
        public static HardeningRepairResult For(string checkId, string resource, string partition)
        {
            var (action, steps) = Steps(checkId, resource ?? "", partition);
            return new HardeningRepairResult { CheckId = checkId, Resource = resource, Status = HardeningRepairStatus.Manual, Action = action, Steps = steps };
        }

        private static (string, string[]) Steps(string checkId, string r, string partition)
        {
            var test = "Run Test-NumeraiAccountHardening -CheckId " + checkId + " to confirm.";
            switch (checkId)
            {
                case C.RootMfaEnabled:
                    return ("Only the root user can assign its own MFA device:", new[]
                    {
                        "Sign in to the AWS console as the root user (the account's email address and password).",
                        "Open the account menu (top right) and choose Security credentials.",
                        "Under Multi-factor authentication (MFA), choose Assign MFA device; prefer a hardware security key or a hardware TOTP token.",
                        "Follow the prompts to register the device.", test,
                    });
                case C.RootHardwareMfa:
                    return ("Only the root user can change its own MFA device:", new[]
                    {
                        "Sign in to the AWS console as the root user and open Security credentials.",
                        "Choose Assign MFA device and register a hardware security key or hardware TOTP token.",
                        "Sign in once with the new device, then remove the virtual MFA device.",
                        "Keep the hardware device somewhere safe and known to more than one person.", test,
                    });
                case C.RootNoAccessKeys:
                    return ("Only the root user can delete its own access keys:", new[]
                    {
                        "Find what uses them: in CloudTrail, look for events with userIdentity.type = Root and an accessKeyId; move that automation to an IAM role or user.",
                        "Sign in to the AWS console as the root user and open Security credentials.",
                        "Under Access keys, choose Actions, Deactivate for each key; after a quiet period, Delete it.", test,
                    });
                case C.RootNotRecentlyUsed:
                    return ("Stop using the root user for daily work:", new[]
                    {
                        "Review what the root user did recently: CloudTrail event history, filter on User name = root.",
                        "Do administration as an IAM user in a group with AdministratorAccess, with MFA (see AdminUserWithMfa).",
                        "Delete the root user's access keys (see RootNoAccessKeys) and keep its password and MFA device locked away.", test,
                    });
                case C.CallerNotRoot:
                    return ("Run NumeraiAws as an IAM administrator, not as root:", new[]
                    {
                        "As root, create the administrator: New-NumeraiAdminUser -GeneratePassword (the Administrators group with AdministratorAccess, and the user numerai-admin).",
                        "Sign in as numerai-admin at the SignInUrl it returns, set a new password and assign an MFA device.",
                        "Give it an access key in a named profile (aws configure --profile numerai-admin) and run NumeraiAws with -ProfileName numerai-admin.",
                        "Delete the root user's access keys (see RootNoAccessKeys).",
                    });
                case C.AlternateContactsSet:
                    return ($"The {r} contact needs a person's details:", new[]
                    {
                        $"Choose who should receive {r} notices (a team mailbox reaches more than one person).",
                        $"aws account put-alternate-contact --alternate-contact-type {r} --name \"NAME\" --title \"TITLE\" --email-address ADDRESS --phone-number \"+1 555 0100\"",
                        "Or in the console: account menu, Account, Alternate contacts, Edit.", test,
                    });
                case C.AdminUserWithMfa:
                    return ("Create (or finish) an administrator user with MFA:", new[]
                    {
                        "New-NumeraiAdminUser -GeneratePassword (creates the Administrators group with AdministratorAccess and the user numerai-admin, or finds them).",
                        "Sign in as the administrator at the SignInUrl it returns and set a new password.",
                        "Open Security credentials and choose Assign MFA device (only the user can complete this, with the device in hand).", test,
                    });
                case C.SupportRoleExists:
                    return ("Create a role for AWS Support cases:", new[]
                    {
                        "aws iam create-role --role-name aws-support --assume-role-policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"ACCOUNT_ID\"},\"Action\":\"sts:AssumeRole\"}]}'",
                        "aws iam attach-role-policy --role-name aws-support --policy-arn arn:" + partition + ":iam::aws:policy/AWSSupportAccess",
                        "Allow the people who handle incidents to assume it (sts:AssumeRole on the role's ARN).", test,
                    });
                case C.ConsoleUsersHaveMfa:
                    return ($"{r} signs in to the console without MFA:", new[]
                    {
                        $"Ask {r} to sign in and assign an MFA device (Security credentials, Assign MFA device); administrators can do it in IAM, Users, {r}, Security credentials.",
                        $"If {r} does not need the console: aws iam delete-login-profile --user-name {r}", test,
                    });
                case C.CredentialsUnused45Days:
                    return ($"{r} has credentials nobody used for 45 days:", new[]
                    {
                        $"Check with the owner of {r} whether they are still needed.",
                        $"Unused password: aws iam delete-login-profile --user-name {r}",
                        $"Unused access key: aws iam list-access-keys --user-name {r}; aws iam update-access-key --user-name {r} --access-key-id KEY --status Inactive (delete it later).", test,
                    });
                case C.AccessKeysRotated90Days:
                    return ($"Rotate the old access key(s) of {r}:", new[]
                    {
                        $"aws iam create-access-key --user-name {r}",
                        "Put the new key where the old one is used and check it works.",
                        $"aws iam update-access-key --user-name {r} --access-key-id OLD_KEY --status Inactive; after a quiet period: aws iam delete-access-key --user-name {r} --access-key-id OLD_KEY", test,
                    });
                case C.SingleActiveAccessKey:
                    return ($"{r} has two active access keys:", new[]
                    {
                        $"aws iam list-access-keys --user-name {r} and find which key is in use (aws iam get-access-key-last-used --access-key-id KEY).",
                        $"aws iam update-access-key --user-name {r} --access-key-id UNUSED_KEY --status Inactive", test,
                    });
                case C.PermissionsThroughGroupsOnly:
                    return ($"Move the policies of {r} to a group:", new[]
                    {
                        $"aws iam list-attached-user-policies --user-name {r}; aws iam list-user-policies --user-name {r}",
                        $"Attach the same policies to a group (aws iam attach-group-policy / put-group-policy) and aws iam add-user-to-group --user-name {r} --group-name GROUP",
                        $"aws iam detach-user-policy --user-name {r} --policy-arn ARN; aws iam delete-user-policy --user-name {r} --policy-name NAME", test,
                    });
                case C.NoFullAdminPolicies:
                    return ($"Narrow {r}:", new[]
                    {
                        $"aws iam get-policy-version --policy-arn {r} --version-id (the default version), and list what its users really need.",
                        $"aws iam create-policy-version --policy-arn {r} --policy-document file://least-privilege.json --set-as-default",
                        "Give administrators the AWS managed AdministratorAccess through a group instead.", test,
                    });
                case C.S3BucketPublicAccessBlock:
                    return ($"Block public access to {r}:", new[]
                    {
                        $"aws s3api put-public-access-block --bucket {r} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", test,
                    });
                case C.S3BucketTlsOnly:
                    return ($"Deny requests without TLS on {r}:", new[]
                    {
                        $"aws s3api get-bucket-policy --bucket {r} (keep its statements)",
                        $"Add {{\"Sid\":\"NumeraiAwsDenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:{partition}:s3:::{r}\",\"arn:{partition}:s3:::{r}/*\"],\"Condition\":{{\"Bool\":{{\"aws:SecureTransport\":\"false\"}}}}}} to its Statement list",
                        $"aws s3api put-bucket-policy --bucket {r} --policy file://policy.json", test,
                    });
                case C.S3BucketAclsDisabled:
                    return ($"Disable ACLs on {r}:", new[]
                    {
                        "Check first that nothing relies on object ACLs (e.g. cross-account writers that grant bucket-owner-full-control).",
                        $"aws s3api put-bucket-ownership-controls --bucket {r} --ownership-controls Rules=[{{ObjectOwnership=BucketOwnerEnforced}}]", test,
                    });
                case C.S3BucketLifecycle:
                    return ($"Give {r} a lifecycle rule:", new[]
                    {
                        "Write lifecycle.json, e.g. {\"Rules\":[{\"ID\":\"expire-noncurrent\",\"Status\":\"Enabled\",\"Filter\":{},\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":30},\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":7}}]}",
                        $"aws s3api put-bucket-lifecycle-configuration --bucket {r} --lifecycle-configuration file://lifecycle.json", test,
                    });
                case C.S3BucketVersioning:
                    return ($"Turn on versioning for {r}:", new[]
                    {
                        $"aws s3api put-bucket-versioning --bucket {r} --versioning-configuration Status=Enabled",
                        "Add a lifecycle rule that expires noncurrent versions, so old versions do not pile up (see S3BucketLifecycle).", test,
                    });
                default:
                    return ("No automatic repair for this check; follow the finding's Remediation.", new[] { test });
            }
        }
    }
}
