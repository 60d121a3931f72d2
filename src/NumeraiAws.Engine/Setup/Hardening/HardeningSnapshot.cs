using System;
using System.Collections.Generic;
using NumeraiAws.Engine.Clients.Account;
using NumeraiAws.Engine.Clients.Budgets;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.S3Control;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// One piece of account state, read at most once and only when a check asks for it. A read that AWS refused
    /// is remembered, and every check that needs the piece reports Error naming the missing permission.
    /// </summary>
    internal sealed class SnapshotPart<T>
    {
        private readonly Func<T> _load;
        private bool _done;
        private T _value;
        private NumeraiAwsException _error;

        private SnapshotPart(Func<T> load) { _load = load; }

        public static SnapshotPart<T> Lazy(Func<T> load) => new SnapshotPart<T>(load);
        public static SnapshotPart<T> Of(T value) => new SnapshotPart<T>(null) { _done = true, _value = value };
        public static SnapshotPart<T> Failed(NumeraiAwsException error) => new SnapshotPart<T>(null) { _done = true, _error = error };

        /// <summary>The value; throws <see cref="SnapshotUnavailableException"/> when AWS refused to give it.</summary>
        public T Value
        {
            get
            {
                if (!_done)
                {
                    try { _value = _load(); }
                    // A refused or failed read spoils only the checks that need it. Bad credentials or no network
                    // would spoil every check the same way: those end the audit instead.
                    catch (NumeraiAwsException e) when (e.Kind != ErrorKind.AuthenticationError && e.Kind != ErrorKind.ConnectionError) { _error = e; }
                    _done = true;
                }
                if (_error != null) throw new SnapshotUnavailableException(_error);
                return _value;
            }
        }
    }

    /// <summary>A piece of the snapshot could not be read: the checks that need it cannot be evaluated.</summary>
    internal sealed class SnapshotUnavailableException : Exception
    {
        public SnapshotUnavailableException(NumeraiAwsException cause) : base(cause.Message, cause) { Cause = cause; }
        public NumeraiAwsException Cause { get; }
        /// <summary>The IAM action AWS refused ("iam:GetCredentialReport"); null when the failure was not AccessDenied.</summary>
        public string MissingPermission => Cause is AwsServiceException aws && aws.IsAccessDenied ? aws.IamAction : null;
    }

    internal sealed class CallerIdentity
    {
        public string AccountId { get; set; }
        public string Arn { get; set; }
        public bool IsRoot { get; set; }
        public string Partition { get; set; }
        public string RootArn => $"arn:{Partition}:iam::{AccountId}:root";
    }

    /// <summary>One S3 bucket and its security settings, each read only when a check needs it.</summary>
    internal sealed class BucketState
    {
        public string Name { get; set; }
        public string Region { get; set; }
        /// <summary>Null when the bucket has no Block Public Access configuration.</summary>
        public SnapshotPart<PublicAccessBlockSettings> PublicAccessBlock { get; set; }
        /// <summary>The policy JSON; null when the bucket has none.</summary>
        public SnapshotPart<string> Policy { get; set; }
        /// <summary>BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter; null when not set.</summary>
        public SnapshotPart<string> ObjectOwnership { get; set; }
        /// <summary>The number of enabled lifecycle rules (0 when there is no configuration).</summary>
        public SnapshotPart<int> EnabledLifecycleRules { get; set; }
        /// <summary>Enabled or Suspended; null when versioning was never enabled.</summary>
        public SnapshotPart<string> Versioning { get; set; }
        /// <summary>The bucket's tags (empty when it has none).</summary>
        public SnapshotPart<IReadOnlyDictionary<string, string>> Tags { get; set; }

        public bool IsManaged =>
            Tags.Value.TryGetValue(NumeraiConventions.ManagedTagKey, out var managed) && managed == NumeraiConventions.ManagedTagValue;
    }

    internal sealed class BudgetState
    {
        public BudgetDescription Budget { get; set; }
        public SnapshotPart<IReadOnlyList<BudgetNotification>> Notifications { get; set; }
    }

    /// <summary>
    /// The account state every check reads, loaded once per audit: the credential report and the authorization
    /// details (so user checks cost a fixed number of calls, however many users there are), the account summary,
    /// the password policy, the buckets, and so on. Tests build one from values.
    /// </summary>
    internal sealed class HardeningSnapshot
    {
        public DateTime Now { get; set; } = DateTime.UtcNow;
        public SnapshotPart<CallerIdentity> Identity { get; set; }
        public SnapshotPart<IReadOnlyDictionary<string, int>> AccountSummary { get; set; }
        public SnapshotPart<CredentialReport> CredentialReport { get; set; }
        public SnapshotPart<IamAccountAuthorizationDetails> Authorization { get; set; }
        /// <summary>Null when the account has no password policy.</summary>
        public SnapshotPart<IamPasswordPolicy> PasswordPolicy { get; set; }
        public SnapshotPart<IReadOnlyList<IamVirtualMfaDevice>> AssignedVirtualMfaDevices { get; set; }
        /// <summary>Per type; a type that is not set maps to null.</summary>
        public SnapshotPart<IReadOnlyDictionary<AlternateContactType, AlternateContact>> AlternateContacts { get; set; }
        /// <summary>The names of the roles AWSSupportAccess is attached to.</summary>
        public SnapshotPart<IReadOnlyList<string>> SupportRoles { get; set; }
        /// <summary>Null when the account has no Block Public Access configuration.</summary>
        public SnapshotPart<PublicAccessBlockSettings> AccountPublicAccessBlock { get; set; }
        public SnapshotPart<IReadOnlyList<BucketState>> Buckets { get; set; }
        public SnapshotPart<IReadOnlyList<BudgetState>> Budgets { get; set; }
    }
}
