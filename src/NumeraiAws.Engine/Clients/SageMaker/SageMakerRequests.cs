using System.Collections.Generic;
using System.Linq;

namespace NumeraiAws.Engine.Clients.SageMaker
{
    /// <summary>
    /// The SageMaker (JSON 1.1, PascalCase members) requests the module sends, as pure builders. Member names follow
    /// the SageMaker API reference (API version 2017-07-24).
    /// </summary>
    internal static class SageMakerRequests
    {
        public static JsonOperation CreateDomain(string domainName, string authMode, string vpcId, IEnumerable<string> subnetIds,
            string executionRoleArn, IEnumerable<KeyValuePair<string, string>> tags)
        {
            return new JsonOperation("CreateDomain", true, new Dictionary<string, object>
            {
                ["DomainName"] = Require.NotEmpty(domainName, nameof(domainName)),
                ["AuthMode"] = Require.NotEmpty(authMode, nameof(authMode)),
                // DefaultUserSettings is a required member even when it carries nothing, so it is always sent.
                ["DefaultUserSettings"] = new Dictionary<string, object> { ["ExecutionRole"] = executionRoleArn },
                ["SubnetIds"] = subnetIds?.ToList(),
                ["VpcId"] = vpcId,
                ["Tags"] = TagList(tags),
            });
        }

        public static JsonOperation DescribeDomain(string domainId) =>
            new JsonOperation("DescribeDomain", false, new Dictionary<string, object>
            {
                ["DomainId"] = Require.NotEmpty(domainId, nameof(domainId)),
            });

        public static JsonOperation ListDomains(string nextToken, int? maxResults = null) =>
            new JsonOperation("ListDomains", false, new Dictionary<string, object>
            {
                ["NextToken"] = nextToken,
                ["MaxResults"] = maxResults,
            });

        /// <summary>
        /// The retention policy is always sent, even for AWS's own default (Retain), so what happens to the users'
        /// files is decided here and visible in the request, not left to a service default.
        /// </summary>
        public static JsonOperation DeleteDomain(string domainId, HomeEfsRetention homeEfsFileSystem) =>
            new JsonOperation("DeleteDomain", true, new Dictionary<string, object>
            {
                ["DomainId"] = Require.NotEmpty(domainId, nameof(domainId)),
                ["RetentionPolicy"] = new Dictionary<string, object>
                {
                    ["HomeEfsFileSystem"] = homeEfsFileSystem == HomeEfsRetention.Delete ? "Delete" : "Retain",
                },
            });

        public static JsonOperation CreateUserProfile(string domainId, string userProfileName, string executionRoleArn,
            IEnumerable<KeyValuePair<string, string>> tags)
        {
            return new JsonOperation("CreateUserProfile", true, new Dictionary<string, object>
            {
                ["DomainId"] = Require.NotEmpty(domainId, nameof(domainId)),
                ["UserProfileName"] = Require.NotEmpty(userProfileName, nameof(userProfileName)),
                // Without a role of its own the profile inherits the domain's default, so UserSettings is left out
                // entirely rather than sent empty.
                ["UserSettings"] = executionRoleArn == null ? null : new Dictionary<string, object> { ["ExecutionRole"] = executionRoleArn },
                ["Tags"] = TagList(tags),
            });
        }

        public static JsonOperation DescribeUserProfile(string domainId, string userProfileName) =>
            new JsonOperation("DescribeUserProfile", false, new Dictionary<string, object>
            {
                ["DomainId"] = Require.NotEmpty(domainId, nameof(domainId)),
                ["UserProfileName"] = Require.NotEmpty(userProfileName, nameof(userProfileName)),
            });

        /// <summary>ListUserProfiles lists every domain's profiles unless filtered; DomainIdEquals scopes it to one.</summary>
        public static JsonOperation ListUserProfiles(string domainId, string nextToken, int? maxResults = null) =>
            new JsonOperation("ListUserProfiles", false, new Dictionary<string, object>
            {
                ["DomainIdEquals"] = Require.NotEmpty(domainId, nameof(domainId)),
                ["NextToken"] = nextToken,
                ["MaxResults"] = maxResults,
            });

        public static JsonOperation DeleteUserProfile(string domainId, string userProfileName) =>
            new JsonOperation("DeleteUserProfile", true, new Dictionary<string, object>
            {
                ["DomainId"] = Require.NotEmpty(domainId, nameof(domainId)),
                ["UserProfileName"] = Require.NotEmpty(userProfileName, nameof(userProfileName)),
            });

        public static JsonOperation AddTags(string resourceArn, IEnumerable<KeyValuePair<string, string>> tags) =>
            new JsonOperation("AddTags", true, new Dictionary<string, object>
            {
                ["ResourceArn"] = Require.NotEmpty(resourceArn, nameof(resourceArn)),
                // Tags is required by AddTags, so an absent list is sent as an empty one.
                ["Tags"] = TagList(tags) ?? new List<object>(),
            });

        public static JsonOperation ListTags(string resourceArn, string nextToken, int? maxResults = null) =>
            new JsonOperation("ListTags", false, new Dictionary<string, object>
            {
                ["ResourceArn"] = Require.NotEmpty(resourceArn, nameof(resourceArn)),
                ["NextToken"] = nextToken,
                ["MaxResults"] = maxResults,
            });

        /// <summary>
        /// SageMaker's tags are a list of {Key, Value} objects (CodeCommit's are a map); the caller's order is kept.
        /// Value is a required member, so a null value is sent as "" rather than left out.
        /// </summary>
        private static List<object> TagList(IEnumerable<KeyValuePair<string, string>> tags) =>
            tags?.Select(t => (object)new Dictionary<string, object> { ["Key"] = t.Key, ["Value"] = t.Value ?? "" }).ToList();
    }
}
