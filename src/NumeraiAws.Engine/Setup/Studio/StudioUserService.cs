using System;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Studio
{
    /// <summary>
    /// The analyst's user profile in the Studio domain, re-runnable: an existing profile is left as it is (and waited
    /// for while it is still Pending); a new one runs as the domain's default execution role.
    /// </summary>
    public static class StudioUserService
    {
        public const string Component = "studio-user";

        /// <summary>The profile, or null when it does not exist and was not created (-WhatIf).</summary>
        public static NumeraiStudioUser Ensure(AwsConnection connection, ISetupHost host, StudioUserRequest request)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (host == null) throw new ArgumentNullException(nameof(host));
            request.Validate();

            var sageMaker = new SageMakerClient(connection);
            var domainId = request.DomainId;
            var name = request.UserProfileName;
            var profile = sageMaker.TryDescribeUserProfile(domainId, name);
            var created = false;
            if (profile == null)
            {
                if (!host.ShouldChange($"SageMaker user profile '{name}' in domain {domainId}", "Create (runs as the domain's default execution role)"))
                    return null;
                WaitForDomain(sageMaker, host, request);
                string arn = null;
                try
                {
                    arn = sageMaker.CreateUserProfile(domainId, name, null, NumeraiConventions.Tags(Component, null));
                }
                catch (AwsServiceException e) when (e.ErrorCode == "ResourceInUse")
                {
                    // The create took effect but its answer was lost (the SDK's retry then met the profile), or another
                    // run made it a moment ago: the wait below picks it up as it is.
                    host.Info($"SageMaker user profile '{name}' already exists in domain {domainId} (an earlier attempt took effect).");
                }
                catch (AwsServiceException e) when (e.IsNotFound)
                {
                    // The profile was just found missing, so a ResourceNotFound here is about the domain.
                    throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "DomainNotFound",
                        $"SageMaker domain {domainId} does not exist in {connection.Region}: {e.AwsMessage}",
                        "Create it first (New-NumeraiStudioDomain | New-NumeraiStudioUser), or pass the DomainId that 'aws sagemaker list-domains' shows.",
                        domainId, e);
                }
                if (arn != null) host.Info($"Created SageMaker user profile '{name}' ({arn}) in domain {domainId}.");
                created = true;
                profile = request.NoWait ? DescribeJustCreated(sageMaker, domainId, name, arn) : null;
            }
            else
            {
                host.Info($"SageMaker user profile '{name}' exists in domain {domainId} ({profile.RawStatus}); left as it is.");
            }

            if (!request.NoWait && (profile == null || StudioWaits.IsTransitional(profile.Status)))
            {
                var arn = profile?.UserProfileArn;
                profile = StudioWaits.UntilSettled(host, $"SageMaker user profile '{name}' in {domainId}", "UserProfileWaitTimeout",
                    () => DescribeJustCreated(sageMaker, domainId, name, arn), p => p.Status, p => p.RawStatus,
                    request.Timeout, profile, request.Schedule, request.Clock);
            }

            Settle(profile);
            return new NumeraiStudioUser
            {
                DomainId = profile.DomainId ?? domainId,
                UserProfileName = profile.UserProfileName ?? name,
                UserProfileArn = profile.UserProfileArn,
                Status = profile.RawStatus,
                Created = created,
            };
        }

        internal static void Settle(SageMakerUserProfile profile)
        {
            switch (profile.Status)
            {
                case SageMakerStatus.Failed:
                    throw new NumeraiAwsException(ErrorKind.ResourceUnavailable, "UserProfileFailed",
                        $"SageMaker user profile '{profile.UserProfileName}' in {profile.DomainId} failed: {profile.FailureReason ?? "AWS gave no reason"}.",
                        "Fix the cause AWS reports, delete the failed profile " +
                        $"('aws sagemaker delete-user-profile --domain-id {profile.DomainId} --user-profile-name {profile.UserProfileName}'), then run the command again.",
                        profile.UserProfileName);
                case SageMakerStatus.Deleting:
                case SageMakerStatus.DeleteFailed:
                    throw new NumeraiAwsException(ErrorKind.ResourceUnavailable, "UserProfileDeleting",
                        $"SageMaker user profile '{profile.UserProfileName}' in {profile.DomainId} is {profile.RawStatus}" +
                        (profile.FailureReason == null ? "." : $": {profile.FailureReason}."),
                        "Wait until the deletion ends (or resolve what blocks it), then run the command again; or pass -Name to use another profile name.",
                        profile.UserProfileName);
            }
        }

        /// <summary>
        /// SageMaker creates profiles only in an InService domain. Waiting here (rather than in New-NumeraiStudioDomain)
        /// lets a script start the domain with -NoWait, set up everything that does not need it while it provisions
        /// (minutes on AWS), and wait only where the profile really depends on it.
        /// </summary>
        private static void WaitForDomain(SageMakerClient sageMaker, ISetupHost host, StudioUserRequest request)
        {
            SageMakerDomain domain;
            try
            {
                domain = sageMaker.TryDescribeDomain(request.DomainId);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ValidationException")
            {
                // Some implementations answer a missing domain this way; CreateUserProfile then reports DomainNotFound.
                return;
            }
            if (domain == null || !StudioWaits.IsTransitional(domain.Status)) return;
            domain = StudioWaits.UntilSettled(host, $"SageMaker domain {request.DomainId}", "DomainWaitTimeout",
                () => sageMaker.DescribeDomain(request.DomainId), d => d.Status, d => d.RawStatus,
                request.Timeout, domain, request.Schedule, request.Clock);
            if (domain.Status != SageMakerStatus.InService)
                throw new NumeraiAwsException(ErrorKind.InvalidOperation, "DomainFailed",
                    $"SageMaker domain {request.DomainId} ended {domain.RawStatus}" + (domain.FailureReason != null ? $": {domain.FailureReason}" : "."),
                    "Fix what the failure reason names, delete the domain (Remove-NumeraiEnvironment), and run New-NumeraiStudioDomain again.",
                    request.DomainId);
        }

        /// <summary>Right after CreateUserProfile the profile may not be visible yet; until it is, it counts as Pending.</summary>
        private static SageMakerUserProfile DescribeJustCreated(SageMakerClient sageMaker, string domainId, string name, string arn) =>
            sageMaker.TryDescribeUserProfile(domainId, name) ?? new SageMakerUserProfile
            {
                DomainId = domainId,
                UserProfileName = name,
                UserProfileArn = arn,
                Status = SageMakerStatus.Pending,
                RawStatus = "Pending",
            };
    }
}
