using System;
using System.Collections.Generic;
using System.Threading;
using NumeraiAws.Engine.Setup;

namespace NumeraiAws.Engine.Tests.Setup
{
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
