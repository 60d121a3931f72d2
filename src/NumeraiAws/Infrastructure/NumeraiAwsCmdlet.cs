using System;
using System.Management.Automation;
using NumeraiAws.Engine;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Base of every NumeraiAws cmdlet: turns engine errors into ErrorRecords with stable ids
    /// ("Reason,NumeraiAws.Commands.XxxCommand") and categories, with a recommended action.
    /// </summary>
    public abstract class NumeraiAwsCmdlet : PSCmdlet
    {
        /// <summary>Runs a piece of the cmdlet's work; an engine error becomes a terminating error.</summary>
        protected void Run(Action work)
        {
            try
            {
                work();
            }
            catch (NumeraiAwsException e)
            {
                ThrowTerminatingError(ToErrorRecord(e));
            }
        }

        /// <summary>Like <see cref="Run"/>, but the error is written and the pipeline goes on with the next input.</summary>
        protected void RunPerItem(Action work)
        {
            try
            {
                work();
            }
            catch (NumeraiAwsException e)
            {
                WriteError(ToErrorRecord(e));
            }
        }

        internal static ErrorRecord ToErrorRecord(NumeraiAwsException e)
        {
            var record = new ErrorRecord(e, e.Reason, CategoryOf(e.Kind), e.Target);
            record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = e.RecommendedAction };
            return record;
        }

        internal static ErrorCategory CategoryOf(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case ErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case ErrorKind.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                case ErrorKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case ErrorKind.ConnectionError: return ErrorCategory.ConnectionError;
                case ErrorKind.OperationTimeout: return ErrorCategory.OperationTimeout;
                case ErrorKind.NotImplemented: return ErrorCategory.NotImplemented;
                case ErrorKind.InvalidResult: return ErrorCategory.InvalidResult;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
