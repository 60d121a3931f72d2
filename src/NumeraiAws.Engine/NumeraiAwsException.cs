using System;

namespace NumeraiAws.Engine
{
    /// <summary>What kind of failure an error is; the cmdlet layer turns it into an ErrorCategory.</summary>
    public enum ErrorKind
    {
        InvalidArgument,
        ObjectNotFound,
        PermissionDenied,
        LimitsExceeded,
        ResourceExists,
        ResourceUnavailable,
        AuthenticationError,
        ConnectionError,
        InvalidOperation,
        OperationTimeout,
        NotImplemented,
        InvalidResult,
    }

    /// <summary>
    /// An error the module reports to the user. <see cref="Reason"/> is stable: it becomes the first part of the
    /// ErrorRecord's FullyQualifiedErrorId ("Reason,NumeraiAws.Commands.XxxCommand"), which scripts may match on.
    /// <see cref="RecommendedAction"/> says what to do about it.
    /// </summary>
    public class NumeraiAwsException : Exception
    {
        public NumeraiAwsException(ErrorKind kind, string reason, string message, string recommendedAction = null,
            object target = null, Exception inner = null)
            : base(message, inner)
        {
            Kind = kind;
            Reason = reason;
            RecommendedAction = recommendedAction;
            Target = target;
        }

        public ErrorKind Kind { get; }
        public string Reason { get; }
        public string RecommendedAction { get; }
        public object Target { get; }
    }
}
