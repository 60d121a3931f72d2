using System;
using System.Collections.Generic;

namespace NumeraiAws.Engine.Clients.CodeCommit
{
    /// <summary>
    /// The CodeCommit (JSON 1.1) requests the module sends, as pure builders. Unlike SageMaker, CodeCommit's members
    /// are camelCase and its tags are a map, per the CodeCommit API reference (API version 2015-04-13).
    /// </summary>
    internal static class CodeCommitRequests
    {
        public static JsonOperation CreateRepository(string repositoryName, string description, IEnumerable<KeyValuePair<string, string>> tags) =>
            new JsonOperation("CreateRepository", true, new Dictionary<string, object>
            {
                ["repositoryName"] = Require.NotEmpty(repositoryName, nameof(repositoryName)),
                ["repositoryDescription"] = description,
                ["tags"] = TagMap(tags),
            });

        public static JsonOperation GetRepository(string repositoryName) =>
            new JsonOperation("GetRepository", false, new Dictionary<string, object>
            {
                ["repositoryName"] = Require.NotEmpty(repositoryName, nameof(repositoryName)),
            });

        public static JsonOperation DeleteRepository(string repositoryName) =>
            new JsonOperation("DeleteRepository", true, new Dictionary<string, object>
            {
                ["repositoryName"] = Require.NotEmpty(repositoryName, nameof(repositoryName)),
            });

        /// <summary>ListRepositories takes no page size; only the continuation token.</summary>
        public static JsonOperation ListRepositories(string nextToken) =>
            new JsonOperation("ListRepositories", false, new Dictionary<string, object>
            {
                ["nextToken"] = nextToken,
            });

        public static JsonOperation TagResource(string resourceArn, IEnumerable<KeyValuePair<string, string>> tags) =>
            new JsonOperation("TagResource", true, new Dictionary<string, object>
            {
                ["resourceArn"] = Require.NotEmpty(resourceArn, nameof(resourceArn)),
                // tags is required by TagResource, so an absent map is sent as an empty one.
                ["tags"] = TagMap(tags) ?? new Dictionary<string, string>(),
            });

        public static JsonOperation ListTagsForResource(string resourceArn, string nextToken) =>
            new JsonOperation("ListTagsForResource", false, new Dictionary<string, object>
            {
                ["resourceArn"] = Require.NotEmpty(resourceArn, nameof(resourceArn)),
                ["nextToken"] = nextToken,
            });

        // A JSON object cannot hold a key twice; the last value given for a key is the one sent.
        private static Dictionary<string, string> TagMap(IEnumerable<KeyValuePair<string, string>> tags)
        {
            if (tags == null) return null;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tags) map[tag.Key] = tag.Value ?? "";
            return map;
        }
    }
}
