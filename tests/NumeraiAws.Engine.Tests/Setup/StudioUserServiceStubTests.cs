using System;
using System.Linq;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Studio;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>
    /// New-NumeraiStudioUser's service against a scripted SageMaker: the wait, a failure, a timeout, -WhatIf and
    /// -NoWait, call by call, on a fake clock (nothing here sleeps).
    /// </summary>
    public sealed class StudioUserServiceStubTests
    {
        private const string Arn = "arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-numerai/numerai-analyst";

        private static string Profile(string status, string failureReason = null) =>
            $@"{{""DomainId"":""d-numerai"",""UserProfileName"":""numerai-analyst"",""UserProfileArn"":""{Arn}"",""Status"":""{status}""" +
            (failureReason == null ? "" : $@",""FailureReason"":""{failureReason}""") + "}";

        private static StudioUserRequest Request(FakeWaitClock clock, double timeoutSeconds = 900, bool noWait = false) => new StudioUserRequest
        {
            DomainId = "d-numerai",
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            NoWait = noWait,
            Clock = clock,
        };

        [Fact]
        public void CreatesThenWaitsUntilInService()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "profile does not exist").Ok($@"{{""UserProfileArn"":""{Arn}""}}")
                .Ok(Profile("Pending")).Ok(Profile("Pending")).Ok(Profile("InService"));
            using var connection = stub.Connect();
            var host = new RecordingSetupHost();
            var clock = new FakeWaitClock();

            var user = StudioUserService.Ensure(connection, host, Request(clock));

            Assert.Equal("InService", user.Status);
            Assert.True(user.Created);
            Assert.Equal(Arn, user.UserProfileArn);
            Assert.Equal(new[] { "DescribeUserProfile", "CreateUserProfile", "DescribeUserProfile", "DescribeUserProfile", "DescribeUserProfile" },
                stub.Requests.Select(r => r.Target.Split('.')[1]));
            Assert.Equal(new[] { 1, 2 }, clock.Sleeps.Select(s => (int)s.TotalSeconds));
            Assert.Equal(2, host.ProgressRecords.Count);
            Assert.Single(host.Completed);
            Assert.Equal(WireJson.Canonical(@"{""DomainId"":""d-numerai"",""UserProfileName"":""numerai-analyst"",""Tags"":[{""Key"":""numeraiaws:component"",""Value"":""studio-user""},{""Key"":""numeraiaws:managed"",""Value"":""true""}]}"),
                WireJson.Canonical(stub.Requests[1].Body));
        }

        [Fact]
        public void AProfileThatFailsIsUserProfileFailedWithTheReason()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "no").Ok($@"{{""UserProfileArn"":""{Arn}""}}").Ok(Profile("Pending")).Ok(Profile("Failed", "EFS mount target limit reached"));
            using var connection = stub.Connect();

            var e = Assert.Throws<NumeraiAwsException>(() => StudioUserService.Ensure(connection, new RecordingSetupHost(), Request(new FakeWaitClock())));

            Assert.Equal("UserProfileFailed", e.Reason);
            Assert.Contains("failed: EFS mount target limit reached", e.Message);
        }

        [Fact]
        public void AProfileStillPendingAtTheDeadlineIsUserProfileWaitTimeout()
        {
            using var stub = new StubAwsServer();
            stub.Ok(Profile("Pending"));
            for (var i = 0; i < 10; i++) stub.Ok(Profile("Pending"));
            using var connection = stub.Connect();
            var clock = new FakeWaitClock();

            var e = Assert.Throws<NumeraiAwsException>(() => StudioUserService.Ensure(connection, new RecordingSetupHost(), Request(clock, timeoutSeconds: 5)));

            Assert.Equal("UserProfileWaitTimeout", e.Reason);
            Assert.Equal(ErrorKind.OperationTimeout, e.Kind);
            // Found Pending (no create), then looks after 1, 2 and the 2 s left of the 4 s pause.
            Assert.Equal(new[] { 1, 2, 2 }, clock.Sleeps.Select(s => (int)s.TotalSeconds));
            Assert.Equal(4, stub.Requests.Count);
            Assert.DoesNotContain(stub.Requests, r => r.Target.EndsWith("CreateUserProfile", StringComparison.Ordinal));
        }

        [Fact]
        public void WhatIfReadsOnceAndWritesNothing()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "no");
            using var connection = stub.Connect();
            var host = new RecordingSetupHost(allowChanges: false);

            Assert.Null(StudioUserService.Ensure(connection, host, Request(new FakeWaitClock())));

            Assert.Single(stub.Requests);
            Assert.Equal("SageMaker user profile 'numerai-analyst' in domain d-numerai", Assert.Single(host.Asked).Target);
        }

        [Fact]
        public void NoWaitLooksOnceAfterCreating()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "no").Ok($@"{{""UserProfileArn"":""{Arn}""}}").Ok(Profile("Pending"));
            using var connection = stub.Connect();
            var clock = new FakeWaitClock();

            var user = StudioUserService.Ensure(connection, new RecordingSetupHost(), Request(clock, noWait: true));

            Assert.Equal("Pending", user.Status);
            Assert.Equal(3, stub.Requests.Count);
            Assert.Empty(clock.Sleeps);
        }

        [Fact]
        public void AMissingDomainIsDomainNotFound()
        {
            using var stub = new StubAwsServer();
            stub.Error("ResourceNotFound", "no profile").Error("ResourceNotFound", "Domain d-numerai not found");
            using var connection = stub.Connect();

            var e = Assert.Throws<NumeraiAwsException>(() => StudioUserService.Ensure(connection, new RecordingSetupHost(), Request(new FakeWaitClock())));

            Assert.Equal("DomainNotFound", e.Reason);
            Assert.Equal(ErrorKind.ObjectNotFound, e.Kind);
        }

        [Fact]
        public void BadInputMakesNoCall()
        {
            using var stub = new StubAwsServer();
            using var connection = stub.Connect();
            var e = Assert.Throws<NumeraiAwsException>(() => StudioUserService.Ensure(connection, new RecordingSetupHost(),
                new StudioUserRequest { DomainId = "d-numerai", UserProfileName = "bad_name" }));
            Assert.Equal("InvalidUserProfileName", e.Reason);
            Assert.Empty(stub.Requests);
        }
    }
}
