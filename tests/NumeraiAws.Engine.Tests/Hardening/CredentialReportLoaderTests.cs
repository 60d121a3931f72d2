using System;
using System.Linq;
using System.Text;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Setup.Hardening;
using Xunit;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>Getting a credential report: generate, poll with backoff, wait through ReportInProgress, regenerate on ReportNotPresent.</summary>
    public sealed class CredentialReportLoaderTests
    {
        private static string Generate(string state) =>
            $"<GenerateCredentialReportResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GenerateCredentialReportResult><State>{state}</State></GenerateCredentialReportResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GenerateCredentialReportResponse>";

        private static string Error(string code) =>
            $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>";

        private static string Report(string csv) =>
            "<GetCredentialReportResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetCredentialReportResult>" +
            $"<Content>{Convert.ToBase64String(Encoding.UTF8.GetBytes(csv))}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2025-06-30T12:00:00Z</GeneratedTime>" +
            "</GetCredentialReportResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCredentialReportResponse>";

        [Fact]
        public void PollsUntilCompleteWaitsThroughInProgressAndRegeneratesAMissingReport()
        {
            using var stub = new StubAwsServer();
            stub.Xml(200, Generate("STARTED"));
            stub.Xml(200, Generate("COMPLETE"));
            stub.Xml(404, Error("ReportInProgress"));
            stub.Xml(200, Generate("COMPLETE"));
            stub.Xml(410, Error("ReportNotPresent"));
            stub.Xml(200, Generate("STARTED"));
            stub.Xml(200, Generate("COMPLETE"));
            stub.Xml(200, Report("user,arn,mfa_active\nalice,arn:aws:iam::1:user/alice,true\n"));
            using var connection = stub.Connect();

            var report = CredentialReportLoader.Load(new IamClient(connection), new RecordingSetupHost(), TimeSpan.FromSeconds(30));

            Assert.Equal("alice", Assert.Single(report.Users).User);
            Assert.True(report.Users[0].MfaActive);
            Assert.Equal(new DateTime(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc), report.GeneratedTime);
            Assert.Equal(8, stub.Requests.Count);
            Assert.Equal(new[] { "Generate", "Generate", "Get", "Generate", "Get", "Generate", "Generate", "Get" },
                stub.Requests.Select(r => r.Body.Contains("Action=GetCredentialReport") ? "Get" : "Generate"));
        }

        [Fact]
        public void AReportThatNeverCompletesStopsAtTheBound()
        {
            using var stub = new StubAwsServer();
            for (var i = 0; i < 20; i++) stub.Xml(200, Generate("INPROGRESS"));
            using var connection = stub.Connect();

            var error = Assert.Throws<NumeraiAwsException>(() => CredentialReportLoader.Load(new IamClient(connection), new RecordingSetupHost(), TimeSpan.FromSeconds(1)));

            Assert.Equal(("CredentialReportTimeout", ErrorKind.OperationTimeout), (error.Reason, error.Kind));
            Assert.InRange(stub.Requests.Count, 2, 4);
            Assert.DoesNotContain(stub.Requests, r => r.Body.Contains("Action=GetCredentialReport"));
        }
    }
}
