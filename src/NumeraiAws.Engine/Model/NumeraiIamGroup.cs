namespace NumeraiAws.Engine.Model
{
    /// <summary>
    /// An IAM group of the module (analysts or administrators): the output of New-NumeraiAnalystGroup, and the input
    /// of New-NumeraiAnalystUser (which binds <see cref="GroupName"/>).
    /// </summary>
    public sealed class NumeraiIamGroup
    {
        public string GroupName { get; set; }
        /// <summary>Null when -WhatIf kept the group from being created.</summary>
        public string GroupArn { get; set; }
        public string Path { get; set; }
        /// <summary>Every managed policy attached to the group after this run, sorted (including ones attached by others).</summary>
        public string[] AttachedPolicyArns { get; set; } = new string[0];
        public bool Created { get; set; }
        /// <summary>What this run changed (e.g. "Group", "Attached arn:..."); empty when nothing had to change.</summary>
        public string[] Changed { get; set; } = new string[0];
    }
}
