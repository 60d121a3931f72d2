using System;

namespace NumeraiAws.Engine.Connection
{
    /// <summary>One AWS API call as the module made it: what the -Verbose stream and the call history show.</summary>
    public sealed class AwsCallRecord
    {
        public AwsCallRecord(string service, string operation, bool isWrite, TimeSpan duration, string requestId, string errorCode, DateTime startedUtc)
        {
            Service = service; Operation = operation; IsWrite = isWrite; Duration = duration;
            RequestId = requestId; ErrorCode = errorCode; StartedUtc = startedUtc;
        }

        public string Service { get; }
        public string Operation { get; }
        /// <summary>True for calls that change state in AWS (Create*, Put*, Attach*, ...).</summary>
        public bool IsWrite { get; }
        public TimeSpan Duration { get; }
        public string RequestId { get; }
        /// <summary>The AWS error code when the call failed; null on success.</summary>
        public string ErrorCode { get; }
        public DateTime StartedUtc { get; }

        public override string ToString() =>
            $"{Service} {Operation} {(ErrorCode == null ? "ok" : ErrorCode)} in {Duration.TotalMilliseconds:0} ms (request id {RequestId ?? "none"})";
    }

    /// <summary>Told of every AWS call; the cmdlet layer writes each to -Verbose.</summary>
    public interface ICallObserver
    {
        void OnCall(AwsCallRecord record);
        /// <summary>A diagnostic message (never a secret) for -Debug.</summary>
        void OnDebug(string message);
    }
}
