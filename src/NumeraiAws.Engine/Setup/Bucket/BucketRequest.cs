using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Setup.Bucket
{
    /// <summary>What New-NumeraiBucket was asked for.</summary>
    public sealed class BucketRequest
    {
        public const int DefaultNoncurrentVersionExpirationDays = 30;
        public const int DefaultAbortIncompleteMultipartUploadDays = 7;
        public const int MaxNoncurrentVersionExpirationDays = 3650;
        public const int MaxAbortIncompleteMultipartUploadDays = 365;

        /// <summary>The bucket's name; null to reuse the account's Numerai bucket or create one with a generated name.</summary>
        public string Name { get; set; }

        /// <summary>A KMS key (id, ARN or alias) for SSE-KMS default encryption; null for SSE-S3.</summary>
        public string KmsKeyId { get; set; }

        public int NoncurrentVersionExpirationDays { get; set; } = DefaultNoncurrentVersionExpirationDays;
        public int AbortIncompleteMultipartUploadDays { get; set; } = DefaultAbortIncompleteMultipartUploadDays;

        /// <summary>The user's own tags, added to the module's.</summary>
        public IDictionary<string, string> Tags { get; set; }

        /// <summary>Rejects a request S3 would refuse, or that would break re-runs, before any AWS call.</summary>
        public void Validate()
        {
            if (Name != null) BucketNameRules.Validate(Name);
            if (KmsKeyId != null && KmsKeyId.Trim().Length == 0)
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidKmsKeyId", "-KmsKeyId is empty.",
                    "Give a KMS key id, key ARN or alias ARN, or omit -KmsKeyId for SSE-S3 encryption.");
            CheckRange(NoncurrentVersionExpirationDays, MaxNoncurrentVersionExpirationDays, "NoncurrentVersionExpirationDays");
            CheckRange(AbortIncompleteMultipartUploadDays, MaxAbortIncompleteMultipartUploadDays, "AbortIncompleteMultipartUploadDays");
            if (Tags == null) return;
            foreach (var pair in Tags)
            {
                if (string.IsNullOrWhiteSpace(pair.Key))
                    throw InvalidTag("A tag key is empty.", null);
                // The module finds its bucket again by these tags; letting -Tag overwrite them would make the next
                // run miss the bucket and create a second one.
                if (pair.Key.StartsWith("numeraiaws:", StringComparison.Ordinal))
                    throw InvalidTag($"The tag key '{pair.Key}' is reserved: NumeraiAws sets the numeraiaws:* tags itself.", pair.Key);
                if (pair.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                    throw InvalidTag($"The tag key '{pair.Key}' is reserved by AWS.", pair.Key);
                if (pair.Key.Length > 128)
                    throw InvalidTag($"The tag key '{pair.Key}' is longer than 128 characters.", pair.Key);
                if ((pair.Value ?? "").Length > 256)
                    throw InvalidTag($"The value of tag '{pair.Key}' is longer than 256 characters.", pair.Key);
            }
        }

        private static void CheckRange(int value, int max, string parameter)
        {
            if (value >= 1 && value <= max) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidLifecycleDays",
                $"-{parameter} must be between 1 and {max}, not {value}.", $"Give -{parameter} a value from 1 to {max}.", value);
        }

        private static NumeraiAwsException InvalidTag(string message, string key) =>
            new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidTag", message,
                "Use tag keys of your own (1 to 128 characters, not starting with aws: or numeraiaws:) and values of up to 256 characters.", key);
    }
}
