using System;
using NumeraiAws.Engine.Clients.SageMaker;

namespace NumeraiAws.Engine.Setup.Studio
{
    /// <summary>What the Studio waits share: which SageMaker statuses are still moving, and the timeout's bounds.</summary>
    internal static class StudioWaits
    {
        public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

        /// <summary>
        /// Pending and Updating end on their own; every other status (InService, the failures, Deleting, or one this
        /// module does not know) is where waiting stops and the caller decides.
        /// </summary>
        public static bool IsTransitional(SageMakerStatus status) => status == SageMakerStatus.Pending || status == SageMakerStatus.Updating;

        /// <summary>
        /// Waits until <paramref name="poll"/> reports a status that is no longer transitional and returns that last
        /// value; a timeout is an error with <paramref name="timeoutReason"/> that tells the user re-running resumes
        /// the wait. <paramref name="what"/> names the resource in messages ("SageMaker domain 'numerai' (d-...)").
        /// </summary>
        public static T UntilSettled<T>(ISetupHost host, string what, string timeoutReason, Func<T> poll,
            Func<T, SageMakerStatus> status, Func<T, string> rawStatus, TimeSpan timeout, T initial,
            WaitSchedule schedule, IWaitClock clock) where T : class
        {
            var outcome = StatusWait.Until(host, $"Waiting for {what} to be InService", poll,
                value => !IsTransitional(status(value)),
                value => $"Status {rawStatus(value) ?? "unknown"}",
                timeout, initial, schedule, clock);
            if (!outcome.TimedOut) return outcome.Last;
            throw new NumeraiAwsException(ErrorKind.OperationTimeout, timeoutReason,
                $"{what} is still provisioning ({rawStatus(outcome.Last) ?? "status unknown"}) after {timeout.TotalSeconds:0} s. " +
                "Nothing is wrong yet: SageMaker keeps working on it.",
                "Run the command again later (re-running picks it up and waits for it), or give -TimeoutSeconds more time; -NoWait returns without waiting.",
                what);
        }

        public static void ValidateTimeout(TimeSpan timeout) =>
            StudioNames.Check(timeout > TimeSpan.Zero && timeout <= MaxTimeout, "InvalidTimeout", timeout,
                $"The timeout must be between 1 second and {MaxTimeout.TotalSeconds:0} seconds; {timeout.TotalSeconds:0.#} was given.",
                "Pass -TimeoutSeconds with a value such as 900, or -NoWait to not wait at all.");
    }
}
