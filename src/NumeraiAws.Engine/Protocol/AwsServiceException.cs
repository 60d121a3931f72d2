using System;
using System.Net;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// Every error an AWS service returned, from our own clients and from the AWSSDK ones alike, as one type
    /// carrying the AWS error code, message, HTTP status and request id. The cmdlet layer never sees an AWSSDK type.
    /// </summary>
    public sealed class AwsServiceException : NumeraiAwsException
    {
        public AwsServiceException(string service, string operation, string errorCode, string message,
            HttpStatusCode statusCode, string requestId, Exception inner = null)
            : base(KindOf(errorCode, statusCode), ReasonOf(errorCode, statusCode),
                  Compose(service, operation, errorCode, message, requestId),
                  AdviceFor(service, operation, errorCode, statusCode), null, inner)
        {
            Service = service;
            Operation = operation;
            ErrorCode = string.IsNullOrEmpty(errorCode) ? "Unknown" : errorCode;
            AwsMessage = message;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        public string Service { get; }
        public string Operation { get; }
        public string ErrorCode { get; }
        /// <summary>The service's own message, unchanged.</summary>
        public string AwsMessage { get; }
        public HttpStatusCode StatusCode { get; }
        public string RequestId { get; }

        /// <summary>The IAM action that was refused, as "service:Action" (e.g. "iam:CreateUser").</summary>
        public string IamAction => IamActionNames.For(Service, Operation);

        public bool IsAccessDenied => AwsErrorCodes.IsAccessDenied(ErrorCode);
        public bool IsNotFound => AwsErrorCodes.IsNotFound(ErrorCode) || StatusCode == HttpStatusCode.NotFound && ErrorCode == "Unknown";
        public bool IsThrottling => AwsErrorCodes.IsThrottling(ErrorCode);

        private static ErrorKind KindOf(string code, HttpStatusCode status)
        {
            if (AwsErrorCodes.IsAccessDenied(code)) return ErrorKind.PermissionDenied;
            if (AwsErrorCodes.IsNotFound(code)) return ErrorKind.ObjectNotFound;
            if (AwsErrorCodes.IsThrottling(code) || code == "LimitExceeded" || code == "LimitExceededException" || code == "ResourceLimitExceeded") return ErrorKind.LimitsExceeded;
            if (AwsErrorCodes.IsInvalidCredentials(code)) return ErrorKind.AuthenticationError;
            if (code == "EntityAlreadyExists" || code == "BucketAlreadyExists" || code == "ResourceInUse" || code == "RepositoryNameExistsException") return ErrorKind.ResourceExists;
            if ((int)status >= 500) return ErrorKind.ResourceUnavailable;
            if (code == "ValidationError" || code == "ValidationException" || code == "InvalidInput" || code == "MalformedPolicyDocument" || code == "PasswordPolicyViolation") return ErrorKind.InvalidArgument;
            return ErrorKind.InvalidOperation;
        }

        private static string ReasonOf(string code, HttpStatusCode status)
        {
            if (AwsErrorCodes.IsAccessDenied(code)) return "AccessDenied";
            if (AwsErrorCodes.IsThrottling(code)) return "Throttled";
            if (AwsErrorCodes.IsInvalidCredentials(code)) return "InvalidCredentials";
            return "Aws" + (string.IsNullOrEmpty(code) || code == "Unknown" ? "Http" + (int)status : code);
        }

        private static string Compose(string service, string operation, string code, string message, string requestId)
        {
            var text = $"{service} {operation} failed with {code}: {message}";
            if (AwsErrorCodes.IsAccessDenied(code))
                text = $"Access denied: the caller is not allowed to perform {IamActionNames.For(service, operation)}. {message}";
            if (!string.IsNullOrEmpty(requestId)) text += $" (request id {requestId})";
            return text;
        }

        private static string AdviceFor(string service, string operation, string code, HttpStatusCode status)
        {
            if (AwsErrorCodes.IsAccessDenied(code))
                return $"Grant the calling identity the IAM action {IamActionNames.For(service, operation)} (for example through its group), or run as an administrator.";
            if (AwsErrorCodes.IsThrottling(code))
                return "AWS kept throttling after the SDK's retries; wait a minute and run the command again.";
            if (AwsErrorCodes.IsInvalidCredentials(code))
                return "Check the credentials in use (Get-NumeraiAwsIdentity -Debug shows where they came from); renew expired session credentials.";
            if ((int)status >= 500)
                return "AWS reported a server error after retries; run the command again later.";
            return null;
        }
    }
}
