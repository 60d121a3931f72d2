using System;
using System.Collections.Generic;
using System.Threading;
using NumeraiAws.Engine.Setup;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>An ISetupHost that answers ShouldChange as told and records what the service said and showed.</summary>
    internal sealed class RecordingSetupHost : ISetupHost
    {
        private readonly Func<string, string, bool> _allow;

        public RecordingSetupHost(bool allowChanges = true, CancellationToken cancellation = default)
            : this((target, action) => allowChanges, cancellation) { }

        public RecordingSetupHost(Func<string, string, bool> allow, CancellationToken cancellation = default)
        {
            _allow = allow;
            Cancellation = cancellation;
        }

        public List<(string Target, string Action)> Asked { get; } = new List<(string, string)>();
        public List<string> Messages { get; } = new List<string>();
        public List<(string Activity, string Status)> ProgressRecords { get; } = new List<(string, string)>();
        public List<string> Completed { get; } = new List<string>();
        public CancellationToken Cancellation { get; }

        public bool ShouldChange(string target, string action)
        {
            Asked.Add((target, action));
            return _allow(target, action);
        }

        public void Info(string message) => Messages.Add(message);
        public void Progress(string activity, string status, int percent) => ProgressRecords.Add((activity, status));
        public void ProgressDone(string activity) => Completed.Add(activity);
    }

    /// <summary>A clock that moves only when the wait sleeps (and, optionally, by a fixed cost per poll).</summary>
    internal sealed class FakeWaitClock : IWaitClock
    {
        public FakeWaitClock(DateTime? start = null) { UtcNow = start ?? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc); }

        public DateTime UtcNow { get; private set; }
        public List<TimeSpan> Sleeps { get; } = new List<TimeSpan>();
        /// <summary>Called after each sleep, e.g. to cancel in the middle of a wait.</summary>
        public Action AfterSleep { get; set; }

        public void Advance(TimeSpan by) => UtcNow += by;

        public void Sleep(TimeSpan pause, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            Sleeps.Add(pause);
            UtcNow += pause;
            AfterSleep?.Invoke();
        }
    }
}
