namespace NumeraiAws.Engine.Model
{
    /// <summary>What Repair-NumeraiAccountHardening did about one finding.</summary>
    public enum HardeningRepairStatus
    {
        /// <summary>The change was made.</summary>
        Repaired,
        /// <summary>Nothing to change: the resource was already in the hardened state when the repair looked.</summary>
        NoChange,
        /// <summary>The change was not made: -WhatIf, a declined -Confirm, a passing finding, or one that could not be evaluated.</summary>
        Skipped,
        /// <summary>Only a person can fix this; Steps says exactly how.</summary>
        Manual,
    }

    /// <summary>One result of Repair-NumeraiAccountHardening: the finding it was given and what became of it.</summary>
    public sealed class HardeningRepairResult
    {
        public string CheckId { get; set; }
        public string Resource { get; set; }
        public HardeningRepairStatus Status { get; set; }
        /// <summary>The change made (or that would be made), in words.</summary>
        public string Action { get; set; }
        /// <summary>For Manual: the exact steps, in order. Empty otherwise.</summary>
        public string[] Steps { get; set; } = new string[0];

        public override string ToString() => $"{Status} {CheckId} {Resource}";
    }
}
