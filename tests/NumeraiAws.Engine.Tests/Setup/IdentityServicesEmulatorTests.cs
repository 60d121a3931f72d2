using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Identity;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>
    /// The user and admin services against a moto of their own (the account password policy is account-wide), through
    /// a proxy that keeps each request body: what is sent, and where the password goes.
    /// </summary>
    public sealed class IdentityServicesEmulatorTests : IClassFixture<MotoServer>
    {
        private const string Password = "Wire-Check-Pa55word!";
        private readonly MotoServer _moto;

        public IdentityServicesEmulatorTests(MotoServer moto) { _moto = moto; }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        [Fact]
        public void ConsolePasswordGoesOnlyIntoCreateLoginProfileWithResetRequired()
        {
            using var proxy = new RecordingProxy(_moto.Url);
            using var connection = proxy.Connect();
            var host = new RecordingSetupHost();
            var group = Unique("analysts");
            var user = Unique("analyst");

            IamGroupService.Ensure(connection, host, new IamGroupRequest { GroupName = group });
            var result = IamUserService.Ensure(connection, host, new IamUserRequest
            {
                UserName = user,
                GroupName = group,
                ConsolePassword = SecureText.Protect(Password),
            });

            Assert.True(result.ConsoleAccess);
            Assert.Equal(new[] { "User", "GroupMembership", "LoginProfile" }, result.Changed);
            var encoded = Uri.EscapeDataString(Password);
            var carrying = proxy.Requests.Where(r => r.Value.Contains(encoded) || r.Value.Contains(Password)).ToList();
            Assert.Equal(new[] { "CreateLoginProfile" }, carrying.Select(r => r.Key));
            Assert.Contains("PasswordResetRequired=true", carrying[0].Value);
            Assert.DoesNotContain(proxy.Requests, r => r.Key == "AttachUserPolicy" || r.Key == "PutUserPolicy");
            Assert.DoesNotContain(host.AllText, m => m.Contains(Password));
        }

        [Fact]
        public void WeakPasswordStopsBeforeAnyWrite()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var host = new RecordingSetupHost();
            var e = Assert.Throws<NumeraiAwsException>(() => AdminUserService.Ensure(connection, host, new AdminUserRequest
            {
                UserName = Unique("admin"),
                GroupName = Unique("admins"),
                ConsolePassword = SecureText.Protect("short"),
            }));
            Assert.Equal("PasswordPolicyViolation", e.Reason);
            Assert.DoesNotContain(observer.Calls, c => c.IsWrite);
            Assert.Empty(host.Changes);
        }

        [Fact]
        public void WhatIfAsksOnceAndMakesNoWriteCall()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var host = new RecordingSetupHost(allowChanges: false);
            var result = AdminUserService.Ensure(connection, host, new AdminUserRequest
            {
                UserName = Unique("admin"),
                GroupName = Unique("admins"),
                GeneratePassword = true,
            });
            Assert.DoesNotContain(observer.Calls, c => c.IsWrite);
            Assert.Null(result.GeneratedPassword);
            Assert.False(result.Created);
            Assert.Equal(2, host.Changes.Count);    // the group, the user: nothing inside what was not created
            Assert.Contains("AdministratorAccess", host.Changes[0]);
        }
    }
}
