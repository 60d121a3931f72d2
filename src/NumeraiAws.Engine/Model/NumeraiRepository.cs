namespace NumeraiAws.Engine.Model
{
    /// <summary>The CodeCommit repository for the tournament code: the output of New-NumeraiRepository.</summary>
    public sealed class NumeraiRepository
    {
        public string RepositoryName { get; set; }
        public string RepositoryId { get; set; }
        public string Arn { get; set; }
        /// <summary>For git over HTTPS with CodeCommit credentials (New-NumeraiCodeCommitCredential).</summary>
        public string CloneUrlHttp { get; set; }
        /// <summary>For git over SSH with a public key uploaded to the IAM user.</summary>
        public string CloneUrlSsh { get; set; }
        /// <summary>For git-remote-codecommit ("codecommit::REGION://NAME"), which signs with the AWS credentials in use.</summary>
        public string CloneUrlGrc { get; set; }
        /// <summary>True when this run created the repository.</summary>
        public bool Created { get; set; }
    }
}
