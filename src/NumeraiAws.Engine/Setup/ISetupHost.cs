using System.Threading;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>
    /// What a setup service needs from whoever runs it, without knowing it is PowerShell: permission for each
    /// change (ShouldProcess, so -WhatIf makes no write call), a place to say what it did (-Verbose) and what needs attention (warnings), progress for
    /// long waits (Write-Progress), and cancellation (Ctrl+C).
    /// </summary>
    public interface ISetupHost
    {
        /// <summary>Asks whether to make a change; false means skip it (and everything that depends on it).</summary>
        bool ShouldChange(string target, string action);

        /// <summary>Says what was done or found, for -Verbose. Never pass a secret.</summary>
        void Info(string message);

        /// <summary>Says something the user should act on but that does not stop the run (Write-Warning).</summary>
        void Warn(string message);

        /// <summary>Reports a long wait; percent is -1 when unknown.</summary>
        void Progress(string activity, string status, int percent);

        /// <summary>Ends the progress record of <paramref name="activity"/>.</summary>
        void ProgressDone(string activity);

        CancellationToken Cancellation { get; }
    }
}
