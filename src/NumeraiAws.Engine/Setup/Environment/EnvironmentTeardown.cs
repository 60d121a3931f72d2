using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.S3.Model;
using NumeraiAws.Engine.Clients.CodeCommit;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Environment
{
    /// <summary>
    /// Tears down what the module made, in dependency order: Studio user profiles, the domain, then IAM users (their
    /// Git credentials, console password, keys and MFA first), groups, roles and policies under /numerai/; the
    /// repository and buckets only with IncludeData, and a bucket that still holds objects only with Force.
    /// Everything is found the way Get-NumeraiEnvironment finds it, so nothing outside the environment is touched.
    /// </summary>
    public sealed class EnvironmentTeardown
    {
        private readonly AwsConnection _connection;
        private readonly ISetupHost _host;
        private readonly IamClient _iam;

        public EnvironmentTeardown(AwsConnection connection, ISetupHost host)
        {
            _connection = connection;
            _host = host;
            _iam = new IamClient(connection);
        }

        public sealed class Options
        {
            public EnvironmentInventory.Names Names { get; set; } = new EnvironmentInventory.Names();
            /// <summary>Also delete the repository, the buckets and the Studio home file system (EFS).</summary>
            public bool IncludeData { get; set; }
            /// <summary>With IncludeData: also delete buckets that still hold objects (every version).</summary>
            public bool Force { get; set; }
            public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(15);
        }

        public IEnumerable<NumeraiRemovalResult> Remove(Options options)
        {
            var inventory = new EnvironmentInventory(_connection);
            foreach (var result in RemoveStudio(inventory, options)) yield return result;
            foreach (var result in RemoveIam()) yield return result;
            foreach (var result in RemoveRepository(options)) yield return result;
            foreach (var result in RemoveBuckets(inventory, options)) yield return result;
        }

        private IEnumerable<NumeraiRemovalResult> RemoveStudio(EnvironmentInventory inventory, Options options)
        {
            var sageMaker = new SageMakerClient(_connection);
            var domain = inventory.FindDomain(options.Names.DomainName);
            if (domain == null) yield break;
            var profiles = sageMaker.ListUserProfiles(domain.DomainId);
            var profilesLeft = false;
            foreach (var profile in profiles)
            {
                if (!_host.ShouldChange($"Studio user profile {profile.UserProfileName}", "Delete"))
                {
                    profilesLeft = true;
                    yield return Skipped("StudioUserProfile", profile.UserProfileName);
                    continue;
                }
                sageMaker.DeleteUserProfile(domain.DomainId, profile.UserProfileName);
                _host.Info($"Deleted Studio user profile {profile.UserProfileName}.");
                yield return Removed("StudioUserProfile", profile.UserProfileName);
            }
            if (profilesLeft || !_host.ShouldChange($"Studio domain {domain.DomainName} ({domain.DomainId})",
                    options.IncludeData ? "Delete, with its home file system (EFS)" : "Delete, keeping its home file system (EFS)"))
            {
                yield return Skipped("StudioDomain", domain.DomainName);
                yield break;
            }
            WaitUntil("Deleting Studio user profiles", () => sageMaker.ListUserProfiles(domain.DomainId).Count == 0, options.WaitTimeout);
            sageMaker.DeleteDomain(domain.DomainId, options.IncludeData ? HomeEfsRetention.Delete : HomeEfsRetention.Retain);
            _host.Info($"Deleting Studio domain {domain.DomainName}; its home file system is {(options.IncludeData ? "deleted" : "kept")}.");
            WaitUntil("Deleting the Studio domain", () => inventory.FindDomain(options.Names.DomainName) == null, options.WaitTimeout);
            yield return Removed("StudioDomain", domain.DomainName, options.IncludeData ? "home file system deleted" : "home file system kept");
        }

        private IEnumerable<NumeraiRemovalResult> RemoveIam()
        {
            var users = _iam.ListUsers(NumeraiConventions.IamPath).Where(u => u.Path == NumeraiConventions.IamPath).ToList();
            foreach (var user in users)
            {
                if (!_host.ShouldChange($"IAM user {user.UserName}", "Delete, with its Git credentials, console password, access keys and MFA devices"))
                {
                    yield return Skipped("IamUser", user.UserName);
                    continue;
                }
                foreach (var credential in _iam.ListServiceSpecificCredentials(user.UserName))
                    _iam.DeleteServiceSpecificCredential(user.UserName, credential.ServiceSpecificCredentialId);
                if (_iam.TryGetLoginProfile(user.UserName) != null) _iam.DeleteLoginProfile(user.UserName);
                foreach (var key in _iam.ListAccessKeys(user.UserName)) _iam.DeleteAccessKey(user.UserName, key.AccessKeyId);
                foreach (var device in _iam.ListMfaDevices(user.UserName)) _iam.DeactivateMfaDevice(user.UserName, device.SerialNumber);
                foreach (var group in _iam.ListGroupsForUser(user.UserName)) _iam.RemoveUserFromGroup(group.GroupName, user.UserName);
                foreach (var policy in _iam.ListAttachedUserPolicies(user.UserName)) _iam.DetachUserPolicy(user.UserName, policy.PolicyArn);
                foreach (var name in _iam.ListUserPolicies(user.UserName)) _iam.DeleteUserPolicy(user.UserName, name);
                _iam.DeleteUser(user.UserName);
                _host.Info($"Deleted IAM user {user.UserName}.");
                yield return Removed("IamUser", user.UserName);
            }

            foreach (var group in _iam.ListGroups(NumeraiConventions.IamPath).Where(g => g.Path == NumeraiConventions.IamPath).ToList())
            {
                if (!_host.ShouldChange($"IAM group {group.GroupName}", "Delete"))
                {
                    yield return Skipped("IamGroup", group.GroupName);
                    continue;
                }
                // Members from outside the environment are removed from the group, not deleted.
                foreach (var member in _iam.GetGroup(group.GroupName).Users) _iam.RemoveUserFromGroup(group.GroupName, member.UserName);
                foreach (var policy in _iam.ListAttachedGroupPolicies(group.GroupName)) _iam.DetachGroupPolicy(group.GroupName, policy.PolicyArn);
                foreach (var name in _iam.ListGroupPolicyNames(group.GroupName)) _iam.DeleteGroupPolicy(group.GroupName, name);
                _iam.DeleteGroup(group.GroupName);
                _host.Info($"Deleted IAM group {group.GroupName}.");
                yield return Removed("IamGroup", group.GroupName);
            }

            foreach (var role in _iam.ListRoles(NumeraiConventions.IamPath).Where(r => r.Path == NumeraiConventions.IamPath).ToList())
            {
                if (!_host.ShouldChange($"IAM role {role.RoleName}", "Delete"))
                {
                    yield return Skipped("IamRole", role.RoleName);
                    continue;
                }
                foreach (var policy in _iam.ListAttachedRolePolicies(role.RoleName)) _iam.DetachRolePolicy(role.RoleName, policy.PolicyArn);
                foreach (var name in _iam.ListRolePolicyNames(role.RoleName)) _iam.DeleteRolePolicy(role.RoleName, name);
                _iam.DeleteRole(role.RoleName);
                _host.Info($"Deleted IAM role {role.RoleName}.");
                yield return Removed("IamRole", role.RoleName);
            }

            foreach (var policy in _iam.ListPolicies(IamPolicyScope.Local, NumeraiConventions.IamPath).Where(p => p.Path == NumeraiConventions.IamPath).ToList())
            {
                if (!_host.ShouldChange($"IAM policy {policy.PolicyName}", "Delete, detaching it from whatever still uses it"))
                {
                    yield return Skipped("BucketPolicy", policy.PolicyName);
                    continue;
                }
                var entities = _iam.ListEntitiesForPolicy(policy.Arn);
                foreach (var group in entities.Groups) _iam.DetachGroupPolicy(group.Name, policy.Arn);
                foreach (var user in entities.Users) _iam.DetachUserPolicy(user.Name, policy.Arn);
                foreach (var role in entities.Roles) _iam.DetachRolePolicy(role.Name, policy.Arn);
                foreach (var version in _iam.ListPolicyVersions(policy.Arn).Where(v => !v.IsDefaultVersion))
                    _iam.DeletePolicyVersion(policy.Arn, version.VersionId);
                _iam.DeletePolicy(policy.Arn);
                _host.Info($"Deleted IAM policy {policy.PolicyName}.");
                yield return Removed("BucketPolicy", policy.PolicyName);
            }
        }

        private IEnumerable<NumeraiRemovalResult> RemoveRepository(Options options)
        {
            var codeCommit = new CodeCommitClient(_connection);
            var repository = codeCommit.TryGetRepository(options.Names.RepositoryName);
            if (repository == null) yield break;
            if (!options.IncludeData)
            {
                yield return Kept("Repository", repository.RepositoryName, "holds your model code; add -IncludeData to delete it");
                yield break;
            }
            if (!_host.ShouldChange($"CodeCommit repository {repository.RepositoryName}", "Delete, with all its code and history"))
            {
                yield return Skipped("Repository", repository.RepositoryName);
                yield break;
            }
            codeCommit.DeleteRepository(repository.RepositoryName);
            _host.Info($"Deleted CodeCommit repository {repository.RepositoryName}.");
            yield return Removed("Repository", repository.RepositoryName);
        }

        private IEnumerable<NumeraiRemovalResult> RemoveBuckets(EnvironmentInventory inventory, Options options)
        {
            foreach (var bucket in inventory.ManagedBucketNames())
            {
                if (!options.IncludeData)
                {
                    yield return Kept("Bucket", bucket, "holds your Numerai data; add -IncludeData to delete it");
                    continue;
                }
                var hasObjects = _connection.Call("S3", "ListObjectVersions", false,
                    () => _connection.S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, MaxKeys = 1 })).Versions?.Count > 0;
                if (hasObjects && !options.Force)
                {
                    yield return Kept("Bucket", bucket, "is not empty; add -Force with -IncludeData to delete it and every object version in it");
                    continue;
                }
                if (!_host.ShouldChange($"S3 bucket {bucket}", hasObjects ? "Delete, with every object version in it" : "Delete the empty bucket"))
                {
                    yield return Skipped("Bucket", bucket);
                    continue;
                }
                if (hasObjects) EmptyBucket(bucket);
                _connection.Call("S3", "DeleteBucket", true, () => _connection.S3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket }));
                _host.Info($"Deleted S3 bucket {bucket}.");
                yield return Removed("Bucket", bucket);
            }
        }

        private void EmptyBucket(string bucket)
        {
            // Versioned: every version and delete marker must go, a page (up to 1,000) per DeleteObjects call.
            while (true)
            {
                var page = _connection.Call("S3", "ListObjectVersions", false,
                    () => _connection.S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket }));
                var versions = page.Versions ?? new List<S3ObjectVersion>();
                if (versions.Count == 0) return;
                var delete = new DeleteObjectsRequest { BucketName = bucket, Objects = versions.Select(v => new KeyVersion { Key = v.Key, VersionId = v.VersionId }).ToList() };
                _connection.Call("S3", "DeleteObjects", true, () => _connection.S3.DeleteObjectsAsync(delete));
                _host.Progress("Emptying bucket " + bucket, $"{versions.Count} versions deleted", -1);
            }
        }

        private void WaitUntil(string activity, Func<bool> done, TimeSpan timeout)
        {
            var outcome = StatusWait.Until(_host, activity, () => done() ? Gone : Present, state => ReferenceEquals(state, Gone),
                state => state, timeout);
            if (outcome.TimedOut)
                throw new NumeraiAwsException(ErrorKind.OperationTimeout, "TeardownWaitTimeout",
                    $"{activity} did not finish within {timeout.TotalMinutes:0.#} minutes.",
                    "Run Remove-NumeraiEnvironment again later; it goes on from where it stopped.");
        }

        private static readonly string Gone = "Deleted";
        private static readonly string Present = "Still being deleted";

        private static NumeraiRemovalResult Removed(string kind, string name, string detail = null) =>
            new NumeraiRemovalResult { Kind = kind, Name = name, Outcome = "Removed", Detail = detail };
        private static NumeraiRemovalResult Kept(string kind, string name, string detail) =>
            new NumeraiRemovalResult { Kind = kind, Name = name, Outcome = "Kept", Detail = detail };
        private static NumeraiRemovalResult Skipped(string kind, string name) =>
            new NumeraiRemovalResult { Kind = kind, Name = name, Outcome = "Skipped", Detail = "not confirmed (-WhatIf or declined)" };
    }
}
