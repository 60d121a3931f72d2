using System;
using System.IO;
using System.Text;
using NumeraiAws.Engine.Setup.Identity;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    public sealed class GitCredentialsFileTests : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "numeraiaws-git-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void ContentIsTheConsolesCsv()
        {
            Assert.Equal("User Name,Password\r\nnumerai-analyst-at-123456789012,abc+/=\r\n",
                GitCredentialsFile.Content("numerai-analyst-at-123456789012", "abc+/="));
            Assert.Equal("User Name,Password\r\nu,\"a,b\"\"c\"\r\n", GitCredentialsFile.Content("u", "a,b\"c"));
        }

        [Fact]
        public void WritesOwnerOnlyAndNeverOverwritesUnlessAsked()
        {
            var path = Path.Combine(_folder, "credentials.csv");
            GitCredentialsFile.Write(path, "u-at-1", SecureText.Protect("secret-1"), overwrite: false);
            Assert.Equal("User Name,Password\r\nu-at-1,secret-1\r\n", File.ReadAllText(path, Encoding.UTF8));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);    // no byte order mark
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

            Assert.Throws<IOException>(() => GitCredentialsFile.Write(path, "u-at-1", SecureText.Protect("secret-2"), overwrite: false));
            Assert.Contains("secret-1", File.ReadAllText(path));

            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            GitCredentialsFile.Write(path, "u-at-1", SecureText.Protect("secret-3"), overwrite: true);
            Assert.Contains("secret-3", File.ReadAllText(path));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void ChecksTheTargetBeforeAnythingIsMinted()
        {
            var path = Path.Combine(_folder, "exists.csv");
            File.WriteAllText(path, "keep");
            Assert.Equal("OutFileExists", Assert.Throws<NumeraiAwsException>(() => GitCredentialsFile.CheckTarget(path, force: false)).Reason);
            GitCredentialsFile.CheckTarget(path, force: true);
            GitCredentialsFile.CheckTarget(Path.Combine(_folder, "new.csv"), force: false);
            Assert.Equal("OutFileIsDirectory", Assert.Throws<NumeraiAwsException>(() => GitCredentialsFile.CheckTarget(_folder, force: true)).Reason);
            Assert.Equal("OutFileDirectoryNotFound",
                Assert.Throws<NumeraiAwsException>(() => GitCredentialsFile.CheckTarget(Path.Combine(_folder, "missing", "c.csv"), force: false)).Reason);
        }
    }
}
