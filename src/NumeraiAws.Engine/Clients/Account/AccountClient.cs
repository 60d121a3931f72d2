using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Account
{
    /// <summary>
    /// The account's alternate contacts, on our own REST-JSON client. Account Management is a global service: the
    /// connection signs it for the partition's global region (us-east-1 in the aws partition), whatever -Region is.
    /// </summary>
    internal sealed class AccountClient
    {
        private readonly AwsConnection _connection;

        public AccountClient(AwsConnection connection)
        {
            _connection = connection;
        }

        /// <summary>The contact, or null when none of that type is set (AWS answers ResourceNotFoundException).</summary>
        public AlternateContact GetAlternateContact(AlternateContactType type)
        {
            try
            {
                return AccountResponses.AlternateContact(
                    AccountRequests.GetAlternateContact(type).SendOn(_connection, ServiceDescription.Account), type);
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                return null;
            }
        }

        /// <summary>Sets the contact of that type, replacing any there was: Put is AWS's create-or-update.</summary>
        public void PutAlternateContact(AlternateContactType type, string name, string title, string emailAddress, string phoneNumber) =>
            AccountRequests.PutAlternateContact(type, name, title, emailAddress, phoneNumber).SendOn(_connection, ServiceDescription.Account);
    }
}
