using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Ec2;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Studio
{
    /// <summary>
    /// The SageMaker console's single-user quick setup, re-runnable: an execution role SageMaker may assume, with
    /// AmazonSageMakerFullAccess and the bucket policy attached; a Studio domain in the region's default VPC with IAM
    /// authentication; and a wait until it is InService.
    /// </summary>
    /// <remarks>
    /// Reads come first (the domain, then the network), so a region without a default VPC fails before anything is
    /// written. An existing domain is never modified: what differs from the request is reported, not changed.
    /// </remarks>
    public static class StudioDomainService
    {
        public const string Component = "studio-domain";
        public const string RoleComponent = "studio-execution-role";
        public const string AuthMode = "IAM";
        public const string SageMakerFullAccess = "AmazonSageMakerFullAccess";

        /// <summary>The domain, or null when it does not exist and was not created (-WhatIf, or a declined step).</summary>
        public static NumeraiStudioDomain Ensure(AwsConnection connection, ISetupHost host, StudioDomainRequest request)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (host == null) throw new ArgumentNullException(nameof(host));
            request.Validate();

            var sageMaker = new SageMakerClient(connection);
            var warn = (Action<string>)host.Warn;
            var existing = FindDomain(sageMaker, request.DomainName, warn);
            var current = existing == null ? null : sageMaker.DescribeDomain(existing.DomainId);

            Network network = null;
            if (current == null) network = ResolveNetwork(connection, request);

            var role = EnsureRole(new IamClient(connection), host, request, connection.Partition.Name);

            var created = false;
            if (current == null)
            {
                if (!role.Exists)
                {
                    host.Info($"SageMaker domain '{request.DomainName}' not created: it needs the execution role '{request.ExecutionRoleName}', which was not created.");
                    return null;
                }
                var target = $"SageMaker domain '{request.DomainName}' in {connection.Region}";
                if (!host.ShouldChange(target, $"Create (AuthMode {AuthMode}, VPC {network.VpcId}, {network.SubnetIds.Count} subnets, execution role {role.Arn})"))
                    return null;
                var made = CreateDomain(sageMaker, host, request, network, role);
                host.Info($"Created SageMaker domain '{request.DomainName}' ({made.DomainId}); SageMaker provisions it in the background (usually 5 to 10 minutes).");
                created = true;
                existing = new SageMakerDomainSummary { DomainId = made.DomainId, DomainArn = made.DomainArn, DomainName = request.DomainName, Url = made.Url };
                current = request.NoWait ? DescribeJustCreated(sageMaker, existing) : null;
            }
            else
            {
                host.Info($"SageMaker domain '{current.DomainName}' ({current.DomainId}) exists ({current.RawStatus}); left as it is.");
                ReportDrift(connection, request, current, role, warn);
            }

            if (!request.NoWait && (current == null || StudioWaits.IsTransitional(current.Status)))
            {
                current = StudioWaits.UntilSettled(host, $"SageMaker domain '{request.DomainName}' ({existing.DomainId})", "DomainWaitTimeout",
                    () => DescribeJustCreated(sageMaker, existing), d => d.Status, d => d.RawStatus,
                    request.Timeout, current, request.Schedule, request.Clock);
            }

            Settle(current, warn);
            return Output(current, role.Arn, created);
        }

        // ---- The domain ---------------------------------------------------------------------------------------

        /// <summary>
        /// The domain of this name, from ListDomains: DescribeDomain needs an id, and emulators answer a missing id
        /// with ValidationException rather than ResourceNotFound, so a listing is the one reliable lookup.
        /// </summary>
        internal static SageMakerDomainSummary FindDomain(SageMakerClient sageMaker, string name, Action<string> warn)
        {
            var named = sageMaker.ListDomains().Where(d => string.Equals(d.DomainName, name, StringComparison.Ordinal)).ToList();
            return PickDomain(named, name, warn);
        }

        /// <summary>
        /// Domain names are not unique in SageMaker. Deleting ones are on their way out; of the rest the oldest is
        /// taken (a re-run keeps picking the same one) and the ambiguity is reported.
        /// </summary>
        internal static SageMakerDomainSummary PickDomain(IReadOnlyList<SageMakerDomainSummary> named, string name, Action<string> warn)
        {
            if (named.Count == 0) return null;
            var live = named.Where(d => d.Status != SageMakerStatus.Deleting).ToList();
            if (live.Count == 0)
                throw new NumeraiAwsException(ErrorKind.ResourceUnavailable, "DomainDeleting",
                    $"SageMaker domain '{name}' ({named[0].DomainId}) is being deleted.",
                    "Wait until 'aws sagemaker list-domains' no longer lists it, then run the command again; or pass -Name to create a domain with another name.",
                    named[0].DomainId);
            var chosen = live.OrderBy(d => d.CreationTime ?? DateTime.MaxValue).ThenBy(d => d.DomainId, StringComparer.Ordinal).First();
            if (live.Count > 1)
                warn($"{live.Count} SageMaker domains are named '{name}' ({string.Join(", ", live.Select(d => d.DomainId))}); using the oldest, {chosen.DomainId}.");
            return chosen;
        }

        private static SageMakerDomainCreated CreateDomain(SageMakerClient sageMaker, ISetupHost host, StudioDomainRequest request, Network network, RoleState role)
        {
            var tags = NumeraiConventions.Tags(Component, null);
            // Domain names are not unique: a failed attempt is retried only when no domain of the name appeared.
            Func<SageMakerDomainCreated> create = () => UnsureWrite.Run(host, $"Creating SageMaker domain '{request.DomainName}'",
                () => sageMaker.CreateDomain(request.DomainName, AuthMode, network.VpcId, network.SubnetIds, role.Arn, tags),
                () =>
                {
                    var found = FindDomain(sageMaker, request.DomainName, host.Warn);
                    return found == null ? null : new SageMakerDomainCreated { DomainId = found.DomainId, DomainArn = found.DomainArn, Url = found.Url };
                });
            // A role created or re-trusted seconds ago may not be assumable by SageMaker yet; an older role that is
            // refused is a real error and fails at once.
            if (!role.Changed) return create();
            return EventualConsistency.Retry(host, $"Creating SageMaker domain '{request.DomainName}'", create,
                e => IsRoleNotYetUsable(e, role.Arn, request.ExecutionRoleName));
        }

        /// <summary>
        /// SageMaker's answer while a new role has not reached it: a ValidationException about the execution role
        /// ("... cannot be assumed", "... is invalid", naming the role).
        /// </summary>
        internal static bool IsRoleNotYetUsable(AwsServiceException e, string roleArn, string roleName)
        {
            if (e == null || (e.ErrorCode != "ValidationException" && e.ErrorCode != "ValidationError")) return false;
            var message = e.AwsMessage ?? "";
            return message.IndexOf("assume", StringComparison.OrdinalIgnoreCase) >= 0
                || (!string.IsNullOrEmpty(roleArn) && message.IndexOf(roleArn, StringComparison.Ordinal) >= 0)
                || (!string.IsNullOrEmpty(roleName) && message.IndexOf(roleName, StringComparison.Ordinal) >= 0 && message.IndexOf("role", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>
        /// DescribeDomain right after CreateDomain can miss the new domain for a moment; until it shows, it counts
        /// as Pending rather than failing the run.
        /// </summary>
        private static SageMakerDomain DescribeJustCreated(SageMakerClient sageMaker, SageMakerDomainSummary domain) =>
            sageMaker.TryDescribeDomain(domain.DomainId) ?? NotYetVisible(domain);

        private static SageMakerDomain NotYetVisible(SageMakerDomainSummary domain) => new SageMakerDomain
        {
            DomainId = domain.DomainId,
            DomainArn = domain.DomainArn,
            DomainName = domain.DomainName,
            Url = domain.Url,
            Status = SageMakerStatus.Pending,
            RawStatus = "Pending",
        };

        /// <summary>Turns a settled status into the outcome: InService is done, a failure is an error that says why.</summary>
        internal static void Settle(SageMakerDomain domain, Action<string> warn)
        {
            switch (domain.Status)
            {
                case SageMakerStatus.Failed:
                    throw new NumeraiAwsException(ErrorKind.ResourceUnavailable, "DomainFailed",
                        $"SageMaker domain '{domain.DomainName}' ({domain.DomainId}) failed: {domain.FailureReason ?? "AWS gave no reason"}.",
                        "Fix the cause AWS reports (often the VPC's subnets or a service quota), delete the failed domain " +
                        $"('aws sagemaker delete-domain --domain-id {domain.DomainId}'), then run the command again.",
                        domain.DomainId);
                case SageMakerStatus.Deleting:
                case SageMakerStatus.DeleteFailed:
                    throw new NumeraiAwsException(ErrorKind.ResourceUnavailable, "DomainDeleting",
                        $"SageMaker domain '{domain.DomainName}' ({domain.DomainId}) is {domain.RawStatus}" +
                        (domain.FailureReason == null ? "." : $": {domain.FailureReason}."),
                        "Wait until the deletion ends (or resolve what blocks it), then run the command again; or pass -Name to use another domain.",
                        domain.DomainId);
                case SageMakerStatus.UpdateFailed:
                    warn($"SageMaker domain '{domain.DomainName}' ({domain.DomainId}) is Update_Failed: {domain.FailureReason ?? "AWS gave no reason"}. It still works with its previous settings.");
                    break;
            }
        }

        private static void ReportDrift(AwsConnection connection, StudioDomainRequest request, SageMakerDomain domain, RoleState role, Action<string> warn)
        {
            var id = $"SageMaker domain '{domain.DomainName}' ({domain.DomainId})";
            if (!string.Equals(domain.AuthMode, AuthMode, StringComparison.OrdinalIgnoreCase))
                warn($"{id} uses AuthMode {domain.AuthMode ?? "(none)"}, not {AuthMode}; it is left as it is (the authentication mode of a domain cannot be changed).");

            string wantedVpc;
            IReadOnlyList<string> wantedSubnets;
            string where;
            if (!string.IsNullOrEmpty(request.VpcId))
            {
                wantedVpc = request.VpcId; wantedSubnets = request.SubnetIds; where = "-VpcId/-SubnetId";
            }
            else
            {
                var fallback = new DefaultVpcLookup(connection).Find();
                wantedVpc = fallback?.VpcId; wantedSubnets = fallback?.SubnetIds; where = "the region's default VPC";
            }
            if (wantedVpc != null && !string.Equals(domain.VpcId, wantedVpc, StringComparison.Ordinal))
                warn($"{id} is in VPC {domain.VpcId ?? "(none)"}, not {wantedVpc} ({where}); it is left as it is (a domain cannot move to another VPC).");
            else if (wantedVpc != null && !string.IsNullOrEmpty(request.VpcId) && !SameSet(domain.SubnetIds, wantedSubnets))
                warn($"{id} uses subnets {string.Join(", ", domain.SubnetIds)}, not {string.Join(", ", wantedSubnets)}; it is left as it is.");

            if (role.Arn != null && domain.DefaultExecutionRole != null && !string.Equals(domain.DefaultExecutionRole, role.Arn, StringComparison.Ordinal))
                warn($"{id} runs as {domain.DefaultExecutionRole}, not {role.Arn}; it is left as it is.");
        }

        private static bool SameSet(IEnumerable<string> a, IEnumerable<string> b) =>
            new HashSet<string>(a ?? Enumerable.Empty<string>(), StringComparer.Ordinal).SetEquals(b ?? Enumerable.Empty<string>());

        private static NumeraiStudioDomain Output(SageMakerDomain domain, string roleArn, bool created) => new NumeraiStudioDomain
        {
            DomainId = domain.DomainId,
            DomainName = domain.DomainName,
            DomainArn = domain.DomainArn,
            Status = domain.RawStatus,
            ExecutionRoleArn = domain.DefaultExecutionRole ?? roleArn,
            AuthMode = domain.AuthMode,
            VpcId = domain.VpcId,
            SubnetIds = (domain.SubnetIds ?? Array.Empty<string>()).ToArray(),
            Url = domain.Url,
            Created = created,
        };

        // ---- The network --------------------------------------------------------------------------------------

        internal sealed class Network
        {
            public string VpcId { get; set; }
            public IReadOnlyList<string> SubnetIds { get; set; }
        }

        private static Network ResolveNetwork(AwsConnection connection, StudioDomainRequest request)
        {
            if (!string.IsNullOrEmpty(request.VpcId))
                return new Network { VpcId = request.VpcId, SubnetIds = request.SubnetIds.ToList() };
            var found = new DefaultVpcLookup(connection).Find();
            return FromDefaultVpc(found, connection.Region);
        }

        internal static Network FromDefaultVpc(DefaultVpc found, string region)
        {
            if (found == null)
                throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "NoDefaultVpc",
                    $"The region {region} has no default VPC, and the Studio domain needs a VPC.",
                    $"Create the default VPC ('aws ec2 create-default-vpc --region {region}'), or pass -VpcId and -SubnetId of a VPC to use.",
                    region);
            if (found.SubnetIds.Count == 0)
                throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "NoDefaultSubnets",
                    $"The default VPC {found.VpcId} of {region} has no subnets, and the Studio domain needs at least one.",
                    $"Create default subnets ('aws ec2 create-default-subnet --availability-zone ZONE'), or pass -VpcId and -SubnetId.",
                    found.VpcId);
            // SageMaker takes at most 16; the lookup orders them by zone, so the choice is the same on every run.
            return new Network { VpcId = found.VpcId, SubnetIds = found.SubnetIds.Take(StudioNames.MaxSubnets).ToList() };
        }

        // ---- The execution role -------------------------------------------------------------------------------

        internal sealed class RoleState
        {
            public string Arn { get; set; }
            public bool Exists { get; set; }
            /// <summary>Created or re-trusted in this run, so SageMaker may not see the change yet.</summary>
            public bool Changed { get; set; }
        }

        private static RoleState EnsureRole(IamClient iam, ISetupHost host, StudioDomainRequest request, string partition)
        {
            var name = request.ExecutionRoleName;
            var role = iam.TryGetRole(name);
            var created = false;
            var changed = false;
            if (role == null)
            {
                if (!host.ShouldChange($"IAM role {NumeraiConventions.IamPath}{name}", $"Create, trusted by {ExecutionRoleTrust.ServicePrincipal}"))
                {
                    host.Info($"IAM role '{name}' not created; its policies are not attached either.");
                    return new RoleState { Exists = false };
                }
                try
                {
                    role = iam.CreateRole(name, NumeraiConventions.IamPath, ExecutionRoleTrust.Document,
                        "The role SageMaker Studio runs as in the Numerai domain (NumeraiAws).",
                        NumeraiConventions.Tags(RoleComponent, null).Select(t => new IamTag(t.Key, t.Value)));
                    host.Info($"Created IAM role {role.Arn}, trusted by {ExecutionRoleTrust.ServicePrincipal}.");
                }
                catch (AwsServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
                {
                    // The create took effect but its answer was lost (the SDK's retry then met the role), or another
                    // run made it a moment ago; it was made with this trust policy either way.
                    role = EventualConsistency.Retry(host, $"Read role {name}", () => iam.GetRole(name), EventualConsistency.IsNotYetVisible);
                }
                created = changed = true;
            }
            else
            {
                if (!string.Equals(role.Path, NumeraiConventions.IamPath, StringComparison.Ordinal))
                    host.Info($"IAM role '{name}' exists at path {role.Path}, not {NumeraiConventions.IamPath}; it is used as it is.");
                if (ExecutionRoleTrust.AreEquivalent(role.AssumeRolePolicyDocument, ExecutionRoleTrust.Document))
                {
                    host.Info($"IAM role {role.Arn} exists and trusts {ExecutionRoleTrust.ServicePrincipal}.");
                }
                else if (host.ShouldChange(role.Arn, $"Replace the trust policy with one that lets {ExecutionRoleTrust.ServicePrincipal} assume the role"))
                {
                    iam.UpdateAssumeRolePolicy(name, ExecutionRoleTrust.Document);
                    host.Info($"Replaced the trust policy of {role.Arn}: {ExecutionRoleTrust.ServicePrincipal} may assume it.");
                    changed = true;
                }
            }

            var wanted = new List<string> { NumeraiConventions.AwsManagedPolicyArn(partition, SageMakerFullAccess) };
            if (request.PolicyArn != null && !wanted.Contains(request.PolicyArn, StringComparer.Ordinal)) wanted.Add(request.PolicyArn);
            // A role made a moment ago has nothing attached, and listing it could meet IAM's propagation delay.
            var attached = created
                ? new HashSet<string>(StringComparer.Ordinal)
                : new HashSet<string>(iam.ListAttachedRolePolicies(name).Select(p => p.PolicyArn), StringComparer.Ordinal);
            foreach (var policyArn in wanted)
            {
                if (attached.Contains(policyArn))
                {
                    host.Info($"Policy {policyArn} is attached to role '{name}'.");
                    continue;
                }
                if (!host.ShouldChange(role.Arn, $"Attach policy {policyArn}")) continue;
                // Never detach: policies the user attached to the role stay.
                EventualConsistency.Retry(host, $"Attaching {policyArn} to role '{name}'",
                    () => iam.AttachRolePolicy(name, policyArn), EventualConsistency.IsNotYetVisible);
                host.Info($"Attached policy {policyArn} to role '{name}'.");
            }
            return new RoleState { Arn = role.Arn, Exists = true, Changed = changed };
        }
    }
}
