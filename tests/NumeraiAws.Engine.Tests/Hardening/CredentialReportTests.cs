using System;
using System.Text;
using NumeraiAws.Engine.Setup.Hardening;
using Xunit;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>The credential report CSV as IAM writes it (header row, &lt;root_account&gt;, markers), read by column name.</summary>
    public sealed class CredentialReportTests
    {
        internal const string Header =
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
            "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
            "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
            "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

        // The root row of a real report: password fields "not_supported", never-used keys "N/A".
        internal const string RootRow =
            "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true," +
            "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

        [Fact]
        public void ReadsRootAndUsersByColumnNameWithMarkersAsNoDate()
        {
            var csv = Header + "\n" + RootRow + "\n" +
                "alice,arn:aws:iam::123456789012:user/alice,2024-01-02T03:04:05+00:00,true,no_information,2024-01-02T03:04:05+00:00,N/A,false," +
                "true,2024-02-01T00:00:00+00:00,2024-06-01T12:30:00+00:00,us-east-1,s3,true,2024-03-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A\n";

            var report = CredentialReport.Parse(Encoding.UTF8.GetBytes(csv), new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc));

            Assert.Equal(new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc), report.GeneratedTime);
            Assert.NotNull(report.Root);
            Assert.Equal("<root_account>", report.Root.User);
            Assert.False(report.Root.PasswordEnabled);
            Assert.Null(report.Root.PasswordLastChanged);
            Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), report.Root.PasswordLastUsed);
            Assert.True(report.Root.MfaActive);
            Assert.Null(report.Root.AccessKey1LastUsed);

            var alice = Assert.Single(report.Users);
            Assert.Equal("alice", alice.User);
            Assert.True(alice.PasswordEnabled);
            Assert.Null(alice.PasswordLastUsed);
            Assert.Equal("no_information", alice.Raw("password_last_used"));
            Assert.False(alice.MfaActive);
            Assert.True(alice.AccessKey1Active);
            Assert.Equal(new DateTime(2024, 6, 1, 12, 30, 0, DateTimeKind.Utc), alice.AccessKey1LastUsed);
            Assert.Equal(DateTimeKind.Utc, alice.AccessKey1LastUsed.Value.Kind);
            Assert.True(alice.AccessKey2Active);
            Assert.Null(alice.AccessKey2LastUsed);
            Assert.Same(alice, report.Find("alice"));
        }

        [Fact]
        public void QuotedCellsMayHoldCommasAndQuotesAndCrLfEndsRows()
        {
            // IAM user names may contain commas; a CSV writer quotes such cells.
            var csv = "user,arn,mfa_active\r\n\"a,b\",\"arn:aws:iam::1:user/a,b\",true\r\n\"say \"\"hi\"\"\",arn,false";
            var report = CredentialReport.Parse(Encoding.UTF8.GetBytes(csv));
            Assert.Equal(2, report.Users.Count);
            Assert.Equal("a,b", report.Users[0].User);
            Assert.Equal("arn:aws:iam::1:user/a,b", report.Users[0].Arn);
            Assert.True(report.Users[0].MfaActive);
            Assert.Equal("say \"hi\"", report.Users[1].User);
            Assert.Null(report.Root);
        }

        [Fact]
        public void AnEmptyReportHasNoRows()
        {
            var report = CredentialReport.Parse(new byte[0]);
            Assert.Empty(report.Users);
            Assert.Null(report.Root);
        }

        [Fact]
        public void AColumnMissingFromTheReportReadsAsNoValue()
        {
            var report = CredentialReport.Parse(Encoding.UTF8.GetBytes("user,arn\nbob,arn:aws:iam::1:user/bob\n"));
            var bob = Assert.Single(report.Users);
            Assert.False(bob.PasswordEnabled);
            Assert.Null(bob.AccessKey1LastRotated);
            Assert.Null(bob.Raw("mfa_active"));
        }
    }
}
