using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NumeraiAws.Engine.Setup;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>The one wait both Studio resources use: backoff, deadline, progress and cancellation, on a fake clock.</summary>
    public sealed class StatusWaitTests
    {
        private sealed class Box
        {
            public Box(string status) { Status = status; }
            public string Status { get; }
        }

        private static Func<Box> Sequence(params string[] statuses)
        {
            var queue = new Queue<string>(statuses);
            return () => new Box(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
        }

        private static WaitOutcome<Box> Wait(RecordingSetupHost host, FakeWaitClock clock, Func<Box> poll, TimeSpan timeout,
            Box initial = null, WaitSchedule schedule = null) =>
            StatusWait.Until(host, "Waiting for the thing", poll, b => b.Status != "Pending", b => "Status " + b.Status,
                timeout, initial, schedule ?? new WaitSchedule(), clock);

        [Fact]
        public void ReturnsAtOnceWithoutSleepingWhenTheFirstLookIsSettled()
        {
            var host = new RecordingSetupHost();
            var clock = new FakeWaitClock();

            var outcome = Wait(host, clock, Sequence("InService"), TimeSpan.FromSeconds(900));

            Assert.False(outcome.TimedOut);
            Assert.Equal("InService", outcome.Last.Status);
            Assert.Equal(1, outcome.Polls);
            Assert.Empty(clock.Sleeps);
            Assert.Empty(host.ProgressRecords);
            Assert.Empty(host.Completed);
        }

        [Fact]
        public void DoesNotPollAgainWhenTheCallersValueIsSettled()
        {
            var polled = 0;
            var outcome = Wait(new RecordingSetupHost(), new FakeWaitClock(), () => { polled++; return new Box("Pending"); },
                TimeSpan.FromSeconds(900), initial: new Box("Failed"));

            Assert.Equal(0, polled);
            Assert.Equal("Failed", outcome.Last.Status);
        }

        [Fact]
        public void PausesGrowByTheFactorUpToTheCeiling()
        {
            var clock = new FakeWaitClock();
            var statuses = Enumerable.Repeat("Pending", 7).Concat(new[] { "InService" }).ToArray();

            var outcome = Wait(new RecordingSetupHost(), clock, Sequence(statuses), TimeSpan.FromSeconds(900));

            Assert.False(outcome.TimedOut);
            Assert.Equal(new[] { 1, 2, 4, 8, 15, 15, 15 }, clock.Sleeps.Select(s => (int)s.TotalSeconds));
            Assert.Equal(8, outcome.Polls);
            Assert.Equal(TimeSpan.FromSeconds(60), outcome.Elapsed);
        }

        [Fact]
        public void StartsWithTheCallersValueThenSleepsBeforeTheFirstPoll()
        {
            var clock = new FakeWaitClock();
            var outcome = Wait(new RecordingSetupHost(), clock, Sequence("InService"), TimeSpan.FromSeconds(900), initial: new Box("Pending"));

            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, clock.Sleeps);
            Assert.Equal(1, outcome.Polls);
            Assert.Equal("InService", outcome.Last.Status);
        }

        [Fact]
        public void TimesOutAtTheDeadlineAfterALastLookThere()
        {
            var clock = new FakeWaitClock();
            var polls = 0;

            var outcome = Wait(new RecordingSetupHost(), clock, () => { polls++; return new Box("Pending"); }, TimeSpan.FromSeconds(10));

            Assert.True(outcome.TimedOut);
            Assert.Equal("Pending", outcome.Last.Status);
            // 1 + 2 + 4 = 7 s, then the 8 s pause is cut to the 3 s left, and the last look is at the deadline itself.
            Assert.Equal(new[] { 1, 2, 4, 3 }, clock.Sleeps.Select(s => (int)s.TotalSeconds));
            Assert.Equal(5, polls);
            Assert.Equal(TimeSpan.FromSeconds(10), outcome.Elapsed);
        }

        [Fact]
        public void CountsTheTimeAPollTakesAgainstTheDeadline()
        {
            var clock = new FakeWaitClock();
            // Each look takes 4 s (a slow API): 4 + 1 + 4 = 9, then only 1 s of the 2 s pause is left.
            var outcome = Wait(new RecordingSetupHost(), clock, () => { clock.Advance(TimeSpan.FromSeconds(4)); return new Box("Pending"); },
                TimeSpan.FromSeconds(10));

            Assert.True(outcome.TimedOut);
            Assert.Equal(new[] { 1, 1 }, clock.Sleeps.Select(s => (int)s.TotalSeconds));
        }

        [Fact]
        public void ReportsProgressBeforeEachPauseAndCompletesIt()
        {
            var host = new RecordingSetupHost();
            var clock = new FakeWaitClock();

            Wait(host, clock, Sequence("Pending", "Pending", "InService"), TimeSpan.FromSeconds(900));

            Assert.Equal(new[]
            {
                ("Waiting for the thing", "Status Pending; 0 s elapsed, checking again in 1 s (gives up after 900 s)"),
                ("Waiting for the thing", "Status Pending; 1 s elapsed, checking again in 2 s (gives up after 900 s)"),
            }, host.ProgressRecords);
            Assert.Equal(new[] { "Waiting for the thing" }, host.Completed);
        }

        [Fact]
        public void CompletesTheProgressRecordWhenThePollThrows()
        {
            var host = new RecordingSetupHost();
            var calls = 0;
            Assert.Throws<InvalidOperationException>(() => Wait(host, new FakeWaitClock(),
                () => ++calls == 1 ? new Box("Pending") : throw new InvalidOperationException("boom"), TimeSpan.FromSeconds(900)));

            Assert.Single(host.ProgressRecords);
            Assert.Equal(new[] { "Waiting for the thing" }, host.Completed);
        }

        [Fact]
        public void StopsOnCancellationDuringTheWait()
        {
            using var stopping = new CancellationTokenSource();
            var host = new RecordingSetupHost(true, stopping.Token);
            var clock = new FakeWaitClock { AfterSleep = stopping.Cancel };
            var polls = 0;

            Assert.ThrowsAny<OperationCanceledException>(() =>
                Wait(host, clock, () => { polls++; return new Box("Pending"); }, TimeSpan.FromSeconds(900)));

            // One pause happened, the cancellation came during it, and no call was made after it.
            Assert.Single(clock.Sleeps);
            Assert.Equal(1, polls);
            Assert.Single(host.Completed);
        }

        [Fact]
        public void MakesNoCallWhenCancelledBeforeItStarts()
        {
            using var stopping = new CancellationTokenSource();
            stopping.Cancel();
            var polls = 0;

            Assert.ThrowsAny<OperationCanceledException>(() => Wait(new RecordingSetupHost(true, stopping.Token), new FakeWaitClock(),
                () => { polls++; return new Box("Pending"); }, TimeSpan.FromSeconds(900)));
            Assert.Equal(0, polls);
        }

        [Fact]
        public void TheRealClockSleepWakesOnCancellation()
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => SystemWaitClock.Instance.Sleep(TimeSpan.FromSeconds(30), stopping.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        }

        [Fact]
        public void RunsOnTheRealClockWithSmallBounds()
        {
            var schedule = new WaitSchedule { FirstPause = TimeSpan.FromMilliseconds(10), MaxPause = TimeSpan.FromMilliseconds(20) };
            var outcome = StatusWait.Until(new RecordingSetupHost(), "real", Sequence("Pending", "Pending", "Pending", "InService"),
                b => b.Status != "Pending", b => b.Status, TimeSpan.FromSeconds(5), null, schedule);

            Assert.False(outcome.TimedOut);
            Assert.Equal(4, outcome.Polls);
        }

        [Theory]
        [InlineData(1, 2, 15, 2)]
        [InlineData(8, 2, 15, 15)]
        [InlineData(15, 2, 15, 15)]
        [InlineData(1, 1, 15, 1)]
        [InlineData(1, 0.5, 15, 1)]   // a factor below 1 never shrinks the pause
        public void NextPause(double current, double growth, double max, double expected)
        {
            var schedule = new WaitSchedule { FirstPause = TimeSpan.FromSeconds(1), Growth = growth, MaxPause = TimeSpan.FromSeconds(max) };
            Assert.Equal(TimeSpan.FromSeconds(expected), schedule.Next(TimeSpan.FromSeconds(current)));
        }
    }
}
