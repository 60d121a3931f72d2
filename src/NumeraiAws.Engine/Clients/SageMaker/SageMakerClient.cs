using System.Collections.Generic;
using System.Text.Json;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.SageMaker
{
    /// <summary>
    /// The SageMaker operations the setup needs (Studio domain, user profiles, tags), on our own JSON 1.1 client,
    /// because the module carries no AWSSDK.SageMaker package (see <see cref="ProtocolClient"/>).
    /// </summary>
    internal sealed class SageMakerClient
    {
        private readonly AwsConnection _connection;

        public SageMakerClient(AwsConnection connection)
        {
            _connection = connection;
        }

        /// <summary>
        /// One attempt only: domain names are not unique, so a retry after a create whose answer was lost would make
        /// a second domain of the same name; the caller looks for the domain after a failure (StudioDomainService).
        /// </summary>
        public SageMakerDomainCreated CreateDomain(string domainName, string authMode, string vpcId, IEnumerable<string> subnetIds,
            string executionRoleArn, IEnumerable<KeyValuePair<string, string>> tags = null)
        {
            var operation = SageMakerRequests.CreateDomain(domainName, authMode, vpcId, subnetIds, executionRoleArn, tags);
            return SageMakerResponses.CreateDomain(_connection.SendJsonSingleAttempt(ServiceDescription.SageMaker, operation.Name, operation.IsWrite, operation.Body));
        }

        public SageMakerDomain DescribeDomain(string domainId) =>
            SageMakerResponses.Domain(Send(SageMakerRequests.DescribeDomain(domainId)));

        /// <summary>The domain, or null when SageMaker answers ResourceNotFound; any other error still throws.</summary>
        public SageMakerDomain TryDescribeDomain(string domainId)
        {
            try { return DescribeDomain(domainId); }
            catch (AwsServiceException e) when (e.IsNotFound) { return null; }
        }

        /// <summary>Every domain in the region, all pages. <paramref name="pageSize"/> is MaxResults; null leaves it to AWS.</summary>
        public IReadOnlyList<SageMakerDomainSummary> ListDomains(int? pageSize = null) =>
            Paging.All("SageMaker", "ListDomains", token => SageMakerResponses.DomainsPage(Send(SageMakerRequests.ListDomains(token, pageSize))));

        /// <summary>Starts the deletion; the domain goes through Deleting before it is gone.</summary>
        public void DeleteDomain(string domainId, HomeEfsRetention homeEfsFileSystem) =>
            Send(SageMakerRequests.DeleteDomain(domainId, homeEfsFileSystem));

        /// <summary>Creates a user profile and returns its ARN; a null role means the domain's default role.</summary>
        public string CreateUserProfile(string domainId, string userProfileName, string executionRoleArn = null,
            IEnumerable<KeyValuePair<string, string>> tags = null) =>
            SageMakerResponses.UserProfileArn(Send(SageMakerRequests.CreateUserProfile(domainId, userProfileName, executionRoleArn, tags)));

        public SageMakerUserProfile DescribeUserProfile(string domainId, string userProfileName) =>
            SageMakerResponses.UserProfile(Send(SageMakerRequests.DescribeUserProfile(domainId, userProfileName)));

        /// <summary>The profile, or null when SageMaker answers ResourceNotFound; any other error still throws.</summary>
        public SageMakerUserProfile TryDescribeUserProfile(string domainId, string userProfileName)
        {
            try { return DescribeUserProfile(domainId, userProfileName); }
            catch (AwsServiceException e) when (e.IsNotFound) { return null; }
        }

        public IReadOnlyList<SageMakerUserProfileSummary> ListUserProfiles(string domainId, int? pageSize = null) =>
            Paging.All("SageMaker", "ListUserProfiles", token => SageMakerResponses.UserProfilesPage(Send(SageMakerRequests.ListUserProfiles(domainId, token, pageSize))));

        public void DeleteUserProfile(string domainId, string userProfileName) =>
            Send(SageMakerRequests.DeleteUserProfile(domainId, userProfileName));

        /// <summary>Adds or overwrites tags on any SageMaker resource; tags not named are left as they are.</summary>
        public void AddTags(string resourceArn, IEnumerable<KeyValuePair<string, string>> tags) =>
            Send(SageMakerRequests.AddTags(resourceArn, tags));

        public IReadOnlyDictionary<string, string> ListTags(string resourceArn, int? pageSize = null) =>
            TagMaps.From(Paging.All("SageMaker", "ListTags", token => SageMakerResponses.TagsPage(Send(SageMakerRequests.ListTags(resourceArn, token, pageSize)))));

        private JsonElement Send(JsonOperation operation) => operation.SendOn(_connection, ServiceDescription.SageMaker);
    }
}
