using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NumeraiAws.Engine.Setup.Repository
{
    /// <summary>What New-NumeraiRepository asks for.</summary>
    public sealed class RepositoryRequest
    {
        public const string DefaultDescription = "Numerai tournament models and pipelines (NumeraiAws)";

        public string RepositoryName { get; set; } = NumeraiConventions.RepositoryName;
        public string Description { get; set; } = DefaultDescription;
        /// <summary>The user's tags, added to the module's own (theirs win on a shared key).</summary>
        public IDictionary<string, string> Tags { get; set; }

        /// <summary>Rejects bad input before any AWS call.</summary>
        public void Validate()
        {
            RepositoryNames.ValidateName(RepositoryName);
            RepositoryNames.ValidateDescription(Description);
            RepositoryNames.ValidateTags(Tags);
        }
    }

    /// <summary>CodeCommit's rules for repository names, descriptions and tags (CodeCommit API reference).</summary>
    public static class RepositoryNames
    {
        // ECMAScript keeps \w to ASCII letters, digits and underscore, as CodeCommit means it.
        private static readonly Regex Name = new Regex(@"^[\w.-]{1,100}$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
        public const int MaxDescription = 1000;
        public const int MaxTags = 50;

        public static bool IsValidName(string name) =>
            name != null && Name.IsMatch(name) && !name.EndsWith(".git", StringComparison.OrdinalIgnoreCase);

        public static void ValidateName(string name)
        {
            if (IsValidName(name)) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidRepositoryName",
                $"'{name}' is not a valid CodeCommit repository name: it must be 1 to 100 letters, digits, periods, underscores and hyphens, and must not end in .git.",
                "Pass -Name with a name such as 'numerai-tournament'.", name);
        }

        public static void ValidateDescription(string description)
        {
            if (description == null || description.Length <= MaxDescription) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidRepositoryDescription",
                $"The description has {description.Length} characters; CodeCommit accepts at most {MaxDescription}.",
                "Pass a shorter -Description.", null);
        }

        public static void ValidateTags(IDictionary<string, string> tags)
        {
            if (tags == null) return;
            string problem = null;
            if (tags.Count > MaxTags - 2) problem = $"{tags.Count} tags were given; with the module's own two, a repository takes at most {MaxTags}.";
            foreach (var tag in tags.Where(_ => problem == null))
            {
                if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128) problem = $"The tag key '{tag.Key}' must have 1 to 128 characters.";
                else if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) problem = $"The tag key '{tag.Key}' starts with 'aws:', which AWS reserves.";
                else if (tag.Value != null && tag.Value.Length > 256) problem = $"The value of tag '{tag.Key}' has more than 256 characters.";
            }
            if (problem == null) return;
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidTag", problem,
                "Pass -Tag as a hashtable such as @{ project = 'numerai' }: keys of 1 to 128 characters, not starting with 'aws:', values up to 256.", null);
        }
    }
}
