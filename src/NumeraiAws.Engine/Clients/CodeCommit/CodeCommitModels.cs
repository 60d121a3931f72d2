using System;

namespace NumeraiAws.Engine.Clients.CodeCommit
{
    /// <summary>A CodeCommit repository as CreateRepository and GetRepository report it (RepositoryMetadata).</summary>
    public sealed class CodeCommitRepository
    {
        public string RepositoryName { get; set; }
        public string RepositoryId { get; set; }
        public string Arn { get; set; }
        public string Description { get; set; }
        /// <summary>Null until the first push creates a branch.</summary>
        public string DefaultBranch { get; set; }
        public string CloneUrlHttp { get; set; }
        public string CloneUrlSsh { get; set; }
        public string AccountId { get; set; }
        public DateTime? CreationDate { get; set; }
        public DateTime? LastModifiedDate { get; set; }
    }

    /// <summary>One repository of ListRepositories, which returns only the name and id.</summary>
    public sealed class CodeCommitRepositorySummary
    {
        public string RepositoryName { get; set; }
        public string RepositoryId { get; set; }
    }
}
