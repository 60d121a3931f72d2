using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.S3Control
{
    /// <summary>
    /// The account-level S3 Block Public Access settings, on our own REST-XML client (there is no AWSSDK.S3Control
    /// package here). S3 Control is regional; the setting itself applies to the whole account.
    /// </summary>
    internal sealed class S3ControlClient
    {
        private readonly AwsConnection _connection;

        public S3ControlClient(AwsConnection connection)
        {
            _connection = connection;
        }

        /// <summary>The account's settings, or null when none were ever set (NoSuchPublicAccessBlockConfiguration).</summary>
        public PublicAccessBlockSettings GetPublicAccessBlock(string accountId)
        {
            try
            {
                return S3ControlResponses.PublicAccessBlock(
                    S3ControlRequests.GetPublicAccessBlock(accountId).SendOn(_connection, ServiceDescription.S3Control));
            }
            catch (AwsServiceException e) when (e.ErrorCode == "NoSuchPublicAccessBlockConfiguration")
            {
                return null;
            }
        }

        /// <summary>Replaces the account's settings (Put is create-or-update).</summary>
        public void PutPublicAccessBlock(string accountId, PublicAccessBlockSettings settings) =>
            S3ControlRequests.PutPublicAccessBlock(accountId, settings).SendOn(_connection, ServiceDescription.S3Control);
    }
}
