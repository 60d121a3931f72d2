using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NumeraiAws.Engine.Clients.CodeCommit
{
    /// <summary>Pure parsers of CodeCommit's JSON responses (camelCase members, except RepositoryMetadata's "Arn").</summary>
    internal static class CodeCommitResponses
    {
        /// <summary>CreateRepository and GetRepository both answer {"repositoryMetadata": {...}}.</summary>
        public static CodeCommitRepository Repository(JsonElement response)
        {
            var m = JsonValues.Object(response, "repositoryMetadata");
            return new CodeCommitRepository
            {
                RepositoryName = JsonValues.String(m, "repositoryName"),
                RepositoryId = JsonValues.String(m, "repositoryId"),
                Arn = JsonValues.String(m, "Arn"),
                Description = JsonValues.String(m, "repositoryDescription"),
                DefaultBranch = JsonValues.String(m, "defaultBranch"),
                CloneUrlHttp = JsonValues.String(m, "cloneUrlHttp"),
                CloneUrlSsh = JsonValues.String(m, "cloneUrlSsh"),
                AccountId = JsonValues.String(m, "accountId"),
                CreationDate = JsonValues.Timestamp(m, "creationDate"),
                LastModifiedDate = JsonValues.Timestamp(m, "lastModifiedDate"),
            };
        }

        /// <summary>DeleteRepository answers with the deleted repository's id, or with none when there was nothing to delete.</summary>
        public static string DeletedRepositoryId(JsonElement response) => JsonValues.String(response, "repositoryId");

        public static Page<CodeCommitRepositorySummary> RepositoriesPage(JsonElement response) =>
            new Page<CodeCommitRepositorySummary>(JsonValues.Objects(response, "repositories").Select(r => new CodeCommitRepositorySummary
            {
                RepositoryName = JsonValues.String(r, "repositoryName"),
                RepositoryId = JsonValues.String(r, "repositoryId"),
            }).ToList(), JsonValues.String(response, "nextToken"));

        public static Page<KeyValuePair<string, string>> TagsPage(JsonElement response) =>
            new Page<KeyValuePair<string, string>>(JsonValues.StringMap(response, "tags").ToList(), JsonValues.String(response, "nextToken"));
    }
}
