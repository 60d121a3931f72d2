using System;
using System.Threading;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>
    /// How often a wait polls: the first pause, how it grows, and its ceiling. Provisioning takes minutes, so the
    /// pauses grow to spare the API (and its throttling budget), but start short so quick resources return quickly.
    /// </summary>
    public sealed class WaitSchedule
    {
        public TimeSpan FirstPause { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaxPause { get; set; } = TimeSpan.FromSeconds(15);
        public double Growth { get; set; } = 2;

        public static WaitSchedule Default => new WaitSchedule();

        /// <summary>The pause after <paramref name="pause"/>.</summary>
        public TimeSpan Next(TimeSpan pause)
        {
            var grown = TimeSpan.FromTicks((long)Math.Min(pause.Ticks * Math.Max(Growth, 1), MaxPause.Ticks));
            return grown < FirstPause ? FirstPause : grown;
        }
    }

    /// <summary>Time as a wait sees it; replaced in tests so a wait of minutes runs in microseconds.</summary>
    internal interface IWaitClock
    {
        DateTime UtcNow { get; }

        /// <summary>Pauses; throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires.</summary>
        void Sleep(TimeSpan pause, CancellationToken cancellation);
    }

    internal sealed class SystemWaitClock : IWaitClock
    {
        public static readonly SystemWaitClock Instance = new SystemWaitClock();

        public DateTime UtcNow => DateTime.UtcNow;

        public void Sleep(TimeSpan pause, CancellationToken cancellation)
        {
            if (pause <= TimeSpan.Zero) { cancellation.ThrowIfCancellationRequested(); return; }
            // The wait handle wakes at once on Ctrl+C instead of finishing the pause.
            if (cancellation.WaitHandle.WaitOne(pause)) throw new OperationCanceledException(cancellation);
        }
    }

    /// <summary>The end of a wait: the last value polled, and whether the time ran out before it settled.</summary>
    internal sealed class WaitOutcome<T>
    {
        public T Last { get; set; }
        public bool TimedOut { get; set; }
        public TimeSpan Elapsed { get; set; }
        /// <summary>How many times the wait called the poll function (an initial value passed in is not counted).</summary>
        public int Polls { get; set; }
    }

    /// <summary>
    /// Waits for something AWS provisions asynchronously (a SageMaker domain, a user profile) to leave its
    /// transitional states: polls with growing pauses, reports each wait through the host's progress, stops at a
    /// deadline, and gives up at once on cancellation (Ctrl+C). What "settled" means, and what a settled-but-failed
    /// or timed-out value should become, is the caller's business.
    /// </summary>
    internal static class StatusWait
    {
        /// <summary>
        /// Polls until <paramref name="isSettled"/> holds or <paramref name="timeout"/> has passed. The
        /// <paramref name="initial"/> value, when given, is one the caller already read, so it is not read again;
        /// <paramref name="describe"/> gives the status line of the progress record (e.g. "Status Pending").
        /// </summary>
        public static WaitOutcome<T> Until<T>(ISetupHost host, string activity, Func<T> poll, Func<T, bool> isSettled,
            Func<T, string> describe, TimeSpan timeout, T initial = null, WaitSchedule schedule = null, IWaitClock clock = null)
            where T : class
        {
            schedule = schedule ?? WaitSchedule.Default;
            clock = clock ?? SystemWaitClock.Instance;
            var started = clock.UtcNow;
            var deadline = started + timeout;
            var polls = 0;
            var pause = schedule.FirstPause;
            var reported = false;
            try
            {
                var value = initial;
                if (value == null)
                {
                    host.Cancellation.ThrowIfCancellationRequested();
                    value = poll();
                    polls++;
                }
                while (!isSettled(value))
                {
                    var now = clock.UtcNow;
                    var remaining = deadline - now;
                    if (remaining <= TimeSpan.Zero)
                        return new WaitOutcome<T> { Last = value, TimedOut = true, Elapsed = now - started, Polls = polls };

                    // The last pause is cut to the deadline, so the final look happens at the deadline, not after it.
                    var sleep = pause < remaining ? pause : remaining;
                    host.Progress(activity,
                        $"{describe(value)}; {Seconds(now - started)} s elapsed, checking again in {Seconds(sleep)} s (gives up after {Seconds(timeout)} s)",
                        -1);
                    reported = true;
                    clock.Sleep(sleep, host.Cancellation);
                    pause = schedule.Next(pause);
                    host.Cancellation.ThrowIfCancellationRequested();
                    value = poll();
                    polls++;
                }
                return new WaitOutcome<T> { Last = value, TimedOut = false, Elapsed = clock.UtcNow - started, Polls = polls };
            }
            finally
            {
                if (reported) host.ProgressDone(activity);
            }
        }

        private static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
