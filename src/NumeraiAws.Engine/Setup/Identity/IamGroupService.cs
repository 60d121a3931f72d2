using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>A group of the module and the managed policies it must have.</summary>
    public sealed class IamGroupRequest
    {
        public string GroupName { get; set; }
        public string Path { get; set; } = NumeraiConventions.IamPath;
        /// <summary>Managed policies to attach; those already attached, and any others, are left as they are.</summary>
        public IList<string> PolicyArns { get; set; } = new List<string>();

        public void Validate()
        {
            IamNames.ValidateGroupName(GroupName);
            foreach (var arn in PolicyArns ?? new List<string>()) IamNames.ValidatePolicyArn(arn);
        }
    }

    /// <summary>
    /// Creates a group under /numerai/ and attaches the policies it lacks. It never detaches anything: a policy
    /// someone else attached stays. Used for the analysts' group and for the administrators' group.
    /// </summary>
    public static class IamGroupService
    {
        public static NumeraiIamGroup Ensure(AwsConnection connection, ISetupHost host, IamGroupRequest request)
        {
            request.Validate();
            var iam = new IamClient(connection);
            var name = request.GroupName;
            var desired = (request.PolicyArns ?? new List<string>()).Distinct(StringComparer.Ordinal).ToList();
            var result = new NumeraiIamGroup { GroupName = name, Path = request.Path };
            var changed = new List<string>();
            var attached = new List<string>();

            var existing = iam.TryGetGroup(name);
            if (existing == null)
            {
                var plan = desired.Count == 0 ? "" : " and attach " + string.Join(", ", desired.Select(ShortName));
                if (!host.ShouldChange(name, $"Create IAM group at path {request.Path}{plan}")) return result;
                try
                {
                    var created = iam.CreateGroup(name, request.Path);
                    host.Info($"Created group {created.Arn}.");
                    result.GroupArn = created.Arn;
                    result.Created = true;
                    changed.Add("Group");
                }
                catch (AwsServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
                {
                    // The create took effect but its answer was lost (the SDK's retry then met the group), or another
                    // run made it a moment ago: carry on with the group as found.
                    existing = EventualConsistency.Retry(host, $"Read group {name}", () => iam.GetGroup(name), EventualConsistency.IsNotYetVisible);
                }
            }
            if (existing != null)
            {
                if (!string.Equals(existing.Group.Path, request.Path, StringComparison.Ordinal)) throw NameInUse(existing.Group, request.Path);
                result.GroupArn = existing.Group.Arn;
                attached.AddRange(iam.ListAttachedGroupPolicies(name).Select(p => p.PolicyArn));
            }

            foreach (var arn in desired.Where(a => !attached.Contains(a, StringComparer.Ordinal)).ToList())
            {
                if (!host.ShouldChange(name, $"Attach managed policy {arn}")) continue;
                try
                {
                    // Both the group and a customer policy may have been created a moment ago.
                    EventualConsistency.Retry(host, $"Attach {ShortName(arn)} to group {name}",
                        () => iam.AttachGroupPolicy(name, arn), EventualConsistency.IsNotYetVisible);
                }
                catch (AwsServiceException e) when (e.IsNotFound)
                {
                    throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "PolicyNotFound",
                        $"IAM kept answering {e.ErrorCode} when attaching {arn} to group '{name}': the policy does not exist or cannot be attached.",
                        "Check the ARN (New-NumeraiBucketPolicy's PolicyArn, or an AWS managed policy such as arn:aws:iam::aws:policy/ReadOnlyAccess) and run again.",
                        arn, e);
                }
                host.Info($"Attached {arn} to group {name}.");
                attached.Add(arn);
                changed.Add("Attached " + arn);
            }
            if (changed.Count == 0) host.Info($"Group {name} already has every policy it needs.");

            result.AttachedPolicyArns = attached.OrderBy(a => a, StringComparer.Ordinal).ToArray();
            result.Changed = changed.ToArray();
            return result;
        }

        private static string ShortName(string arn)
        {
            var slash = arn.LastIndexOf('/');
            return slash >= 0 ? arn.Substring(slash + 1) : arn;
        }

        private static NumeraiAwsException NameInUse(IamGroup group, string path) =>
            new NumeraiAwsException(ErrorKind.ResourceExists, "GroupNameInUse",
                $"An IAM group named '{group.GroupName}' already exists at path '{group.Path}' ({group.Arn}). It is not under {path}, " +
                "so NumeraiAws did not make it and does not change its permissions.",
                "Pass -Name (or -GroupName) with another group name, or move your users to a group NumeraiAws manages.",
                group.Arn);
    }
}
