using System;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>
    /// A create that AWS neither deduplicates nor refuses as a duplicate (a SageMaker domain, a service-specific
    /// credential) is sent in a single attempt. When the attempt fails in a way that may hide success (a 5xx, a
    /// dropped connection, a timeout, throttling), the caller's lookup says whether it took effect; only if it did
    /// not is the create tried again, a bounded number of times. A blind retry would make a second one.
    /// </summary>
    internal static class UnsureWrite
    {
        public const int Attempts = 3;

        /// <summary>Failures after which the write may or may not have taken effect, and a retry may succeed.</summary>
        public static bool IsTransient(NumeraiAwsException e) =>
            e.Kind == ErrorKind.ConnectionError || e.Kind == ErrorKind.OperationTimeout ||
            e is AwsServiceException aws && (aws.IsThrottling || (int)aws.StatusCode >= 500);

        /// <param name="create">One attempt of the write.</param>
        /// <param name="findEffect">What the write made, if an attempt that failed took effect after all; else null.</param>
        public static T Run<T>(ISetupHost host, string what, Func<T> create, Func<T> findEffect) where T : class
        {
            var pause = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return create();
                }
                catch (NumeraiAwsException e) when (IsTransient(e))
                {
                    var effect = findEffect();
                    if (effect != null)
                    {
                        host.Info($"{what}: the answer was lost ({e.Reason}), but the write took effect; carrying on with it.");
                        return effect;
                    }
                    if (attempt >= Attempts) throw;
                    host.Info($"{what}: {e.Reason}, and it did not take effect; trying again in {pause.TotalSeconds:0} s.");
                    if (host.Cancellation.WaitHandle.WaitOne(pause)) throw new OperationCanceledException(host.Cancellation);
                    pause = TimeSpan.FromTicks(pause.Ticks * 2);
                }
            }
        }
    }
}
