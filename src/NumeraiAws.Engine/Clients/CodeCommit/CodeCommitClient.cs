using System.Collections.Generic;
using System.Text.Json;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.CodeCommit
{
    /// <summary>The CodeCommit operations the setup needs (the repository and its tags), on our own JSON 1.1 client.</summary>
    internal sealed class CodeCommitClient
    {
        private readonly AwsConnection _connection;

        public CodeCommitClient(AwsConnection connection)
        {
            _connection = connection;
        }

        public CodeCommitRepository CreateRepository(string repositoryName, string description = null,
            IEnumerable<KeyValuePair<string, string>> tags = null) =>
            CodeCommitResponses.Repository(Send(CodeCommitRequests.CreateRepository(repositoryName, description, tags)));

        public CodeCommitRepository GetRepository(string repositoryName) =>
            CodeCommitResponses.Repository(Send(CodeCommitRequests.GetRepository(repositoryName)));

        /// <summary>The repository, or null when CodeCommit answers RepositoryDoesNotExistException; any other error still throws.</summary>
        public CodeCommitRepository TryGetRepository(string repositoryName)
        {
            try { return GetRepository(repositoryName); }
            catch (AwsServiceException e) when (e.IsNotFound) { return null; }
        }

        /// <summary>
        /// Deletes the repository and returns its id. CodeCommit succeeds without an id when the repository did not
        /// exist, so null here means "nothing was deleted", not an error.
        /// </summary>
        public string DeleteRepository(string repositoryName) =>
            CodeCommitResponses.DeletedRepositoryId(Send(CodeCommitRequests.DeleteRepository(repositoryName)));

        public IReadOnlyList<CodeCommitRepositorySummary> ListRepositories() =>
            Paging.All("CodeCommit", "ListRepositories", token => CodeCommitResponses.RepositoriesPage(Send(CodeCommitRequests.ListRepositories(token))));

        /// <summary>Adds or overwrites tags on a repository; tags not named are left as they are.</summary>
        public void TagResource(string resourceArn, IEnumerable<KeyValuePair<string, string>> tags) =>
            Send(CodeCommitRequests.TagResource(resourceArn, tags));

        public IReadOnlyDictionary<string, string> ListTagsForResource(string resourceArn) =>
            TagMaps.From(Paging.All("CodeCommit", "ListTagsForResource",
                token => CodeCommitResponses.TagsPage(Send(CodeCommitRequests.ListTagsForResource(resourceArn, token)))));

        private JsonElement Send(JsonOperation operation) => operation.SendOn(_connection, ServiceDescription.CodeCommit);
    }
}
