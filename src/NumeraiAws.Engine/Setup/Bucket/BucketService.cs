using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Amazon.S3;
using Amazon.S3.Model;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Bucket
{
    /// <summary>
    /// Creates the Numerai data bucket, or finds it again, and brings it to the hardened state: no public access,
    /// default encryption, ACLs disabled, TLS required, versioning with bounded history, and our tags. Every setting
    /// is read first and written only when it differs, so a second run makes no write call; every write asks the
    /// host first, so -WhatIf makes none.
    /// </summary>
    public static class BucketService
    {
        public const string Component = "data-bucket";

        // What Changed reports, one per setting.
        public const string ChangedBucket = "Bucket";
        public const string ChangedPublicAccessBlock = "PublicAccessBlock";
        public const string ChangedOwnershipControls = "OwnershipControls";
        public const string ChangedEncryption = "Encryption";
        public const string ChangedVersioning = "Versioning";
        public const string ChangedLifecycle = "Lifecycle";
        public const string ChangedPolicy = "Policy";
        public const string ChangedTags = "Tags";

        private const string Aes256 = "AES256";
        private const string AwsKms = "aws:kms";
        private const string UsEast1 = "us-east-1";

        public static NumeraiBucket Ensure(AwsConnection connection, ISetupHost host, BucketRequest request)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (request == null) throw new ArgumentNullException(nameof(request));
            request.Validate();

            var s3 = new S3Calls(connection, host.Cancellation);
            var region = connection.Region;
            var changed = new List<string>();
            IDictionary<string, string> knownTags = null;

            string name;
            S3Bucket listed;
            if (request.Name != null)
            {
                name = request.Name;
                listed = s3.ListBuckets(name).FirstOrDefault(b => b.BucketName == name);
            }
            else
            {
                var ours = FindOurBuckets(s3);
                if (ours.Count > 1)
                    throw new NumeraiAwsException(ErrorKind.InvalidOperation, "MultipleNumeraiBuckets",
                        $"The account has {ours.Count} buckets tagged as the Numerai data bucket ({string.Join(", ", ours.Select(o => o.Bucket.BucketName))}); without -Name it is not clear which one to use.",
                        "Run the command again with -Name and the bucket to use.");
                if (ours.Count == 1)
                {
                    listed = ours[0].Bucket;
                    knownTags = ours[0].Tags;
                    name = listed.BucketName;
                    host.Info($"Found the account's Numerai bucket {name}; using it instead of creating another.");
                }
                else
                {
                    listed = null;
                    name = BucketNameRules.NewDefaultName();
                }
            }

            var wantedTags = NumeraiConventions.Tags(Component, request.Tags);
            var run = new Hardening(s3, host, name, changed);
            var created = false;
            if (listed != null)
            {
                EnsureInRegion(s3, name, listed.BucketRegion, region);
            }
            else
            {
                // Without the bucket there is nothing to read or harden; -WhatIf ends here.
                if (!host.ShouldChange(name, $"Create S3 bucket in {region}")) return null;
                try
                {
                    s3.CreateBucket(name, region);
                    created = true;
                    changed.Add(ChangedBucket);
                    host.Info($"Created bucket {name} in {region}.");
                    // A generated name is random, so the tags are the only way a later run finds this bucket again:
                    // they go on first, so that a run stopped after this point resumes on this bucket instead of
                    // creating a second one and leaving this one behind untagged.
                    if (request.Name == null) knownTags = TagNewBucket(run, host, name, wantedTags);
                }
                catch (AwsServiceException e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
                {
                    // Listing did not show it yet (another run made it a moment ago): it is ours, so harden it.
                    host.Info($"Bucket {name} already exists in this account; bringing it to the hardened state.");
                    EnsureInRegion(s3, name, null, region);
                }
                catch (AwsServiceException e) when (e.ErrorCode == "BucketAlreadyExists")
                {
                    throw new NumeraiAwsException(ErrorKind.ResourceExists, "BucketNameTaken",
                        $"The bucket name '{name}' is taken globally by another account: bucket names are shared by all AWS accounts.",
                        "Choose another -Name, or omit -Name for a generated one.", name, e);
                }
            }

            var result = new NumeraiBucket
            {
                BucketName = name,
                Region = region,
                Arn = $"arn:{connection.Partition.Name}:s3:::{name}",
                Created = created,
            };
            run.BlockPublicAccess();
            run.EnforceBucketOwner();
            run.Encrypt(request.KmsKeyId, result);
            run.EnableVersioning(result);
            run.SetLifecycle(request.AbortIncompleteMultipartUploadDays, request.NoncurrentVersionExpirationDays, result);
            run.RequireTls(result.Arn);
            run.Tag(wantedTags, knownTags);
            result.Changed = changed.ToArray();
            if (changed.Count == 0) host.Info($"Bucket {name} was already in the hardened state; nothing changed.");
            return result;
        }

        /// <summary>
        /// Tags a bucket created a moment ago (it has no tags yet, so they are not read) and returns the tags it now
        /// has, or null when the host declined. A transient failure (throttling, 5xx, a dropped connection) is
        /// retried a few more times beyond the SDK's own retries: an untagged bucket with a generated name is one
        /// no later run can recognise as ours.
        /// </summary>
        private static IDictionary<string, string> TagNewBucket(Hardening run, ISetupHost host, string name, IDictionary<string, string> wanted)
        {
            var pause = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return run.Tag(wanted, new Dictionary<string, string>(StringComparer.Ordinal)) ? wanted : null;
                }
                catch (NumeraiAwsException e) when (attempt < 4 && UnsureWrite.IsTransient(e))
                {
                    host.Info($"Tagging the new bucket {name} failed ({e.Reason}); trying again in {pause.TotalSeconds:0} s.");
                    if (host.Cancellation.WaitHandle.WaitOne(pause)) throw new OperationCanceledException(host.Cancellation);
                    pause = TimeSpan.FromTicks(pause.Ticks * 2);
                }
            }
        }

        /// <summary>The names of the account's buckets that start with "numerai-", for tab completion.</summary>
        public static IReadOnlyList<string> ListNumeraiBucketNames(AwsConnection connection, CancellationToken cancellation = default(CancellationToken)) =>
            new S3Calls(connection, cancellation).ListBuckets(NumeraiConventions.BucketPrefix)
                .Select(b => b.BucketName)
                .Where(n => n.StartsWith(NumeraiConventions.BucketPrefix, StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();

        /// <summary>The buckets this module made for Numerai data (Get- and Remove-NumeraiEnvironment find them here).</summary>
        public static IReadOnlyList<string> FindNumeraiBucketNames(AwsConnection connection, CancellationToken cancellation = default(CancellationToken)) =>
            FindOurBuckets(new S3Calls(connection, cancellation)).Select(b => b.Bucket.BucketName).ToList();

        /// <summary>True for the tags of a bucket this module made for Numerai data.</summary>
        public static bool IsOurs(IDictionary<string, string> tags) =>
            tags != null &&
            tags.TryGetValue(NumeraiConventions.ManagedTagKey, out var managed) && managed == NumeraiConventions.ManagedTagValue &&
            tags.TryGetValue(NumeraiConventions.ComponentTagKey, out var component) && component == Component;

        private sealed class FoundBucket
        {
            public S3Bucket Bucket;
            public IDictionary<string, string> Tags;
        }

        // Only "numerai-" buckets are looked at: reading the tags of every bucket in a large account would be slow,
        // and a bucket of ours always has that prefix unless the user named it, in which case they pass -Name.
        private static List<FoundBucket> FindOurBuckets(S3Calls s3)
        {
            var ours = new List<FoundBucket>();
            foreach (var bucket in s3.ListBuckets(NumeraiConventions.BucketPrefix))
            {
                if (!bucket.BucketName.StartsWith(NumeraiConventions.BucketPrefix, StringComparison.Ordinal)) continue;
                IDictionary<string, string> tags;
                try
                {
                    tags = s3.GetTags(bucket.BucketName);
                }
                catch (AwsServiceException e) when (e.ErrorCode == "NoSuchBucket")
                {
                    continue;   // deleted since it was listed
                }
                if (IsOurs(tags)) ours.Add(new FoundBucket { Bucket = bucket, Tags = tags });
            }
            return ours;
        }

        /// <summary>
        /// A bucket lives in one region, and its settings are read and written there; hardening a bucket of another
        /// region from here would fail half-way, and creating a second one would split the data.
        /// </summary>
        private static void EnsureInRegion(S3Calls s3, string name, string listedRegion, string region)
        {
            var actual = NormaliseRegion(string.IsNullOrEmpty(listedRegion) ? s3.GetBucketLocation(name) : listedRegion);
            if (actual == region) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "BucketInOtherRegion",
                $"Bucket '{name}' is in {actual}, not in {region}.",
                $"Run the command again with -Region {actual}, or give another -Name.", name);
        }

        /// <summary>GetBucketLocation's legacy answers: empty for us-east-1, "EU" for eu-west-1.</summary>
        internal static string NormaliseRegion(string location)
        {
            if (string.IsNullOrEmpty(location) || location == "US") return UsEast1;
            if (location == "EU") return "eu-west-1";
            return location;
        }

        /// <summary>One setting at a time: read it, and write it only when it differs and the host agrees.</summary>
        private sealed class Hardening
        {
            private readonly S3Calls _s3;
            private readonly ISetupHost _host;
            private readonly string _name;
            private readonly List<string> _changed;

            public Hardening(S3Calls s3, ISetupHost host, string name, List<string> changed)
            {
                _s3 = s3; _host = host; _name = name; _changed = changed;
            }

            private bool Change(string what, string action, Action write)
            {
                if (!_host.ShouldChange(_name, action))
                {
                    _host.Info($"Skipped: {action}.");
                    return false;
                }
                write();
                _changed.Add(what);
                _host.Info($"Done: {action}.");
                return true;
            }

            public void BlockPublicAccess()
            {
                var current = _s3.GetPublicAccessBlock(_name);
                if (current != null && current.BlockPublicAcls == true && current.IgnorePublicAcls == true &&
                    current.BlockPublicPolicy == true && current.RestrictPublicBuckets == true)
                    return;
                Change(ChangedPublicAccessBlock, "Block all public access (all four Block Public Access settings)",
                    () => _s3.PutPublicAccessBlock(_name));
            }

            public void EnforceBucketOwner()
            {
                var current = _s3.GetObjectOwnership(_name);
                if (current == ObjectOwnership.BucketOwnerEnforced.Value) return;
                Change(ChangedOwnershipControls, "Set object ownership to BucketOwnerEnforced (ACLs disabled)",
                    () => _s3.PutBucketOwnerEnforced(_name));
            }

            public void Encrypt(string kmsKeyId, NumeraiBucket result)
            {
                var rule = _s3.GetEncryptionRule(_name);
                var algorithm = rule?.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value;
                var keyId = rule?.ServerSideEncryptionByDefault?.ServerSideEncryptionKeyManagementServiceKeyId;
                result.Encryption = algorithm;
                result.KmsKeyId = string.IsNullOrEmpty(keyId) ? null : keyId;

                bool upToDate;
                if (kmsKeyId == null)
                    // Without -KmsKeyId, SSE-S3 is the floor, not a target: a bucket already on a KMS key keeps it,
                    // so a plain re-run never weakens encryption someone chose.
                    upToDate = algorithm == Aes256 || algorithm == AwsKms || algorithm == "aws:kms:dsse";
                else
                    upToDate = algorithm == AwsKms && keyId == kmsKeyId && rule.BucketKeyEnabled == true;
                if (upToDate) return;

                var action = kmsKeyId == null
                    ? "Set default encryption to SSE-S3 (AES256)"
                    : $"Set default encryption to SSE-KMS with key {kmsKeyId} and an S3 Bucket Key";
                if (Change(ChangedEncryption, action, () => _s3.PutEncryption(_name, kmsKeyId)))
                {
                    result.Encryption = kmsKeyId == null ? Aes256 : AwsKms;
                    result.KmsKeyId = kmsKeyId;
                }
            }

            public void EnableVersioning(NumeraiBucket result)
            {
                result.VersioningEnabled = _s3.GetVersioningStatus(_name) == VersionStatus.Enabled.Value;
                if (result.VersioningEnabled) return;
                if (Change(ChangedVersioning, "Enable versioning", () => _s3.EnableVersioning(_name)))
                    result.VersioningEnabled = true;
            }

            public void SetLifecycle(int abortDays, int noncurrentDays, NumeraiBucket result)
            {
                var current = _s3.GetLifecycleRules(_name);
                result.AbortIncompleteMultipartUploadDays = BucketLifecycleRules.AbortDays(current);
                result.NoncurrentVersionExpirationDays = BucketLifecycleRules.NoncurrentDays(current);
                var merged = BucketLifecycleRules.Merge(current, abortDays, noncurrentDays);
                if (merged == null) return;
                var kept = merged.Count - 2;
                var action = $"Set lifecycle rules {BucketLifecycleRules.AbortIncompleteMultipartRuleId} ({abortDays} days) and " +
                             $"{BucketLifecycleRules.ExpireNoncurrentRuleId} ({noncurrentDays} days)" +
                             (kept > 0 ? $", keeping {kept} other rule(s)" : "");
                if (Change(ChangedLifecycle, action, () => _s3.PutLifecycleRules(_name, merged)))
                {
                    result.AbortIncompleteMultipartUploadDays = abortDays;
                    result.NoncurrentVersionExpirationDays = noncurrentDays;
                }
            }

            public void RequireTls(string bucketArn)
            {
                var current = _s3.GetPolicy(_name);
                var merged = BucketPolicyDocument.WithDenyInsecureTransport(current, bucketArn);
                if (merged == null) return;
                var action = $"Add bucket policy statement {BucketPolicyDocument.DenyInsecureTransportSid} (deny requests without TLS)" +
                             (current == null ? "" : ", keeping the policy's other statements");
                Change(ChangedPolicy, action, () => _s3.PutPolicy(_name, merged));
            }

            /// <summary>Adds the tags that are missing; true when the bucket has them all afterwards.</summary>
            public bool Tag(IDictionary<string, string> wanted, IDictionary<string, string> knownTags)
            {
                var current = knownTags ?? _s3.GetTags(_name);
                var missing = wanted.Where(w => !current.TryGetValue(w.Key, out var value) || value != w.Value).ToList();
                if (missing.Count == 0) return true;
                // PutBucketTagging replaces the whole set, so the bucket's other tags go along. Tags with the aws:
                // prefix are AWS's own (CloudFormation and the like) and S3 refuses them in a put request, so they
                // are left out of it.
                var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in current.Where(c => !c.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))) merged[pair.Key] = pair.Value;
                foreach (var pair in wanted) merged[pair.Key] = pair.Value;
                return Change(ChangedTags, "Set tags " + string.Join(", ", missing.Select(m => $"{m.Key}={m.Value}")),
                    () => _s3.PutTags(_name, merged));
            }
        }

        /// <summary>
        /// The S3 calls of this service, each through <see cref="AwsConnection.Call{T}"/>. A Get that finds the
        /// setting not configured returns null: S3 answers that with an error code per setting, which is not a
        /// failure here. NoSuchBucket and every other code still are.
        /// </summary>
        private sealed class S3Calls
        {
            private readonly AwsConnection _connection;
            private readonly CancellationToken _cancellation;

            public S3Calls(AwsConnection connection, CancellationToken cancellation)
            {
                _connection = connection; _cancellation = cancellation;
            }

            private AmazonS3Client Client => _connection.S3;

            private T Read<T>(string operation, Func<System.Threading.Tasks.Task<T>> call, string absentCode = null) where T : class
            {
                try
                {
                    return _connection.Call("S3", operation, false, call);
                }
                catch (AwsServiceException e) when (absentCode != null && e.ErrorCode == absentCode)
                {
                    return null;
                }
            }

            private void Write<T>(string operation, Func<System.Threading.Tasks.Task<T>> call) =>
                _connection.Call("S3", operation, true, call);

            public List<S3Bucket> ListBuckets(string prefix)
            {
                var buckets = new List<S3Bucket>();
                string token = null;
                do
                {
                    var request = new ListBucketsRequest { Prefix = prefix, MaxBuckets = 1000, ContinuationToken = token };
                    var response = Read("ListBuckets", () => Client.ListBucketsAsync(request, _cancellation));
                    if (response.Buckets != null) buckets.AddRange(response.Buckets);
                    token = response.ContinuationToken;
                } while (!string.IsNullOrEmpty(token));
                return buckets;
            }

            public string GetBucketLocation(string name) =>
                Read("GetBucketLocation", () => Client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = name }, _cancellation))
                    .Location?.Value;

            public void CreateBucket(string name, string region)
            {
                // us-east-1 takes no LocationConstraint (S3 refuses one naming it); every other region needs it.
                // Not BucketRegionName: the SDK turns "eu-west-1" there into the legacy "EU", which the
                // eu-west-1 endpoint of an emulator refuses.
                var request = new PutBucketRequest { BucketName = name, UseClientRegion = false };
                if (region != UsEast1)
                    request.PutBucketConfiguration = new PutBucketConfiguration { LocationConstraint = new BucketLocationConstraint(region) };
                Write("PutBucket", () => Client.PutBucketAsync(request, _cancellation));
            }

            public PublicAccessBlockConfiguration GetPublicAccessBlock(string name) =>
                Read("GetPublicAccessBlock", () => Client.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = name }, _cancellation),
                    "NoSuchPublicAccessBlockConfiguration")?.PublicAccessBlockConfiguration;

            public void PutPublicAccessBlock(string name) =>
                Write("PutPublicAccessBlock", () => Client.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
                {
                    BucketName = name,
                    PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
                    {
                        BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true,
                    },
                }, _cancellation));

            public string GetObjectOwnership(string name) =>
                Read("GetBucketOwnershipControls", () => Client.GetBucketOwnershipControlsAsync(new GetBucketOwnershipControlsRequest { BucketName = name }, _cancellation),
                    "OwnershipControlsNotFoundError")?.OwnershipControls?.Rules?.FirstOrDefault()?.ObjectOwnership?.Value;

            public void PutBucketOwnerEnforced(string name) =>
                Write("PutBucketOwnershipControls", () => Client.PutBucketOwnershipControlsAsync(new PutBucketOwnershipControlsRequest
                {
                    BucketName = name,
                    OwnershipControls = new OwnershipControls
                    {
                        Rules = new List<OwnershipControlsRule> { new OwnershipControlsRule { ObjectOwnership = ObjectOwnership.BucketOwnerEnforced } },
                    },
                }, _cancellation));

            public ServerSideEncryptionRule GetEncryptionRule(string name) =>
                Read("GetBucketEncryption", () => Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = name }, _cancellation),
                    "ServerSideEncryptionConfigurationNotFoundError")?.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault();

            public void PutEncryption(string name, string kmsKeyId)
            {
                var rule = kmsKeyId == null
                    ? new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 },
                    }
                    : new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                        {
                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                        },
                        // A Bucket Key cuts the KMS requests (and their cost) for every object write and read.
                        BucketKeyEnabled = true,
                    };
                Write("PutBucketEncryption", () => Client.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                {
                    BucketName = name,
                    ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration { ServerSideEncryptionRules = new List<ServerSideEncryptionRule> { rule } },
                }, _cancellation));
            }

            public string GetVersioningStatus(string name) =>
                Read("GetBucketVersioning", () => Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = name }, _cancellation))
                    .VersioningConfig?.Status?.Value;

            public void EnableVersioning(string name) =>
                Write("PutBucketVersioning", () => Client.PutBucketVersioningAsync(new PutBucketVersioningRequest
                {
                    BucketName = name,
                    VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
                }, _cancellation));

            public List<LifecycleRule> GetLifecycleRules(string name) =>
                Read("GetLifecycleConfiguration", () => Client.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = name }, _cancellation),
                    "NoSuchLifecycleConfiguration")?.Configuration?.Rules ?? new List<LifecycleRule>();

            public void PutLifecycleRules(string name, List<LifecycleRule> rules) =>
                Write("PutLifecycleConfiguration", () => Client.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
                {
                    BucketName = name,
                    Configuration = new LifecycleConfiguration { Rules = rules },
                }, _cancellation));

            public string GetPolicy(string name)
            {
                var response = Read("GetBucketPolicy", () => Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = name }, _cancellation),
                    "NoSuchBucketPolicy");
                if (response == null) return null;
                // The SDK does not throw for a 404 here: it returns a response whose Policy is S3's XML error
                // document. Merging into that would fail, and treating every 404 as "no policy" would hide NoSuchBucket.
                if ((int)response.HttpStatusCode >= 300)
                {
                    var error = ErrorBodies.ParseXml(System.Text.Encoding.UTF8.GetBytes(response.Policy ?? ""));
                    if (error.Code == "NoSuchBucketPolicy") return null;
                    throw new AwsServiceException("S3", "GetBucketPolicy", error.Code, error.Message, response.HttpStatusCode,
                        error.RequestId ?? response.ResponseMetadata?.RequestId);
                }
                return string.IsNullOrWhiteSpace(response.Policy) ? null : response.Policy;
            }

            public void PutPolicy(string name, string policy) =>
                Write("PutBucketPolicy", () => Client.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = name, Policy = policy }, _cancellation));

            public IDictionary<string, string> GetTags(string name)
            {
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                var tagSet = Read("GetBucketTagging", () => Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = name }, _cancellation),
                    "NoSuchTagSet")?.TagSet;
                if (tagSet != null)
                    foreach (var tag in tagSet) tags[tag.Key] = tag.Value ?? "";
                return tags;
            }

            public void PutTags(string name, IDictionary<string, string> tags) =>
                Write("PutBucketTagging", () => Client.PutBucketTaggingAsync(new PutBucketTaggingRequest
                {
                    BucketName = name,
                    TagSet = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
                }, _cancellation));
        }
    }
}
