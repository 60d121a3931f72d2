using System.Collections.Generic;
using System.Threading;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// Passes everything to the cmdlet's host and remembers the changes it declined, so a repair that delegates to
    /// another setup service can tell "nothing needed changing" from "-WhatIf said no".
    /// </summary>
    internal sealed class DeclineRecordingHost : ISetupHost
    {
        private readonly ISetupHost _inner;

        public DeclineRecordingHost(ISetupHost inner) { _inner = inner; }

        public List<string> Declined { get; } = new List<string>();

        public bool ShouldChange(string target, string action)
        {
            if (_inner.ShouldChange(target, action)) return true;
            Declined.Add(action);
            return false;
        }

        public void Info(string message) => _inner.Info(message);
        public void Warn(string message) => _inner.Warn(message);
        public void Progress(string activity, string status, int percent) => _inner.Progress(activity, status, percent);
        public void ProgressDone(string activity) => _inner.ProgressDone(activity);
        public CancellationToken Cancellation => _inner.Cancellation;
    }
}
