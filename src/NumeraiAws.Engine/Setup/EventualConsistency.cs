using System;
using System.Threading;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>
    /// IAM is eventually consistent: a user, group, role or policy created a moment ago may be invisible to the next
    /// call for some seconds ("NoSuchEntity", or "role cannot be assumed" from SageMaker). The next step is retried
    /// with growing pauses within a bound, instead of failing the run.
    /// </summary>
    public static class EventualConsistency
    {
        public static TimeSpan DefaultBound = TimeSpan.FromSeconds(60);

        public static T Retry<T>(ISetupHost host, string what, Func<T> step, Func<AwsServiceException, bool> isPropagationDelay, TimeSpan? bound = null)
        {
            var deadline = DateTime.UtcNow + (bound ?? DefaultBound);
            var pause = TimeSpan.FromMilliseconds(500);
            while (true)
            {
                try
                {
                    return step();
                }
                catch (AwsServiceException e) when (isPropagationDelay(e) && DateTime.UtcNow + pause < deadline)
                {
                    host.Info($"{what}: {e.ErrorCode}; IAM changes take seconds to propagate, retrying in {pause.TotalSeconds:0.#} s.");
                    if (host.Cancellation.WaitHandle.WaitOne(pause)) throw new OperationCanceledException(host.Cancellation);
                    pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 8000));
                }
            }
        }

        public static void Retry(ISetupHost host, string what, Action step, Func<AwsServiceException, bool> isPropagationDelay, TimeSpan? bound = null) =>
            Retry(host, what, () => { step(); return true; }, isPropagationDelay, bound);

        /// <summary>The usual signature of a just-created IAM entity not yet visible.</summary>
        public static bool IsNotYetVisible(AwsServiceException e) => e.IsNotFound;
    }
}
