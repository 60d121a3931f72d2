using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using NumeraiAws.Engine.Clients.Ec2;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Protocol;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Studio;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>The decisions of the Studio services that do not need AWS: which domain, which network, what a status means.</summary>
    public sealed class StudioServiceTests
    {
        private static SageMakerDomainSummary Summary(string id, SageMakerStatus status, int ageDays) => new SageMakerDomainSummary
        {
            DomainId = id,
            DomainName = "numerai",
            Status = status,
            RawStatus = status.ToString(),
            CreationTime = new DateTime(2025, 1, 31, 0, 0, 0, DateTimeKind.Utc).AddDays(-ageDays),
        };

        [Fact]
        public void PicksNothingWhenNoDomainHasTheName()
        {
            Assert.Null(StudioDomainService.PickDomain(new List<SageMakerDomainSummary>(), "numerai", _ => throw new Exception("no warning expected")));
        }

        [Fact]
        public void PicksTheOnlyLiveDomainAndIgnoresOneBeingDeleted()
        {
            var warnings = new List<string>();
            var chosen = StudioDomainService.PickDomain(new[] { Summary("d-old", SageMakerStatus.Deleting, 9), Summary("d-new", SageMakerStatus.Pending, 1) }, "numerai", warnings.Add);
            Assert.Equal("d-new", chosen.DomainId);
            Assert.Empty(warnings);
        }

        [Fact]
        public void PicksTheOldestOfSeveralAndSaysSo()
        {
            var warnings = new List<string>();
            var chosen = StudioDomainService.PickDomain(new[] { Summary("d-b", SageMakerStatus.InService, 1), Summary("d-a", SageMakerStatus.InService, 5) }, "numerai", warnings.Add);
            Assert.Equal("d-a", chosen.DomainId);
            Assert.Equal("2 SageMaker domains are named 'numerai' (d-b, d-a); using the oldest, d-a.", Assert.Single(warnings));
        }

        [Fact]
        public void ADomainOnlyBeingDeletedIsAnError()
        {
            var e = Assert.Throws<NumeraiAwsException>(() =>
                StudioDomainService.PickDomain(new[] { Summary("d-gone", SageMakerStatus.Deleting, 1) }, "numerai", _ => { }));
            Assert.Equal("DomainDeleting", e.Reason);
            Assert.Equal(ErrorKind.ResourceUnavailable, e.Kind);
        }

        [Fact]
        public void AFailedDomainIsAnErrorCarryingAwssReason()
        {
            var domain = new SageMakerDomain { DomainId = "d-x", DomainName = "numerai", Status = SageMakerStatus.Failed, RawStatus = "Failed", FailureReason = "Subnet subnet-1 is in an unsupported zone" };
            var e = Assert.Throws<NumeraiAwsException>(() => StudioDomainService.Settle(domain, _ => { }));
            Assert.Equal("DomainFailed", e.Reason);
            Assert.Equal(ErrorKind.ResourceUnavailable, e.Kind);
            Assert.Equal("SageMaker domain 'numerai' (d-x) failed: Subnet subnet-1 is in an unsupported zone.", e.Message);
            Assert.Contains("delete-domain --domain-id d-x", e.RecommendedAction);
        }

        [Fact]
        public void UpdateFailedIsAWarningAndInServiceIsQuiet()
        {
            var warnings = new List<string>();
            StudioDomainService.Settle(new SageMakerDomain { DomainId = "d-x", DomainName = "numerai", Status = SageMakerStatus.InService }, warnings.Add);
            Assert.Empty(warnings);
            StudioDomainService.Settle(new SageMakerDomain { DomainId = "d-x", DomainName = "numerai", Status = SageMakerStatus.UpdateFailed, RawStatus = "Update_Failed", FailureReason = "quota" }, warnings.Add);
            Assert.Contains("Update_Failed: quota", Assert.Single(warnings));
        }

        [Fact]
        public void ADeletingDomainIsAnError()
        {
            var e = Assert.Throws<NumeraiAwsException>(() => StudioDomainService.Settle(
                new SageMakerDomain { DomainId = "d-x", DomainName = "numerai", Status = SageMakerStatus.Deleting, RawStatus = "Deleting" }, _ => { }));
            Assert.Equal("DomainDeleting", e.Reason);
        }

        [Fact]
        public void AFailedProfileIsAnErrorCarryingAwssReason()
        {
            var e = Assert.Throws<NumeraiAwsException>(() => StudioUserService.Settle(new SageMakerUserProfile
            {
                DomainId = "d-x", UserProfileName = "numerai-analyst", Status = SageMakerStatus.Failed, RawStatus = "Failed", FailureReason = "EFS quota",
            }));
            Assert.Equal("UserProfileFailed", e.Reason);
            Assert.Equal("SageMaker user profile 'numerai-analyst' in d-x failed: EFS quota.", e.Message);
        }

        [Fact]
        public void NoDefaultVpcIsAnErrorThatSaysWhatToDo()
        {
            var e = Assert.Throws<NumeraiAwsException>(() => StudioDomainService.FromDefaultVpc(null, "eu-west-3"));
            Assert.Equal("NoDefaultVpc", e.Reason);
            Assert.Equal(ErrorKind.ObjectNotFound, e.Kind);
            Assert.Equal("The region eu-west-3 has no default VPC, and the Studio domain needs a VPC.", e.Message);
            Assert.Contains("aws ec2 create-default-vpc --region eu-west-3", e.RecommendedAction);
            Assert.Contains("-VpcId and -SubnetId", e.RecommendedAction);
        }

        [Fact]
        public void ADefaultVpcWithoutSubnetsIsAnError()
        {
            var e = Assert.Throws<NumeraiAwsException>(() => StudioDomainService.FromDefaultVpc(new DefaultVpc { VpcId = "vpc-1" }, "us-east-1"));
            Assert.Equal("NoDefaultSubnets", e.Reason);
        }

        [Fact]
        public void TakesAtMost16SubnetsInTheLookupsOrder()
        {
            var subnets = Enumerable.Range(0, 20).Select(i => $"subnet-{i:00}").ToList();
            var network = StudioDomainService.FromDefaultVpc(new DefaultVpc { VpcId = "vpc-1", SubnetIds = subnets }, "us-east-1");
            Assert.Equal("vpc-1", network.VpcId);
            Assert.Equal(subnets.Take(16), network.SubnetIds);
        }

        private static AwsServiceException SageMakerError(string code, string message) =>
            new AwsServiceException("SageMaker", "CreateDomain", code, message, HttpStatusCode.BadRequest, "req-1");

        [Theory]
        [InlineData("ValidationException", "The execution role ARN \"arn:aws:iam::123456789012:role/numerai/numerai-sagemaker-execution\" is invalid.", true)]
        [InlineData("ValidationException", "SageMaker was unable to assume the role", true)]
        [InlineData("ValidationException", "Role numerai-sagemaker-execution cannot be used yet", true)]
        [InlineData("ValidationException", "Subnets must be in at least two availability zones", false)]
        [InlineData("ResourceLimitExceeded", "The role cannot be assumed", false)]
        [InlineData("AccessDeniedException", "not authorized to perform iam:PassRole on the role", false)]
        public void RecognisesARoleSageMakerCannotUseYet(string code, string message, bool expected)
        {
            Assert.Equal(expected, StudioDomainService.IsRoleNotYetUsable(SageMakerError(code, message),
                "arn:aws:iam::123456789012:role/numerai/numerai-sagemaker-execution", "numerai-sagemaker-execution"));
        }

        [Fact]
        public void ADomainStillPendingAtTheDeadlineIsDomainWaitTimeout()
        {
            var clock = new FakeWaitClock();
            var e = Assert.Throws<NumeraiAwsException>(() => StudioWaits.UntilSettled(new RecordingSetupHost(), "SageMaker domain 'numerai' (d-x)", "DomainWaitTimeout",
                () => new SageMakerDomain { Status = SageMakerStatus.Pending, RawStatus = "Pending" }, d => d.Status, d => d.RawStatus,
                TimeSpan.FromSeconds(30), null, null, clock));
            Assert.Equal("DomainWaitTimeout", e.Reason);
            Assert.Equal(ErrorKind.OperationTimeout, e.Kind);
            Assert.Equal("SageMaker domain 'numerai' (d-x) is still provisioning (Pending) after 30 s. Nothing is wrong yet: SageMaker keeps working on it.", e.Message);
            Assert.StartsWith("Run the command again later (re-running picks it up and waits for it)", e.RecommendedAction);
            Assert.Equal(TimeSpan.FromSeconds(30), clock.UtcNow - new FakeWaitClock().UtcNow);
        }

        [Theory]
        [InlineData(SageMakerStatus.Pending, true)]
        [InlineData(SageMakerStatus.Updating, true)]
        [InlineData(SageMakerStatus.InService, false)]
        [InlineData(SageMakerStatus.Failed, false)]
        [InlineData(SageMakerStatus.UpdateFailed, false)]
        [InlineData(SageMakerStatus.Deleting, false)]
        [InlineData(SageMakerStatus.Unknown, false)]
        public void OnlyPendingAndUpdatingAreWaitedFor(SageMakerStatus status, bool transitional)
        {
            Assert.Equal(transitional, StudioWaits.IsTransitional(status));
        }
    }
}
