namespace NumeraiAws.Engine.Model
{
    /// <summary>
    /// The customer managed policy that gives analysts access to the Numerai bucket: the output of
    /// New-NumeraiBucketPolicy, and the input of New-NumeraiAnalystGroup (which binds <see cref="PolicyArn"/>).
    /// </summary>
    public sealed class NumeraiBucketPolicy
    {
        public string PolicyName { get; set; }
        public string PolicyArn { get; set; }
        /// <summary>The IAM path, /numerai/.</summary>
        public string Path { get; set; }
        /// <summary>The bucket the default version grants access to.</summary>
        public string BucketName { get; set; }
        /// <summary>The default version's id (v1, v2, ...); null when -WhatIf kept the policy from being created.</summary>
        public string DefaultVersionId { get; set; }
        /// <summary>True only when this run created the policy.</summary>
        public bool Created { get; set; }
        /// <summary>What this run changed (e.g. "Policy", "PolicyVersion v2", "DeletedVersion v1"); empty when nothing had to change.</summary>
        public string[] Changed { get; set; } = new string[0];
    }
}
