using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Clients.SageMaker
{
    /// <summary>
    /// The lifecycle status of a SageMaker domain or user profile (both use the same values). The setup waits on
    /// it, so it is an enum rather than a string a typo could silently never match.
    /// </summary>
    public enum SageMakerStatus
    {
        /// <summary>A value this module does not know (AWS added one); <c>RawStatus</c> carries it.</summary>
        Unknown,
        Pending,
        InService,
        Updating,
        Deleting,
        Failed,
        /// <summary>AWS spells it "Update_Failed".</summary>
        UpdateFailed,
        /// <summary>AWS spells it "Delete_Failed".</summary>
        DeleteFailed,
    }

    /// <summary>What happens to a domain's home EFS volume (the users' files) when the domain is deleted.</summary>
    public enum HomeEfsRetention
    {
        /// <summary>Keep the volume; AWS's default, and the only choice that cannot lose work.</summary>
        Retain,
        Delete,
    }

    /// <summary>The answer to CreateDomain: the domain exists from here on, but is Pending until it is InService.</summary>
    public sealed class SageMakerDomainCreated
    {
        public string DomainArn { get; set; }
        public string DomainId { get; set; }
        public string Url { get; set; }
    }

    /// <summary>A SageMaker Studio domain as DescribeDomain reports it.</summary>
    public sealed class SageMakerDomain
    {
        public string DomainId { get; set; }
        public string DomainArn { get; set; }
        public string DomainName { get; set; }
        public SageMakerStatus Status { get; set; }
        /// <summary>The status exactly as AWS sent it, for values <see cref="Status"/> does not know.</summary>
        public string RawStatus { get; set; }
        /// <summary>Why the domain is Failed, Update_Failed or Delete_Failed; null (not empty) otherwise.</summary>
        public string FailureReason { get; set; }
        public string AuthMode { get; set; }
        public string VpcId { get; set; }
        public IReadOnlyList<string> SubnetIds { get; set; } = Array.Empty<string>();
        /// <summary>DefaultUserSettings.ExecutionRole: the role user profiles run as unless they name their own.</summary>
        public string DefaultExecutionRole { get; set; }
        public string Url { get; set; }
        public string HomeEfsFileSystemId { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
    }

    /// <summary>One domain of ListDomains: fewer members than <see cref="SageMakerDomain"/>, as the API returns.</summary>
    public sealed class SageMakerDomainSummary
    {
        public string DomainId { get; set; }
        public string DomainArn { get; set; }
        public string DomainName { get; set; }
        public SageMakerStatus Status { get; set; }
        public string RawStatus { get; set; }
        public string Url { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
    }

    /// <summary>A user profile of a domain as DescribeUserProfile reports it.</summary>
    public sealed class SageMakerUserProfile
    {
        public string DomainId { get; set; }
        public string UserProfileArn { get; set; }
        public string UserProfileName { get; set; }
        public SageMakerStatus Status { get; set; }
        public string RawStatus { get; set; }
        public string FailureReason { get; set; }
        /// <summary>UserSettings.ExecutionRole; null when the profile uses the domain's default role.</summary>
        public string ExecutionRole { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
    }

    /// <summary>One user profile of ListUserProfiles (the API returns no ARN there).</summary>
    public sealed class SageMakerUserProfileSummary
    {
        public string DomainId { get; set; }
        public string UserProfileName { get; set; }
        public SageMakerStatus Status { get; set; }
        public string RawStatus { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
    }
}
