using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>Groups of AWS error codes the module treats alike, across services.</summary>
    public static class AwsErrorCodes
    {
        private static readonly HashSet<string> AccessDenied = new HashSet<string>(StringComparer.Ordinal)
        {
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthorizationError", "AllAccessDisabled",
        };

        private static readonly HashSet<string> NotFound = new HashSet<string>(StringComparer.Ordinal)
        {
            "NoSuchEntity", "NoSuchBucket", "ResourceNotFound", "ResourceNotFoundException",
            "RepositoryDoesNotExistException", "NotFound", "NoSuchBucketPolicy", "NoSuchLifecycleConfiguration",
            "ServerSideEncryptionConfigurationNotFoundError", "NoSuchPublicAccessBlockConfiguration",
            "OwnershipControlsNotFoundError",
        };

        private static readonly HashSet<string> Throttling = new HashSet<string>(StringComparer.Ordinal)
        {
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "RequestThrottled",
            "ProvisionedThroughputExceededException", "TransactionInProgressException", "PriorRequestNotComplete",
            "BandwidthLimitExceeded", "EC2ThrottledException",
        };

        private static readonly HashSet<string> InvalidCredentials = new HashSet<string>(StringComparer.Ordinal)
        {
            "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
            "UnrecognizedClientException", "InvalidAccessKeyId", "InvalidToken", "IncompleteSignature",
            "RequestExpired", "MissingAuthenticationToken",
        };

        public static bool IsAccessDenied(string code) => code != null && AccessDenied.Contains(code);
        public static bool IsNotFound(string code) => code != null && NotFound.Contains(code);
        public static bool IsThrottling(string code) => code != null && Throttling.Contains(code);
        public static bool IsInvalidCredentials(string code) => code != null && InvalidCredentials.Contains(code);
    }
}
