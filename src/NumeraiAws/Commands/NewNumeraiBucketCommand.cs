using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup.Bucket;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>
    /// Creates the S3 bucket for Numerai data, or finds it again, and hardens it: Block Public Access, default
    /// encryption, ACLs disabled, TLS required, versioning and lifecycle rules, tags. Re-running changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "NumeraiBucket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NumeraiBucket))]
    public sealed class NewNumeraiBucketCommand : AwsCmdlet
    {
        /// <summary>The bucket's name; omitted, the account's Numerai bucket is reused or one is created with a generated name.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BucketName")]
        [ArgumentCompleter(typeof(NumeraiBucketNameCompleter))]
        public string Name { get; set; }

        /// <summary>A KMS key for SSE-KMS default encryption instead of SSE-S3.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string KmsKeyId { get; set; }

        /// <summary>Days after which noncurrent object versions are deleted.</summary>
        [Parameter]
        [ValidateRange(1, BucketRequest.MaxNoncurrentVersionExpirationDays)]
        public int NoncurrentVersionExpirationDays { get; set; } = BucketRequest.DefaultNoncurrentVersionExpirationDays;

        /// <summary>Days after which unfinished multipart uploads are aborted.</summary>
        [Parameter]
        [ValidateRange(1, BucketRequest.MaxAbortIncompleteMultipartUploadDays)]
        public int AbortIncompleteMultipartUploadDays { get; set; } = BucketRequest.DefaultAbortIncompleteMultipartUploadDays;

        /// <summary>Tags of your own, added to the bucket's tags.</summary>
        [Parameter]
        public Hashtable Tag { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var request = new BucketRequest
                {
                    Name = Name,
                    KmsKeyId = KmsKeyId,
                    NoncurrentVersionExpirationDays = NoncurrentVersionExpirationDays,
                    AbortIncompleteMultipartUploadDays = AbortIncompleteMultipartUploadDays,
                    Tags = ToTags(Tag),
                };
                // Before Connection: a bad name is reported without resolving credentials or calling AWS.
                request.Validate();
                var bucket = BucketService.Ensure(Connection, SetupHost, request);
                // Null when -WhatIf (or a "no" to -Confirm) left a bucket that does not exist uncreated.
                if (bucket != null) WriteObject(bucket);
            });
        }

        private static IDictionary<string, string> ToTags(Hashtable table)
        {
            if (table == null) return null;
            var tags = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in table)
                tags[LanguagePrimitives.ConvertTo<string>(entry.Key)] = entry.Value == null ? "" : LanguagePrimitives.ConvertTo<string>(entry.Value);
            return tags;
        }
    }
}
