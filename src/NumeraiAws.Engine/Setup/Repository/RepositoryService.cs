using System;
using NumeraiAws.Engine.Clients.CodeCommit;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Repository
{
    /// <summary>
    /// The CodeCommit repository for the tournament code. An existing repository is left as it is (its description
    /// and tags are the owner's); a missing one is created with the module's tags.
    /// </summary>
    public static class RepositoryService
    {
        public const string Component = "repository";

        /// <summary>The repository, or null when it does not exist and was not created (-WhatIf).</summary>
        public static NumeraiRepository Ensure(AwsConnection connection, ISetupHost host, RepositoryRequest request)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (host == null) throw new ArgumentNullException(nameof(host));
            request.Validate();

            var codeCommit = new CodeCommitClient(connection);
            var name = request.RepositoryName;
            var repository = Guard(() => codeCommit.TryGetRepository(name), connection.Region);
            var created = false;
            if (repository != null)
            {
                host.Info($"CodeCommit repository '{name}' exists ({repository.Arn}); left as it is.");
            }
            else
            {
                if (!host.ShouldChange($"CodeCommit repository '{name}' in {connection.Region}", "Create")) return null;
                try
                {
                    repository = Guard(() => codeCommit.CreateRepository(name, request.Description, NumeraiConventions.Tags(Component, request.Tags)), connection.Region);
                    created = true;
                    host.Info($"Created CodeCommit repository '{name}' ({repository.Arn}).");
                }
                catch (AwsServiceException e) when (e.ErrorCode == "RepositoryNameExistsException")
                {
                    // Made by someone else between the lookup and now: it is there, which is all this asks.
                    repository = codeCommit.GetRepository(name);
                    host.Info($"CodeCommit repository '{name}' appeared meanwhile ({repository.Arn}); left as it is.");
                }
            }

            return new NumeraiRepository
            {
                RepositoryName = repository.RepositoryName ?? name,
                RepositoryId = repository.RepositoryId,
                Arn = repository.Arn,
                CloneUrlHttp = repository.CloneUrlHttp,
                CloneUrlSsh = repository.CloneUrlSsh,
                CloneUrlGrc = GrcUrl(connection.Region, repository.RepositoryName ?? name),
                Created = created,
            };
        }

        /// <summary>The git-remote-codecommit URL: it carries the region, and the credentials come from the AWS profile in use.</summary>
        public static string GrcUrl(string region, string repositoryName) => $"codecommit::{region}://{repositoryName}";

        /// <summary>
        /// Whether an error says the account cannot use CodeCommit at all, rather than that the caller lacks a
        /// permission: AWS closed CodeCommit to new customers in July 2024, and such accounts get
        /// OperationNotAllowedException from CreateRepository, or an access-denied answer saying it is not available.
        /// </summary>
        internal static bool IsCodeCommitUnavailable(AwsServiceException e)
        {
            if (e == null) return false;
            if (e.ErrorCode == "OperationNotAllowedException") return true;
            if (!e.IsAccessDenied) return false;
            var message = e.AwsMessage ?? "";
            return message.IndexOf("not available", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("no longer available", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("new customer", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static T Guard<T>(Func<T> call, string region)
        {
            try
            {
                return call();
            }
            catch (AwsServiceException e) when (IsCodeCommitUnavailable(e))
            {
                throw new NumeraiAwsException(ErrorKind.ResourceUnavailable, "CodeCommitUnavailable",
                    $"This AWS account cannot use CodeCommit in {region}: AWS closed CodeCommit to new customers in July 2024, " +
                    $"and accounts without access are refused ({e.ErrorCode}: {e.AwsMessage}). Nothing was created.",
                    "Keep the tournament code in GitHub, GitLab or Bitbucket instead (SageMaker Studio clones from any Git URL) and skip " +
                    "New-NumeraiRepository and New-NumeraiCodeCommitCredential; or, if the account belongs to an organization that uses " +
                    "CodeCommit, ask AWS Support to enable it for this account.",
                    region, e);
            }
        }
    }
}
