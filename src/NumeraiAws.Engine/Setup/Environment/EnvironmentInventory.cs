using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.CodeCommit;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup.Environment
{
    /// <summary>
    /// Finds what the module made: IAM entities under the path /numerai/, buckets carrying the managed tag, the
    /// SageMaker domain and the CodeCommit repository by their names (checked against the managed tag), and reports
    /// each with its state and any drift from what the setup cmdlets would set.
    /// </summary>
    public sealed class EnvironmentInventory
    {
        private readonly AwsConnection _connection;
        private readonly IamClient _iam;

        public EnvironmentInventory(AwsConnection connection)
        {
            _connection = connection;
            _iam = new IamClient(connection);
        }

        /// <summary>The names to look for; the cmdlets' defaults unless the user chose others.</summary>
        public sealed class Names
        {
            public string DomainName { get; set; } = NumeraiConventions.DomainName;
            public string RepositoryName { get; set; } = NumeraiConventions.RepositoryName;
        }

        public IReadOnlyList<NumeraiEnvironmentResource> Find(Names names)
        {
            var found = new List<NumeraiEnvironmentResource>();
            found.AddRange(FindBuckets());
            found.AddRange(FindIam());
            found.AddRange(FindStudio(names.DomainName));
            var repository = FindRepository(names.RepositoryName);
            if (repository != null) found.Add(repository);
            return found;
        }

        internal IReadOnlyList<string> ManagedBucketNames() => Bucket.BucketService.FindNumeraiBucketNames(_connection);

        private IEnumerable<NumeraiEnvironmentResource> FindBuckets()
        {
            foreach (var name in ManagedBucketNames())
            {
                yield return new NumeraiEnvironmentResource
                {
                    Kind = "Bucket", Name = name, Id = $"arn:{_connection.Partition.Name}:s3:::{name}", State = "Present",
                    Drift = BucketDrift(name), HoldsData = true,
                };
            }
        }

        // The bucket service itself, declining every change, says what New-NumeraiBucket would change: that is the drift.
        private IReadOnlyList<string> BucketDrift(string bucket)
        {
            var plan = new PlanningHost();
            Bucket.BucketService.Ensure(_connection, plan, new Bucket.BucketRequest { Name = bucket });
            return plan.WouldChange;
        }

        private IEnumerable<NumeraiEnvironmentResource> FindIam()
        {
            var partition = _connection.Partition.Name;
            var policies = _iam.ListPolicies(IamPolicyScope.Local, NumeraiConventions.IamPath);
            foreach (var policy in policies.Where(p => p.Path == NumeraiConventions.IamPath))
            {
                var drift = new List<string>();
                if (policy.AttachmentCount == 0) drift.Add("attached to nothing");
                yield return new NumeraiEnvironmentResource { Kind = "BucketPolicy", Name = policy.PolicyName, Id = policy.Arn, State = "Present", Drift = drift };
            }

            // ListGroups' PathPrefix is not honoured by every implementation; filter on the path we set.
            foreach (var group in _iam.ListGroups(NumeraiConventions.IamPath).Where(g => g.Path == NumeraiConventions.IamPath))
            {
                var attached = _iam.ListAttachedGroupPolicies(group.GroupName).Select(p => p.PolicyArn).ToList();
                var expected = group.GroupName == NumeraiConventions.AdminGroupName
                    ? new[] { NumeraiConventions.AwsManagedPolicyArn(partition, "AdministratorAccess") }
                    : new[] { NumeraiConventions.AwsManagedPolicyArn(partition, "AmazonSageMakerFullAccess"), NumeraiConventions.AwsManagedPolicyArn(partition, "AWSCodeCommitPowerUser") };
                var drift = expected.Where(arn => !attached.Contains(arn)).Select(arn => "missing policy " + arn).ToList();
                if (group.GroupName != NumeraiConventions.AdminGroupName && !attached.Any(arn => policies.Any(p => p.Arn == arn)))
                    drift.Add("no bucket access policy attached");
                yield return new NumeraiEnvironmentResource { Kind = "IamGroup", Name = group.GroupName, Id = group.Arn, State = "Present", Drift = drift };
            }

            foreach (var user in _iam.ListUsers(NumeraiConventions.IamPath).Where(u => u.Path == NumeraiConventions.IamPath))
            {
                var drift = new List<string>();
                if (_iam.ListAttachedUserPolicies(user.UserName).Count > 0 || _iam.ListUserPolicies(user.UserName).Count > 0)
                    drift.Add("has policies attached directly (permissions should come only through groups)");
                if (_iam.ListGroupsForUser(user.UserName).Count == 0) drift.Add("in no group");
                yield return new NumeraiEnvironmentResource { Kind = "IamUser", Name = user.UserName, Id = user.Arn, State = "Present", Drift = drift };

                foreach (var credential in _iam.ListServiceSpecificCredentials(user.UserName, NumeraiConventions.CodeCommitServiceName))
                {
                    yield return new NumeraiEnvironmentResource
                    {
                        Kind = "CodeCommitCredential", Name = credential.ServiceUserName, Id = credential.ServiceSpecificCredentialId, State = credential.Status,
                    };
                }
            }

            foreach (var role in _iam.ListRoles(NumeraiConventions.IamPath).Where(r => r.Path == NumeraiConventions.IamPath))
            {
                var drift = new List<string>();
                if (role.AssumeRolePolicyDocument == null || role.AssumeRolePolicyDocument.IndexOf("sagemaker.amazonaws.com", StringComparison.Ordinal) < 0)
                    drift.Add("not trusted by sagemaker.amazonaws.com");
                var attached = _iam.ListAttachedRolePolicies(role.RoleName).Select(p => p.PolicyArn).ToList();
                var sageMaker = NumeraiConventions.AwsManagedPolicyArn(partition, "AmazonSageMakerFullAccess");
                if (!attached.Contains(sageMaker)) drift.Add("missing policy " + sageMaker);
                yield return new NumeraiEnvironmentResource { Kind = "IamRole", Name = role.RoleName, Id = role.Arn, State = "Present", Drift = drift };
            }
        }

        internal SageMakerDomainSummary FindDomain(string domainName) =>
            new SageMakerClient(_connection).ListDomains().FirstOrDefault(d => d.DomainName == domainName);

        private IEnumerable<NumeraiEnvironmentResource> FindStudio(string domainName)
        {
            var sageMaker = new SageMakerClient(_connection);
            var summary = FindDomain(domainName);
            if (summary == null) yield break;
            var domain = sageMaker.DescribeDomain(summary.DomainId);
            var drift = new List<string>();
            if (domain.Status != SageMakerStatus.InService) drift.Add($"status is {domain.RawStatus}" + (domain.FailureReason != null ? $": {domain.FailureReason}" : ""));
            if (!string.Equals(domain.AuthMode, "IAM", StringComparison.Ordinal)) drift.Add($"auth mode is {domain.AuthMode}, not IAM");
            yield return new NumeraiEnvironmentResource { Kind = "StudioDomain", Name = domain.DomainName, Id = domain.DomainId, State = domain.RawStatus, Drift = drift, HoldsData = true };
            foreach (var profile in sageMaker.ListUserProfiles(domain.DomainId))
            {
                var profileDrift = profile.Status == SageMakerStatus.InService ? new List<string>() : new List<string> { $"status is {profile.RawStatus}" };
                yield return new NumeraiEnvironmentResource { Kind = "StudioUserProfile", Name = profile.UserProfileName, Id = $"{profile.DomainId}/{profile.UserProfileName}", State = profile.RawStatus, Drift = profileDrift };
            }
        }

        private NumeraiEnvironmentResource FindRepository(string repositoryName)
        {
            var repository = new CodeCommitClient(_connection).TryGetRepository(repositoryName);
            if (repository == null) return null;
            return new NumeraiEnvironmentResource { Kind = "Repository", Name = repository.RepositoryName, Id = repository.Arn, State = "Present", HoldsData = true };
        }
    }
}
