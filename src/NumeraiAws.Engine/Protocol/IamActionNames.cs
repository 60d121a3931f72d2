using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// Turns (service, operation) into the IAM action a policy must allow, so an AccessDenied can say which
    /// permission is missing. Most actions are "&lt;prefix&gt;:&lt;Operation&gt;"; S3's are not, so they are listed.
    /// </summary>
    public static class IamActionNames
    {
        private static readonly Dictionary<string, string> ServicePrefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["IAM"] = "iam", ["STS"] = "sts", ["S3"] = "s3", ["EC2"] = "ec2", ["SageMaker"] = "sagemaker",
            ["CodeCommit"] = "codecommit", ["Account"] = "account", ["S3Control"] = "s3", ["S3 Control"] = "s3", ["Budgets"] = "budgets",
        };

        // S3 operation names differ from their IAM actions (the API is REST, actions are older).
        private static readonly Dictionary<string, string> S3Actions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PutBucket"] = "s3:CreateBucket", ["PutBucketPolicy"] = "s3:PutBucketPolicy",
            ["GetBucketPolicy"] = "s3:GetBucketPolicy", ["PutPublicAccessBlock"] = "s3:PutBucketPublicAccessBlock",
            ["GetPublicAccessBlock"] = "s3:GetBucketPublicAccessBlock", ["PutBucketEncryption"] = "s3:PutEncryptionConfiguration",
            ["GetBucketEncryption"] = "s3:GetEncryptionConfiguration", ["PutBucketVersioning"] = "s3:PutBucketVersioning",
            ["GetBucketVersioning"] = "s3:GetBucketVersioning", ["PutLifecycleConfiguration"] = "s3:PutLifecycleConfiguration",
            ["GetLifecycleConfiguration"] = "s3:GetLifecycleConfiguration", ["PutBucketOwnershipControls"] = "s3:PutBucketOwnershipControls",
            ["GetBucketOwnershipControls"] = "s3:GetBucketOwnershipControls", ["ListBuckets"] = "s3:ListAllMyBuckets",
            ["ListObjectsV2"] = "s3:ListBucket", ["ListObjectVersions"] = "s3:ListBucketVersions", ["DeleteBucket"] = "s3:DeleteBucket",
            ["DeleteObjects"] = "s3:DeleteObject", ["PutBucketTagging"] = "s3:PutBucketTagging", ["GetBucketTagging"] = "s3:GetBucketTagging",
            ["HeadBucket"] = "s3:ListBucket", ["GetBucketLocation"] = "s3:GetBucketLocation",
        };

        // S3 Control's account-level operations authorize as s3:*Account* actions.
        private static readonly Dictionary<string, string> S3ControlActions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GetPublicAccessBlock"] = "s3:GetAccountPublicAccessBlock", ["PutPublicAccessBlock"] = "s3:PutAccountPublicAccessBlock",
            ["DeletePublicAccessBlock"] = "s3:PutAccountPublicAccessBlock",
        };

        // AWS Budgets authorizes every read as budgets:ViewBudget and every change as budgets:ModifyBudget.
        private static readonly Dictionary<string, string> BudgetsActions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DescribeBudget"] = "budgets:ViewBudget", ["DescribeBudgets"] = "budgets:ViewBudget",
            ["DescribeNotificationsForBudget"] = "budgets:ViewBudget", ["DescribeSubscribersForNotification"] = "budgets:ViewBudget",
            ["CreateBudget"] = "budgets:ModifyBudget", ["UpdateBudget"] = "budgets:ModifyBudget", ["DeleteBudget"] = "budgets:ModifyBudget",
            ["CreateNotification"] = "budgets:ModifyBudget", ["UpdateNotification"] = "budgets:ModifyBudget", ["DeleteNotification"] = "budgets:ModifyBudget",
            ["CreateSubscriber"] = "budgets:ModifyBudget", ["UpdateSubscriber"] = "budgets:ModifyBudget", ["DeleteSubscriber"] = "budgets:ModifyBudget",
        };

        public static string For(string service, string operation)
        {
            if (string.IsNullOrEmpty(operation)) return null;
            if (string.Equals(service, "S3", StringComparison.OrdinalIgnoreCase) && S3Actions.TryGetValue(operation, out var s3)) return s3;
            if ((string.Equals(service, "S3 Control", StringComparison.OrdinalIgnoreCase) || string.Equals(service, "S3Control", StringComparison.OrdinalIgnoreCase))
                && S3ControlActions.TryGetValue(operation, out var control)) return control;
            if (string.Equals(service, "Budgets", StringComparison.OrdinalIgnoreCase) && BudgetsActions.TryGetValue(operation, out var budgets)) return budgets;
            var prefix = service != null && ServicePrefixes.TryGetValue(service, out var p) ? p : service?.ToLowerInvariant();
            return $"{prefix}:{operation}";
        }
    }
}
