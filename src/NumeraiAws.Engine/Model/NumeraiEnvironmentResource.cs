using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Model
{
    /// <summary>One resource of a Numerai environment, as Get-NumeraiEnvironment finds it.</summary>
    public sealed class NumeraiEnvironmentResource
    {
        /// <summary>Bucket, BucketPolicy, IamGroup, IamUser, IamRole, CodeCommitCredential, StudioDomain, StudioUserProfile or Repository.</summary>
        public string Kind { get; set; }
        public string Name { get; set; }
        /// <summary>The ARN or id AWS knows it by.</summary>
        public string Id { get; set; }
        /// <summary>AWS's own state where it has one (InService, Active, ...), else Present.</summary>
        public string State { get; set; }
        /// <summary>What differs from what the NumeraiAws cmdlets would set; empty when nothing does.</summary>
        public IReadOnlyList<string> Drift { get; set; } = Array.Empty<string>();
        public bool InDesiredState => Drift.Count == 0;
        /// <summary>Whether Remove-NumeraiEnvironment deletes it without -IncludeData (buckets and repositories hold data).</summary>
        public bool HoldsData { get; set; }

        public override string ToString() => $"{Kind} {Name}";
    }

    /// <summary>What Remove-NumeraiEnvironment did with one resource.</summary>
    public sealed class NumeraiRemovalResult
    {
        public string Kind { get; set; }
        public string Name { get; set; }
        /// <summary>Removed, Kept (holds data; -IncludeData not given), Skipped (-WhatIf or declined), or Failed.</summary>
        public string Outcome { get; set; }
        public string Detail { get; set; }

        public override string ToString() => $"{Kind} {Name}: {Outcome}";
    }
}
