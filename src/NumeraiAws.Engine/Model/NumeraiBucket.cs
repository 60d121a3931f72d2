namespace NumeraiAws.Engine.Model
{
    /// <summary>
    /// The Numerai data bucket as New-NumeraiBucket left it: the output of New-NumeraiBucket, and the input of the
    /// cmdlets that come after it (they bind <see cref="BucketName"/> by property name).
    /// </summary>
    public sealed class NumeraiBucket
    {
        public string BucketName { get; set; }
        public string Region { get; set; }
        /// <summary>arn:PARTITION:s3:::BUCKET, for policies that grant access to the bucket.</summary>
        public string Arn { get; set; }
        /// <summary>True only when this run created the bucket; false when it already existed.</summary>
        public bool Created { get; set; }
        /// <summary>What this run changed (e.g. "Bucket", "Versioning", "Policy"); empty when the bucket was already hardened.</summary>
        public string[] Changed { get; set; } = new string[0];
        /// <summary>The default encryption: "AES256" (SSE-S3) or "aws:kms" (SSE-KMS); null if there is none.</summary>
        public string Encryption { get; set; }
        /// <summary>The KMS key of SSE-KMS default encryption; null for SSE-S3.</summary>
        public string KmsKeyId { get; set; }
        public bool VersioningEnabled { get; set; }
        /// <summary>Days after which a noncurrent object version is deleted; null when no rule of ours says so.</summary>
        public int? NoncurrentVersionExpirationDays { get; set; }
        /// <summary>Days after which an unfinished multipart upload is aborted; null when no rule of ours says so.</summary>
        public int? AbortIncompleteMultipartUploadDays { get; set; }
    }
}
