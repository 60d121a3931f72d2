using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Iam
{
    /// <summary>
    /// The parsers against the sample responses of the IAM API reference
    /// (docs.aws.amazon.com/IAM/latest/APIReference/API_&lt;Operation&gt;.html, "Examples"), copied as published
    /// except where noted: the invisible tab watermark the docs put inside JSON examples is removed, and where an
    /// example is not well-formed XML the single broken tag is repaired (each such place says so).
    /// The reference shows policy documents as plain JSON; real IAM URL-encodes them, which
    /// <see cref="PolicyDocumentsAreUrlDecoded"/> covers.
    /// </summary>
    public sealed class IamResponsesTests
    {
        private static QueryResponse Parse(string action, string xml) => QueryResponse.Parse(Encoding.UTF8.GetBytes(xml), action);

        private static DateTime Utc(string iso) =>
            DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

        // ---- Users ------------------------------------------------------------------------------------------

        [Fact]
        public void GetUser()
        {
            var user = IamResponses.GetUser(Parse("GetUser", """
                <GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetUserResult>
                    <User>
                      <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                      <Path>/division_abc/subdivision_xyz/</Path>
                      <UserName>Bob</UserName>
                      <Arn>arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob</Arn>
                      <CreateDate>2013-10-02T17:01:44Z</CreateDate>
                      <PasswordLastUsed>2014-10-10T14:37:51Z</PasswordLastUsed>
                    </User>
                  </GetUserResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </GetUserResponse>
                """));
            Assert.Equal("Bob", user.UserName);
            Assert.Equal("AIDACKCEVSQ6C2EXAMPLE", user.UserId);
            Assert.Equal("/division_abc/subdivision_xyz/", user.Path);
            Assert.Equal("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob", user.Arn);
            Assert.Equal(new DateTime(2013, 10, 2, 17, 1, 44, DateTimeKind.Utc), user.CreateDate);
            Assert.Equal(DateTimeKind.Utc, user.CreateDate.Value.Kind);
            Assert.Equal(new DateTime(2014, 10, 10, 14, 37, 51, DateTimeKind.Utc), user.PasswordLastUsed);
            Assert.Empty(user.Tags);
            Assert.Null(user.PermissionsBoundaryArn);
        }

        [Fact]
        public void CreateUser()
        {
            var user = IamResponses.CreateUser(Parse("CreateUser", """
                <CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreateUserResult>
                    <User>
                      <Path>/division_abc/subdivision_xyz/</Path>
                      <UserName>Bob</UserName>
                      <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                      <Arn>arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob</Arn>
                    </User>
                  </CreateUserResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </CreateUserResponse>
                """));
            Assert.Equal("Bob", user.UserName);
            Assert.Equal("AIDACKCEVSQ6C2EXAMPLE", user.UserId);
            Assert.Equal("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob", user.Arn);
            Assert.Null(user.CreateDate);
            Assert.Null(user.PasswordLastUsed);
        }

        [Fact]
        public void UserTagsAreRead()
        {
            // Not from the reference (its GetUser example has no tags); the Tag shape is Key/Value members.
            var user = IamResponses.GetUser(Parse("GetUser", """
                <GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetUserResult><User><UserName>Bob</UserName>
                    <Tags><member><Key>team</Key><Value>ml</Value></member><member><Key>empty</Key><Value></Value></member></Tags>
                    <PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>
                      <PermissionsBoundaryArn>arn:aws:iam::123456789012:policy/boundary</PermissionsBoundaryArn></PermissionsBoundary>
                  </User></GetUserResult>
                </GetUserResponse>
                """));
            Assert.Equal(new[] { "team=ml", "empty=" }, user.Tags.Select(t => t.ToString()));
            Assert.Equal("arn:aws:iam::123456789012:policy/boundary", user.PermissionsBoundaryArn);
        }

        [Fact]
        public void ListGroupsForUser()
        {
            var groups = IamResponses.ListGroupsForUser(Parse("ListGroupsForUser", """
                <ListGroupsForUserResponse>
                  <ListGroupsForUserResult>
                    <Groups>
                       <member>
                          <Path>/</Path>
                          <GroupName>Admins</GroupName>
                          <GroupId>AGPACKCEVSQ6C2EXAMPLE</GroupId>
                          <Arn>arn:aws:iam::123456789012:group/Admins</Arn>
                       </member>
                    </Groups>
                    <IsTruncated>false</IsTruncated>
                  </ListGroupsForUserResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListGroupsForUserResponse>
                """));
            var group = Assert.Single(groups);
            Assert.Equal("Admins", group.GroupName);
            Assert.Equal("AGPACKCEVSQ6C2EXAMPLE", group.GroupId);
            Assert.Equal("/", group.Path);
            Assert.Equal("arn:aws:iam::123456789012:group/Admins", group.Arn);
        }

        [Fact]
        public void GetLoginProfile()
        {
            var profile = IamResponses.GetLoginProfile(Parse("GetLoginProfile", """
                <GetLoginProfileResponse>
                 <GetLoginProfileResult>
                    <LoginProfile>
                       <UserName>Bob</UserName>
                       <CreateDate>2011-09-19T23:00:56Z</CreateDate>
                    </LoginProfile>
                 </GetLoginProfileResult>
                 <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                 </ResponseMetadata>
                </GetLoginProfileResponse>
                """));
            Assert.Equal("Bob", profile.UserName);
            Assert.Equal(new DateTime(2011, 9, 19, 23, 0, 56, DateTimeKind.Utc), profile.CreateDate);
            Assert.False(profile.PasswordResetRequired);
        }

        [Fact]
        public void ListAttachedUserPolicies()
        {
            var response = Parse("ListAttachedUserPolicies", """
                <ListAttachedUserPoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListAttachedUserPoliciesResult>
                    <AttachedPolicies>
                      <member>
                        <PolicyName>AdministratorAccess</PolicyName>
                        <PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn>
                      </member>
                    </AttachedPolicies>
                    <IsTruncated>false</IsTruncated>
                  </ListAttachedUserPoliciesResult>
                  <ResponseMetadata>
                    <RequestId>75980e78-3ea6-11e4-9d0d-6f969EXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListAttachedUserPoliciesResponse>
                """);
            var policy = Assert.Single(IamResponses.ListAttachedPolicies(response));
            Assert.Equal("AdministratorAccess", policy.PolicyName);
            Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", policy.PolicyArn);
            Assert.Null(IamResponses.NextMarker(response));
        }

        [Fact]
        public void ListMfaDevices()
        {
            var device = Assert.Single(IamResponses.ListMfaDevices(Parse("ListMFADevices", """
                <ListMFADevicesResponse>
                  <ListMFADevicesResult>
                    <MFADevices>
                       <member>
                          <UserName>Bob</UserName>
                          <SerialNumber>R1234</SerialNumber>
                       </member>
                    </MFADevices>
                    <IsTruncated>false</IsTruncated>
                  </ListMFADevicesResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListMFADevicesResponse>
                """)));
            Assert.Equal("Bob", device.UserName);
            Assert.Equal("R1234", device.SerialNumber);
            Assert.Null(device.EnableDate);
        }

        [Fact]
        public void ListAccessKeys()
        {
            var keys = IamResponses.ListAccessKeys(Parse("ListAccessKeys", """
                <ListAccessKeysResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListAccessKeysResult>
                    <UserName>Bob</UserName>
                    <AccessKeyMetadata>
                       <member>
                          <UserName>Bob</UserName>
                          <AccessKeyId>AKIA1234567890EXAMPLE</AccessKeyId>
                          <Status>Active</Status>
                	   <CreateDate>2016-12-03T18:53:41Z</CreateDate>
                       </member>
                       <member>
                          <UserName>Susan</UserName>
                          <AccessKeyId>AKIA2345678901EXAMPLE</AccessKeyId>
                          <Status>Inactive</Status>
                	   <CreateDate>2017-03-25T20:38:14Z</CreateDate>
                       </member>
                    </AccessKeyMetadata>
                    <IsTruncated>false</IsTruncated>
                  </ListAccessKeysResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListAccessKeysResponse>
                """));
            Assert.Equal(new[] { "AKIA1234567890EXAMPLE", "AKIA2345678901EXAMPLE" }, keys.Select(k => k.AccessKeyId));
            Assert.Equal(new[] { "Active", "Inactive" }, keys.Select(k => k.Status));
            Assert.Equal("Susan", keys[1].UserName);
            Assert.Equal(new DateTime(2016, 12, 3, 18, 53, 41, DateTimeKind.Utc), keys[0].CreateDate);
        }

        // ---- Groups -----------------------------------------------------------------------------------------

        [Fact]
        public void GetGroup()
        {
            var response = Parse("GetGroup", """
                <GetGroupResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                 <GetGroupResult>
                    <Group>
                       <Path>/</Path>
                       <GroupName>Admins</GroupName>
                       <GroupId>AGPACKCEVSQ6C2EXAMPLE</GroupId>
                       <Arn>arn:aws:iam::123456789012:group/Admins</Arn>
                    </Group>
                    <Users>
                       <member>
                          <Path>/division_abc/subdivision_xyz/</Path>
                          <UserName>Bob</UserName>
                          <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                          <Arn>
                          arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob
                          </Arn>
                       </member>
                       <member>
                          <Path>/division_abc/subdivision_xyz/</Path>
                          <UserName>Susan</UserName>
                          <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                          <Arn>
                          arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Susan
                          </Arn>
                       </member>
                    </Users>
                    <IsTruncated>false</IsTruncated>
                 </GetGroupResult>
                 <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                 </ResponseMetadata>
                </GetGroupResponse>
                """);
            var membership = IamResponses.GetGroup(response);
            Assert.Equal("Admins", membership.Group.GroupName);
            Assert.Equal("AGPACKCEVSQ6C2EXAMPLE", membership.Group.GroupId);
            Assert.Equal("arn:aws:iam::123456789012:group/Admins", membership.Group.Arn);
            Assert.Equal(new[] { "Bob", "Susan" }, membership.Users.Select(u => u.UserName));
            Assert.Equal("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Susan", membership.Users[1].Arn);
            Assert.Null(IamResponses.NextMarker(response));
        }

        // ---- Managed policies -------------------------------------------------------------------------------

        [Fact]
        public void GetPolicy()
        {
            var policy = IamResponses.GetPolicy(Parse("GetPolicy", """
                <GetPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetPolicyResult>
                    <Policy>
                      <PolicyName>S3-read-only-example-bucket</PolicyName>
                      <Description>Allows read-only access to the example bucket</Description>
                      <DefaultVersionId>v1</DefaultVersionId>
                      <PolicyId>AGPACKCEVSQ6C2EXAMPLE</PolicyId>
                      <Path>/</Path>
                      <Arn>arn:aws:iam::123456789012:policy/S3-read-only-example-bucket</Arn>
                      <AttachmentCount>9</AttachmentCount>
                      <CreateDate>2014-09-15T17:36:14Z</CreateDate>
                      <UpdateDate>2014-09-15T20:31:47Z</UpdateDate>
                    </Policy>
                  </GetPolicyResult>
                  <ResponseMetadata>
                    <RequestId>684f0917-3d22-11e4-a4a0-cffb9EXAMPLE</RequestId>
                  </ResponseMetadata>
                </GetPolicyResponse>
                """));
            Assert.Equal("S3-read-only-example-bucket", policy.PolicyName);
            Assert.Equal("Allows read-only access to the example bucket", policy.Description);
            Assert.Equal("v1", policy.DefaultVersionId);
            Assert.Equal("AGPACKCEVSQ6C2EXAMPLE", policy.PolicyId);
            Assert.Equal("/", policy.Path);
            Assert.Equal("arn:aws:iam::123456789012:policy/S3-read-only-example-bucket", policy.Arn);
            Assert.Equal(9, policy.AttachmentCount);
            Assert.False(policy.IsAttachable); // the example leaves IsAttachable out
            Assert.Equal(Utc("2014-09-15T17:36:14Z"), policy.CreateDate);
            Assert.Equal(Utc("2014-09-15T20:31:47Z"), policy.UpdateDate);
        }

        [Fact]
        public void ListPolicies()
        {
            var response = Parse("ListPolicies", """
                <ListPoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListPoliciesResult>
                    <IsTruncated>true</IsTruncated>
                    <Marker>EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl/eeaCX3Jo94/bKqezEAg8TEVS
                    99EKFLxm3jtbpl25FDWEXAMPLE
                    </Marker>
                    <Policies>
                      <member>
                        <Arn>arn:aws:iam::123456789012:policy/ExamplePolicy</Arn>
                        <AttachmentCount>2</AttachmentCount>
                        <CreateDate>2014-09-15T17:36:14Z</CreateDate>
                        <DefaultVersionId>v1</DefaultVersionId>
                        <IsAttachable>true</IsAttachable>
                        <Path>/</Path>
                        <PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>
                        <PolicyId>AGPACKCEVSQ6C2EXAMPLE</PolicyId>
                        <PolicyName>ExamplePolicy</PolicyName>
                        <UpdateDate>2014-09-15T20:31:47Z</UpdateDate>
                      </member>
                      <member>
                        <Arn>arn:aws:iam::aws:policy/PowerUserAccess</Arn>
                        <AttachmentCount>0</AttachmentCount>
                        <CreateDate>2014-08-21T20:25:01Z</CreateDate>
                        <DefaultVersionId>v1</DefaultVersionId>
                        <IsAttachable>true</IsAttachable>
                        <Path>/</Path>
                        <PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>
                        <PolicyId>AGPACKCEVSQ6C2EXAMPLE</PolicyId>
                        <PolicyName>PowerUserAccess</PolicyName>
                        <UpdateDate>2014-08-21T20:25:01Z</UpdateDate>
                      </member>
                      <member>
                        <Arn>arn:aws:iam::aws:policy/AdministratorAccess</Arn>
                        <AttachmentCount>1</AttachmentCount>
                        <CreateDate>2014-08-21T20:11:25Z</CreateDate>
                        <DefaultVersionId>v1</DefaultVersionId>
                        <IsAttachable>true</IsAttachable>
                        <Path>/</Path>
                        <PermissionsBoundaryUsageCount>1</PermissionsBoundaryUsageCount>
                        <PolicyId>AGPACKCEVSQ6C2EXAMPLE</PolicyId>
                        <PolicyName>AdministratorAccess</PolicyName>
                        <UpdateDate>2014-08-21T20:11:25Z</UpdateDate>
                      </member>
                      <member>
                        <Arn>arn:aws:iam::aws:policy/ReadOnlyAccess</Arn>
                        <AttachmentCount>6</AttachmentCount>
                        <CreateDate>2014-08-21T20:31:44Z</CreateDate>
                        <DefaultVersionId>v1</DefaultVersionId>
                        <IsAttachable>true</IsAttachable>
                        <Path>/</Path>
                        <PermissionsBoundaryUsageCount>2</PermissionsBoundaryUsageCount>
                        <PolicyId>AGPACKCEVSQ6C2EXAMPLE</PolicyId>
                        <PolicyName>ReadOnlyAccess</PolicyName>
                        <UpdateDate>2014-08-21T20:31:44Z</UpdateDate>
                      </member>
                    </Policies>
                  </ListPoliciesResult>
                  <ResponseMetadata>
                    <RequestId>6207e832-3eb7-11e4-9d0d-6f969EXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListPoliciesResponse>
                """);
            var policies = IamResponses.ListPolicies(response);
            Assert.Equal(new[] { "ExamplePolicy", "PowerUserAccess", "AdministratorAccess", "ReadOnlyAccess" }, policies.Select(p => p.PolicyName));
            Assert.Equal(new[] { 2, 0, 1, 6 }, policies.Select(p => p.AttachmentCount));
            Assert.Equal(new[] { 0, 0, 1, 2 }, policies.Select(p => p.PermissionsBoundaryUsageCount));
            Assert.All(policies, p => Assert.True(p.IsAttachable));
            Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", policies[3].Arn);
            Assert.StartsWith("EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl", IamResponses.NextMarker(response));
            Assert.EndsWith("99EKFLxm3jtbpl25FDWEXAMPLE", IamResponses.NextMarker(response));
        }

        [Fact]
        public void GetPolicyVersion()
        {
            var version = IamResponses.GetPolicyVersion(Parse("GetPolicyVersion", """
                <GetPolicyVersionResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetPolicyVersionResult>
                    <PolicyVersion>
                      <Document>
                      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],
                      "Resource":["arn:aws:s3:::EXAMPLE-BUCKET","arn:aws:s3:::EXAMPLE-BUCKET/*"]}]}
                      </Document>
                      <IsDefaultVersion>true</IsDefaultVersion>
                      <VersionId>v1</VersionId>
                      <CreateDate>2014-09-15T20:31:47Z</CreateDate>
                    </PolicyVersion>
                  </GetPolicyVersionResult>
                  <ResponseMetadata>
                    <RequestId>d472f28e-3d23-11e4-a4a0-cffb9EXAMPLE</RequestId>
                  </ResponseMetadata>
                </GetPolicyVersionResponse>
                """));
            Assert.Equal("v1", version.VersionId);
            Assert.True(version.IsDefaultVersion);
            Assert.Equal(Utc("2014-09-15T20:31:47Z"), version.CreateDate);
            using var document = JsonDocument.Parse(version.Document);
            var statement = document.RootElement.GetProperty("Statement")[0];
            Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
            Assert.Equal(new[] { "s3:Get*", "s3:List*" }, statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("arn:aws:s3:::EXAMPLE-BUCKET/*", statement.GetProperty("Resource")[1].GetString());
        }

        [Fact]
        public void CreatePolicyVersion()
        {
            var version = IamResponses.CreatePolicyVersion(Parse("CreatePolicyVersion", """
                <CreatePolicyVersionResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreatePolicyVersionResult>
                    <PolicyVersion>
                      <IsDefaultVersion>false</IsDefaultVersion>
                      <VersionId>v2</VersionId>
                      <CreateDate>2014-09-15T19:58:59.430Z</CreateDate>
                    </PolicyVersion>
                  </CreatePolicyVersionResult>
                  <ResponseMetadata>
                    <RequestId>bb551b92-3d12-11e4-bfad-8d1c6EXAMPLE</RequestId>
                  </ResponseMetadata>
                </CreatePolicyVersionResponse>
                """));
            Assert.Equal("v2", version.VersionId);
            Assert.False(version.IsDefaultVersion);
            Assert.Equal(new DateTime(2014, 9, 15, 19, 58, 59, 430, DateTimeKind.Utc), version.CreateDate);
            Assert.Null(version.Document);
        }

        [Fact]
        public void ListPolicyVersions()
        {
            var response = Parse("ListPolicyVersions", """
                <ListPolicyVersionsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListPolicyVersionsResult>
                    <Versions>
                      <member>
                        <IsDefaultVersion>false</IsDefaultVersion>
                        <VersionId>v3</VersionId>
                        <CreateDate>2014-09-17T22:32:43Z</CreateDate>
                      </member>
                      <member>
                        <IsDefaultVersion>true</IsDefaultVersion>
                        <VersionId>v2</VersionId>
                        <CreateDate>2014-09-15T20:31:47Z</CreateDate>
                      </member>
                      <member>
                        <IsDefaultVersion>false</IsDefaultVersion>
                        <VersionId>v1</VersionId>
                        <CreateDate>2014-09-15T17:36:14Z</CreateDate>
                      </member>
                    </Versions>
                    <IsTruncated>false</IsTruncated>
                  </ListPolicyVersionsResult>
                  <ResponseMetadata>
                    <RequestId>a31d1a86-3eba-11e4-9d0d-6f969EXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListPolicyVersionsResponse>
                """);
            var versions = IamResponses.ListPolicyVersions(response);
            Assert.Equal(new[] { "v3", "v2", "v1" }, versions.Select(v => v.VersionId));
            Assert.Equal(new[] { false, true, false }, versions.Select(v => v.IsDefaultVersion));
            Assert.Equal(Utc("2014-09-17T22:32:43Z"), versions[0].CreateDate);
            Assert.Null(IamResponses.NextMarker(response));
        }

        [Fact]
        public void ListEntitiesForPolicy()
        {
            var entities = IamResponses.ListEntitiesForPolicy(Parse("ListEntitiesForPolicy", """
                <ListEntitiesForPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListEntitiesForPolicyResult>
                    <PolicyRoles>
                      <member>
                        <RoleName>DevRole</RoleName>
                        <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
                      </member>
                    </PolicyRoles>
                    <PolicyGroups>
                      <member>
                        <GroupName>Dev</GroupName>
                        <GroupId>AGPACKCEVSQ6C2EXAMPLE</GroupId>
                      </member>
                    </PolicyGroups>
                    <IsTruncated>false</IsTruncated>
                    <PolicyUsers>
                      <member>
                        <UserName>Alice</UserName>
                        <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                      </member>
                      <member>
                        <UserName>Bob</UserName>
                        <UserId>BIDACKCEVSQ6C2EXAMPLE</UserId>
                      </member>
                    </PolicyUsers>
                  </ListEntitiesForPolicyResult>
                  <ResponseMetadata>
                    <RequestId>eb358e22-9d1f-11e4-93eb-190ecEXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListEntitiesForPolicyResponse>
                """));
            Assert.Equal(new[] { "Alice:AIDACKCEVSQ6C2EXAMPLE", "Bob:BIDACKCEVSQ6C2EXAMPLE" }, entities.Users.Select(u => u.Name + ":" + u.Id));
            Assert.Equal("Dev:AGPACKCEVSQ6C2EXAMPLE", Assert.Single(entities.Groups).Name + ":" + entities.Groups[0].Id);
            Assert.Equal("DevRole:AROADBQP57FF2AEXAMPLE", Assert.Single(entities.Roles).Name + ":" + entities.Roles[0].Id);
        }

        [Fact]
        public void PolicyDocumentsAreUrlDecoded()
        {
            // Not from the reference: real IAM answers with the document RFC 3986-encoded, as here.
            var version = IamResponses.GetPolicyVersion(Parse("GetPolicyVersion", """
                <GetPolicyVersionResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetPolicyVersionResult><PolicyVersion>
                    <Document>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa%20b%2Bc%2F%2A%22%7D%5D%7D</Document>
                    <IsDefaultVersion>true</IsDefaultVersion><VersionId>v4</VersionId>
                  </PolicyVersion></GetPolicyVersionResult>
                </GetPolicyVersionResponse>
                """));
            Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::a b+c/*\"}]}",
                version.Document);
        }

        // ---- Roles ------------------------------------------------------------------------------------------

        [Fact]
        public void GetRole()
        {
            var role = IamResponses.GetRole(Parse("GetRole", """
                <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                <GetRoleResult>
                  <Role>
                    <Path>/application_abc/component_xyz/</Path>
                    <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
                    <RoleName>S3Access</RoleName>
                    <AssumeRolePolicyDocument>
                      {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                      "Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}
                    </AssumeRolePolicyDocument>
                    <CreateDate>2012-05-08T23:34:01Z</CreateDate>
                    <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
                    <RoleLastUsed>
                      <LastUsedDate>2019-11-20T17:09:20Z</LastUsedDate>
                      <Region>us-east-1</Region>
                    </RoleLastUsed>
                  </Role>
                </GetRoleResult>
                <ResponseMetadata>
                  <RequestId>df37e965-9967-11e1-a4c3-270EXAMPLE04</RequestId>
                </ResponseMetadata>
                </GetRoleResponse>
                """));
            Assert.Equal("S3Access", role.RoleName);
            Assert.Equal("AROADBQP57FF2AEXAMPLE", role.RoleId);
            Assert.Equal("/application_abc/component_xyz/", role.Path);
            Assert.Equal("arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access", role.Arn);
            Assert.Equal(Utc("2012-05-08T23:34:01Z"), role.CreateDate);
            Assert.Equal(Utc("2019-11-20T17:09:20Z"), role.RoleLastUsedDate);
            Assert.Equal("us-east-1", role.RoleLastUsedRegion);
            using var trust = JsonDocument.Parse(role.AssumeRolePolicyDocument);
            var statement = trust.RootElement.GetProperty("Statement")[0];
            Assert.Equal("ec2.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service")[0].GetString());
            Assert.Equal("sts:AssumeRole", statement.GetProperty("Action")[0].GetString());
        }

        [Fact]
        public void CreateRole()
        {
            var role = IamResponses.CreateRole(Parse("CreateRole", """
                <CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreateRoleResult>
                    <Role>
                      <Path>/application_abc/component_xyz/</Path>
                      <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
                      <RoleName>S3Access</RoleName>
                      <AssumeRolePolicyDocument>
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                        "Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}
                      </AssumeRolePolicyDocument>
                      <CreateDate>2012-05-08T23:34:01.495Z</CreateDate>
                      <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
                    </Role>
                  </CreateRoleResult>
                  <ResponseMetadata>
                    <RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId>
                  </ResponseMetadata>
                </CreateRoleResponse>
                """));
            Assert.Equal("S3Access", role.RoleName);
            Assert.Equal(new DateTime(2012, 5, 8, 23, 34, 1, 495, DateTimeKind.Utc), role.CreateDate);
            Assert.StartsWith("{\"Version\":\"2012-10-17\"", role.AssumeRolePolicyDocument);
            Assert.EndsWith("\"Action\":[\"sts:AssumeRole\"]}]}", role.AssumeRolePolicyDocument);
            Assert.Null(role.RoleLastUsedDate);
            Assert.Empty(role.Tags);
        }

        // ---- Service-specific credentials -------------------------------------------------------------------

        [Fact]
        public void CreateServiceSpecificCredential()
        {
            // The reference's example, as quoted by async-aws's IAM tests (which cite the page); the XML shape
            // matches the ListServiceSpecificCredentials example of the reference itself.
            var credential = IamResponses.CreateServiceSpecificCredential(Parse("CreateServiceSpecificCredential", """
                <CreateServiceSpecificCredentialResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreateServiceSpecificCredentialResult>
                    <ServiceSpecificCredential>
                      <ServicePassword>xTBAr/czp+D3EXAMPLE47lrJ6/43r2zqGwR3EXAMPLE=</ServicePassword>
                      <ServiceName>codecommit.amazonaws.com</ServiceName>
                      <UserName>anika</UserName>
                      <ServiceUserName>anika+1-at-123456789012</ServiceUserName>
                      <ServiceSpecificCredentialId>ACCA12345ABCDEXAMPLE</ServiceSpecificCredentialId>
                      <Status>Active</Status>
                      <CreateDate>2016-11-01T17:47:22.382Z</CreateDate>
                    </ServiceSpecificCredential>
                  </CreateServiceSpecificCredentialResult>
                  <ResponseMetadata>
                    <RequestId>EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLE</RequestId>
                  </ResponseMetadata>
                </CreateServiceSpecificCredentialResponse>
                """));
            Assert.Equal("ACCA12345ABCDEXAMPLE", credential.ServiceSpecificCredentialId);
            Assert.Equal("anika", credential.UserName);
            Assert.Equal("codecommit.amazonaws.com", credential.ServiceName);
            Assert.Equal("anika+1-at-123456789012", credential.ServiceUserName);
            Assert.Equal("Active", credential.Status);
            Assert.Equal(new DateTime(2016, 11, 1, 17, 47, 22, 382, DateTimeKind.Utc), credential.CreateDate);
            Assert.True(credential.ServicePassword.IsReadOnly());
            Assert.Equal("xTBAr/czp+D3EXAMPLE47lrJ6/43r2zqGwR3EXAMPLE=", SecureText.Reveal(credential.ServicePassword));
            Assert.DoesNotContain("EXAMPLE47", credential.ToString());
            Assert.Equal("anika+1-at-123456789012 (ACCA12345ABCDEXAMPLE, Active)", credential.ToString());
        }

        [Fact]
        public void ServiceSpecificCredentialHasNoStringPropertyThatCouldHoldThePassword()
        {
            var stringProperties = typeof(IamServiceSpecificCredential).GetProperties()
                .Where(p => p.PropertyType == typeof(string)).Select(p => p.Name).OrderBy(n => n);
            Assert.Equal(new[] { "ServiceName", "ServiceSpecificCredentialId", "ServiceUserName", "Status", "UserName" }, stringProperties);
            Assert.Equal(typeof(System.Security.SecureString), typeof(IamServiceSpecificCredential).GetProperty("ServicePassword").PropertyType);
        }

        [Fact]
        public void ListServiceSpecificCredentials()
        {
            var credentials = IamResponses.ListServiceSpecificCredentials(Parse("ListServiceSpecificCredentials", """
                <ListServiceSpecificCredentialsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ListServiceSpecificCredentialsResult>
                    <ServiceSpecificCredentials>
                      <member>
                        <ServiceName>codecommit.amazonaws.com</ServiceName>
                        <UserName>anika</UserName>
                        <ServiceUserName>anika-at-123456789012</ServiceUserName>
                        <ServiceSpecificCredentialId>ACCA12345ABCDEXAMPLE</ServiceSpecificCredentialId>
                        <Status>Active</Status>
                        <CreateDate>2016-11-01T17:44:54Z</CreateDate>
                      </member>
                      <member>
                        <ServiceName>codecommit.amazonaws.com</ServiceName>
                        <UserName>anika</UserName>
                        <ServiceUserName>anika+1-at-123456789012</ServiceUserName>
                        <ServiceSpecificCredentialId>ACCA67890FGHIEXAMPLE</ServiceSpecificCredentialId>
                        <Status>Active</Status>
                        <CreateDate>2016-11-01T18:22:26Z</CreateDate>
                      </member>
                    </ServiceSpecificCredentials>
                  </ListServiceSpecificCredentialsResult>
                  <ResponseMetadata>
                    <RequestId>EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLE</RequestId>
                  </ResponseMetadata>
                </ListServiceSpecificCredentialsResponse>
                """));
            Assert.Equal(new[] { "ACCA12345ABCDEXAMPLE", "ACCA67890FGHIEXAMPLE" }, credentials.Select(c => c.ServiceSpecificCredentialId));
            Assert.Equal(new[] { "anika-at-123456789012", "anika+1-at-123456789012" }, credentials.Select(c => c.ServiceUserName));
            Assert.All(credentials, c => Assert.Equal("codecommit.amazonaws.com", c.ServiceName));
            Assert.All(credentials, c => Assert.Null(c.ServicePassword));
            Assert.Equal(Utc("2016-11-01T18:22:26Z"), credentials[1].CreateDate);
        }

        // ---- Account ----------------------------------------------------------------------------------------

        [Fact]
        public void GetAccountPasswordPolicy()
        {
            var policy = IamResponses.GetAccountPasswordPolicy(Parse("GetAccountPasswordPolicy", """
                <GetAccountPasswordPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetAccountPasswordPolicyResult>
                    <PasswordPolicy>
                      <AllowUsersToChangePassword>true</AllowUsersToChangePassword>
                      <RequireUppercaseCharacters>true</RequireUppercaseCharacters>
                      <RequireSymbols>true</RequireSymbols>
                      <ExpirePasswords>false</ExpirePasswords>
                      <PasswordReusePrevention>12</PasswordReusePrevention>
                      <RequireLowercaseCharacters>true</RequireLowercaseCharacters>
                      <MaxPasswordAge>90</MaxPasswordAge>
                      <HardExpiry>false</HardExpiry>
                      <RequireNumbers>true</RequireNumbers>
                      <MinimumPasswordLength>12</MinimumPasswordLength>
                    </PasswordPolicy>
                  </GetAccountPasswordPolicyResult>
                  <ResponseMetadata>
                    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
                  </ResponseMetadata>
                </GetAccountPasswordPolicyResponse>
                """));
            Assert.True(policy.AllowUsersToChangePassword);
            Assert.True(policy.RequireUppercaseCharacters);
            Assert.True(policy.RequireSymbols);
            Assert.False(policy.ExpirePasswords);
            Assert.Equal(12, policy.PasswordReusePrevention);
            Assert.True(policy.RequireLowercaseCharacters);
            Assert.Equal(90, policy.MaxPasswordAge);
            Assert.False(policy.HardExpiry);
            Assert.True(policy.RequireNumbers);
            Assert.Equal(12, policy.MinimumPasswordLength);
        }

        [Fact]
        public void GetAccountSummary()
        {
            // The reference's example has "</entry" without its '>' after GroupsPerUserQuota; repaired here.
            var summary = IamResponses.GetAccountSummary(Parse("GetAccountSummary", """
                <GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetAccountSummaryResult>
                    <SummaryMap>
                      <entry>
                        <key>Users</key>
                        <value>32</value>
                      </entry>
                      <entry>
                        <key>GroupPolicySizeQuota</key>
                        <value>10240</value>
                      </entry>
                      <entry>
                        <key>PolicyVersionsInUseQuota</key>
                        <value>10000</value>
                      </entry>
                      <entry>
                        <key>ServerCertificatesQuota</key>
                        <value>20</value>
                      </entry>
                      <entry>
                        <key>AccountSigningCertificatesPresent</key>
                        <value>0</value>
                      </entry>
                      <entry>
                        <key>AccountAccessKeysPresent</key>
                        <value>0</value>
                      </entry>
                      <entry>
                        <key>Groups</key>
                        <value>7</value>
                      </entry>
                      <entry>
                        <key>UsersQuota</key>
                        <value>150</value>
                      </entry>
                      <entry>
                        <key>UserPolicySizeQuota</key>
                        <value>10240</value>
                      </entry>
                      <entry>
                        <key>GroupsPerUserQuota</key>
                        <value>10</value>
                      </entry>
                      <entry>
                        <key>AttachedPoliciesPerGroupQuota</key>
                        <value>2</value>
                      </entry>
                      <entry>
                        <key>VersionsPerPolicyQuota</key>
                        <value>5</value>
                      </entry>
                      <entry>
                        <key>GroupsQuota</key>
                        <value>50</value>
                      </entry>
                      <entry>
                        <key>PolicySizeQuota</key>
                        <value>5120</value>
                      </entry>
                      <entry>
                        <key>Policies</key>
                        <value>22</value>
                      </entry>
                      <entry>
                        <key>ServerCertificates</key>
                        <value>1</value>
                      </entry>
                      <entry>
                        <key>AttachedPoliciesPerRoleQuota</key>
                        <value>2</value>
                      </entry>
                      <entry>
                        <key>MFADevicesInUse</key>
                        <value>4</value>
                      </entry>
                      <entry>
                        <key>PoliciesQuota</key>
                        <value>1000</value>
                      </entry>
                      <entry>
                        <key>AccountMFAEnabled</key>
                        <value>1</value>
                      </entry>
                      <entry>
                        <key>MFADevices</key>
                        <value>4</value>
                      </entry>
                      <entry>
                        <key>AccessKeysPerUserQuota</key>
                        <value>2</value>
                      </entry>
                      <entry>
                        <key>AttachedPoliciesPerUserQuota</key>
                        <value>2</value>
                      </entry>
                      <entry>
                        <key>SigningCertificatesPerUserQuota</key>
                        <value>2</value>
                      </entry>
                      <entry>
                        <key>PolicyVersionsInUse</key>
                        <value>27</value>
                      </entry>
                      <entry>
                        <key>GlobalEndpointTokenVersion</key>
                        <value>2</value>
                      </entry>
                      <entry>
                        <key>AccountPasswordPresent</key>
                        <value>1</value>
                      </entry>
                    </SummaryMap>
                  </GetAccountSummaryResult>
                  <ResponseMetadata>
                    <RequestId>85cb9b90-ac28-11e4-a88d-97964EXAMPLE</RequestId>
                  </ResponseMetadata>
                </GetAccountSummaryResponse>
                """));
            Assert.Equal(27, summary.Count);
            Assert.Equal(32, summary["Users"]);
            Assert.Equal(7, summary["Groups"]);
            Assert.Equal(1, summary["AccountMFAEnabled"]);
            Assert.Equal(10, summary["GroupsPerUserQuota"]);
            Assert.Equal(1, summary["AccountPasswordPresent"]);
        }

        [Fact]
        public void ListAccountAliases()
        {
            var aliases = IamResponses.ListAccountAliases(Parse("ListAccountAliases", """
                <ListAccountAliasesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                <ListAccountAliasesResult>
                  <IsTruncated>false</IsTruncated>
                  <AccountAliases>
                    <member>example-corporation</member>
                  </AccountAliases>
                </ListAccountAliasesResult>
                <ResponseMetadata>
                  <RequestId>c5a076e9-f1b0-11df-8fbe-45274EXAMPLE</RequestId>
                </ResponseMetadata>
                </ListAccountAliasesResponse>
                """));
            Assert.Equal(new[] { "example-corporation" }, aliases);
        }

        [Fact]
        public void GenerateCredentialReport()
        {
            var state = IamResponses.GenerateCredentialReport(Parse("GenerateCredentialReport", """
                <GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GenerateCredentialReportResult>
                    <Description>No report exists. Starting a new report generation task</Description>
                    <State>STARTED</State>
                  </GenerateCredentialReportResult>
                  <ResponseMetadata>
                    <RequestId>29f47818-99f5-11e1-a4c3-27EXAMPLE804</RequestId>
                  </ResponseMetadata>
                </GenerateCredentialReportResponse>
                """));
            Assert.Equal("STARTED", state);
        }

        private const string CredentialReportExample = """
            <GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
            <GetCredentialReportResult>
              <Content>BASE-64 ENCODED FILE CONTENTS</Content>
              <ReportFormat>text/csv</ReportFormat>
              <GeneratedTime>2014-08-28T21:42:50Z</GeneratedTime>
            </GetCredentialReportResult>
            <ResponseMetadata>
              <RequestId>29f47818-99f5-11e1-a4c3-27EXAMPLE804</RequestId>
            </ResponseMetadata>
            </GetCredentialReportResponse>
            """;

        [Fact]
        public void GetCredentialReportDecodesTheBase64Content()
        {
            // The reference's example with its placeholder replaced by real base64 content.
            const string csv = "user,arn,user_creation_time\n<root_account>,arn:aws:iam::123456789012:root,2014-08-28T21:42:50+00:00\n";
            var xml = CredentialReportExample.Replace("BASE-64 ENCODED FILE CONTENTS", Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)));
            var report = IamResponses.GetCredentialReport(Parse("GetCredentialReport", xml));
            Assert.Equal(csv, Encoding.UTF8.GetString(report.Content));
            Assert.Equal("text/csv", report.ReportFormat);
            Assert.Equal(Utc("2014-08-28T21:42:50Z"), report.GeneratedTime);
        }

        [Fact]
        public void GetCredentialReportWithContentThatIsNotBase64IsAnInvalidResult()
        {
            // The reference's example, verbatim: its placeholder is not base64.
            var error = Assert.Throws<NumeraiAwsException>(() => IamResponses.GetCredentialReport(Parse("GetCredentialReport", CredentialReportExample)));
            Assert.Equal(ErrorKind.InvalidResult, error.Kind);
            Assert.Equal("IamInvalidCredentialReport", error.Reason);
        }

        [Fact]
        public void ListVirtualMfaDevices()
        {
            // The reference's example closes the first user's <Arn> with "</MyCustomUser>"; repaired to a full ARN.
            // Its EnableDate "20112-..." and epoch-second PasswordLastUsed are not ISO 8601 dates and read as null.
            var devices = IamResponses.ListVirtualMfaDevices(Parse("ListVirtualMFADevices", """
                <ListVirtualMFADevicesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                <ListVirtualMFADevicesResult>
                  <IsTruncated>false</IsTruncated>
                  <VirtualMFADevices>
                    <member>
                      <EnableDate>20112-11-17T12:31:16Z</EnableDate>
                      <SerialNumber>
                      arn:aws:iam::123456789012:mfa/MyCustomUser
                      </SerialNumber>
                      <User>
                        <Arn>arn:aws:iam::123456789012:user/MyCustomUser</Arn>
                        <CreateDate>2012-10-13T22:00:36Z</CreateDate>
                        <PasswordLastUsed>1540408180</PasswordLastUsed>
                        <Path>/</Path>
                        <UserId>AIDAEXAMPLE36EXAMPLEC</UserId>
                        <UserName>MyCustomUser</UserName>
                      </User>
                    </member>
                    <member>
                      <EnableDate>2011-10-31T20:45:02Z</EnableDate>
                      <SerialNumber>
                      arn:aws:iam:::mfa/ExampleUser
                      </SerialNumber>
                      <User>
                        <Arn>arn:aws:iam::111122223333:user/ExampleUser</Arn>
                        <CreateDate>2011-07-01T17:23:07Z</CreateDate>
                        <PasswordLastUsed>1380057478</PasswordLastUsed>
                        <Path>/</Path>
                        <UserId>AIDEXAMPLE4EXAMPLEXYZ</UserId>
                        <UserName>ExampleUser</UserName>
                      </User>
                    </member>
                  </VirtualMFADevices>
                </ListVirtualMFADevicesResult>
                <ResponseMetadata>
                  <RequestId>b61ce1b1-0401-11e1-b2f8-2dEXAMPLEbfc</RequestId>
                </ResponseMetadata>
                </ListVirtualMFADevicesResponse>
                """));
            Assert.Equal(new[] { "arn:aws:iam::123456789012:mfa/MyCustomUser", "arn:aws:iam:::mfa/ExampleUser" }, devices.Select(d => d.SerialNumber));
            Assert.Null(devices[0].EnableDate);
            Assert.Equal(Utc("2011-10-31T20:45:02Z"), devices[1].EnableDate);
            Assert.Equal("ExampleUser", devices[1].User.UserName);
            Assert.Equal("AIDEXAMPLE4EXAMPLEXYZ", devices[1].User.UserId);
            Assert.Equal(Utc("2011-07-01T17:23:07Z"), devices[1].User.CreateDate);
            Assert.Null(devices[1].User.PasswordLastUsed);
        }

        [Fact]
        public void GetAccountAuthorizationDetails()
        {
            var response = Parse("GetAccountAuthorizationDetails", AuthorizationDetailsExample);
            var details = IamResponses.GetAccountAuthorizationDetails(response);

            Assert.Equal(new[] { "Alice", "Bob", "Charlie", "Danielle", "Elaine" }, details.Users.Select(u => u.UserName));
            var alice = details.Users[0];
            Assert.Equal("AIDACKCEVSQ6C2EXAMPLE", alice.UserId);
            Assert.Equal("arn:aws:iam::123456789012:user/Alice", alice.Arn);
            Assert.Equal(Utc("2013-10-14T18:32:24Z"), alice.CreateDate);
            Assert.Equal(new[] { "Admins" }, alice.GroupNames);
            Assert.Empty(alice.AttachedPolicies);
            Assert.Empty(alice.InlinePolicies);
            var bob = details.Users[1];
            var inline = Assert.Single(bob.InlinePolicies);
            Assert.Equal("DenyBillingAndIAMPolicy", inline.PolicyName);
            using (var document = JsonDocument.Parse(inline.Document))
            {
                Assert.Equal("Deny", document.RootElement.GetProperty("Statement").GetProperty("Effect").GetString());
                Assert.Equal("iam:*", document.RootElement.GetProperty("Statement").GetProperty("Action")[1].GetString());
            }
            // The example puts Charlie's <AttachedManagedPolicies/> inside <GroupList>; only <member>s are groups.
            Assert.Equal(new[] { "Dev" }, details.Users[2].GroupNames);
            Assert.Equal(new[] { "Finance" }, details.Users[4].GroupNames);

            Assert.Equal(new[] { "Admins", "Dev", "Finance" }, details.Groups.Select(g => g.GroupName));
            var admins = details.Groups[0];
            Assert.Equal("AIDACKCEVSQ6C7EXAMPLE", admins.GroupId);
            Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", Assert.Single(admins.AttachedPolicies).PolicyArn);
            Assert.Empty(admins.InlinePolicies);
            Assert.Equal("PowerUserAccess", Assert.Single(details.Groups[1].AttachedPolicies).PolicyName);
            var finance = details.Groups[2];
            Assert.Empty(finance.AttachedPolicies);
            Assert.Equal("policygen-201310141157", Assert.Single(finance.InlinePolicies).PolicyName);
            Assert.Contains("\"Sid\":\"Stmt1381777017000\"", finance.InlinePolicies[0].Document);

            var role = Assert.Single(details.Roles);
            Assert.Equal("EC2role", role.RoleName);
            Assert.Equal("AROAFP4BKI7Y7TEXAMPLE", role.RoleId);
            Assert.Equal("arn:aws:iam::123456789012:role/EC2role", role.Arn);
            Assert.Equal(new[] { "arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" },
                role.AttachedPolicies.Select(p => p.PolicyArn));
            Assert.Empty(role.InlinePolicies);
            using (var trust = JsonDocument.Parse(role.AssumeRolePolicyDocument))
                Assert.Equal("ec2.amazonaws.com", trust.RootElement.GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString());

            Assert.Equal(new[] { "create-update-delete-set-managed-policies", "S3-read-only-specific-bucket", "AWSOpsWorksRole", "AmazonEC2FullAccess" },
                details.Policies.Select(p => p.PolicyName));
            var managed = details.Policies[0];
            Assert.Equal("ANPAJ2UCCR6DPCEXAMPLE", managed.PolicyId);
            Assert.Equal("arn:aws:iam::123456789012:policy/create-update-delete-set-managed-policies", managed.Arn);
            Assert.Equal("v1", managed.DefaultVersionId);
            Assert.Equal(1, managed.AttachmentCount);
            Assert.True(managed.IsAttachable);
            Assert.Equal(Utc("2015-02-06T19:58:34Z"), managed.UpdateDate);
            Assert.Equal("v1", Assert.Single(managed.Versions).VersionId);
            using (var document = JsonDocument.Parse(managed.DefaultVersionDocument))
                Assert.Contains("iam:SetDefaultPolicyVersion",
                    document.RootElement.GetProperty("Statement").GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("/service-role/", details.Policies[2].Path);
            Assert.Equal(Utc("2015-01-21T23:39:41Z"), details.Policies[1].UpdateDate);

            Assert.StartsWith("EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl", IamResponses.NextMarker(response));
        }

        private const string AuthorizationDetailsExample = """
            <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetAccountAuthorizationDetailsResult>
                <IsTruncated>true</IsTruncated>
                <UserDetailList>
                  <member>
                    <GroupList>
                      <member>Admins</member>
                    </GroupList>
                    <AttachedManagedPolicies/>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Path>/</Path>
                    <UserName>Alice</UserName>
                    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
                    <CreateDate>2013-10-14T18:32:24Z</CreateDate>
                  </member>
                  <member>
                    <GroupList>
                      <member>Admins</member>
                    </GroupList>
                    <AttachedManagedPolicies/>
                    <UserPolicyList>
                      <member>
                        <PolicyName>DenyBillingAndIAMPolicy</PolicyName>
                        <PolicyDocument>
                          {"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":
                          ["aws-portal:*","iam:*"],"Resource":"*"}}
                        </PolicyDocument>
                      </member>
                    </UserPolicyList>
                    <UserId>AIDACKCEVSQ6C3EXAMPLE</UserId>
                    <Path>/</Path>
                    <UserName>Bob</UserName>
                    <Arn>arn:aws:iam::123456789012:user/Bob</Arn>
                    <CreateDate>2013-10-14T18:32:25Z</CreateDate>
                  </member>
                  <member>
                    <GroupList>
                      <member>Dev</member>
                    <AttachedManagedPolicies/>
                    </GroupList>
                    <UserId>AIDACKCEVSQ6C4EXAMPLE</UserId>
                    <Path>/</Path>
                    <UserName>Charlie</UserName>
                    <Arn>arn:aws:iam::123456789012:user/Charlie</Arn>
                    <CreateDate>2013-10-14T18:33:56Z</CreateDate>
                  </member>
                  <member>
                    <GroupList>
                      <member>Dev</member>
                    </GroupList>
                    <AttachedManagedPolicies/>
                    <UserId>AIDACKCEVSQ6C5EXAMPLE</UserId>
                    <Path>/</Path>
                    <UserName>Danielle</UserName>
                    <Arn>arn:aws:iam::123456789012:user/Danielle</Arn>
                    <CreateDate>2013-10-14T18:33:56Z</CreateDate>
                  </member>
                  <member>
                    <GroupList>
                      <member>Finance</member>
                    </GroupList>
                    <AttachedManagedPolicies/>
                    <UserId>AIDACKCEVSQ6C6EXAMPLE</UserId>
                    <Path>/</Path>
                    <UserName>Elaine</UserName>
                    <Arn>arn:aws:iam::123456789012:user/Elaine</Arn>
                    <CreateDate>2013-10-14T18:57:48Z</CreateDate>
                  </member>
                </UserDetailList>
                <Marker>
                  EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl/eeaCX3Jo94/
                  bKqezEAg8TEVS99EKFLxm3jtbpl25FDWEXAMPLE
                </Marker>
                <GroupDetailList>
                  <member>
                    <GroupId>AIDACKCEVSQ6C7EXAMPLE</GroupId>
                    <AttachedManagedPolicies>
                      <member>
                        <PolicyName>AdministratorAccess</PolicyName>
                        <PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn>
                      </member>
                    </AttachedManagedPolicies>
                    <GroupName>Admins</GroupName>
                    <Path>/</Path>
                    <Arn>arn:aws:iam::123456789012:group/Admins</Arn>
                    <CreateDate>2013-10-14T18:32:24Z</CreateDate>
                    <GroupPolicyList/>
                  </member>
                  <member>
                    <GroupId>AIDACKCEVSQ6C8EXAMPLE</GroupId>
                    <AttachedManagedPolicies>
                      <member>
                        <PolicyName>PowerUserAccess</PolicyName>
                        <PolicyArn>arn:aws:iam::aws:policy/PowerUserAccess</PolicyArn>
                      </member>
                    </AttachedManagedPolicies>
                    <GroupName>Dev</GroupName>
                    <Path>/</Path>
                    <Arn>arn:aws:iam::123456789012:group/Dev</Arn>
                    <CreateDate>2013-10-14T18:33:55Z</CreateDate>
                    <GroupPolicyList/>
                  </member>
                  <member>
                    <GroupId>AIDACKCEVSQ6C9EXAMPLE</GroupId>
                    <AttachedManagedPolicies/>
                    <GroupName>Finance</GroupName>
                    <Path>/</Path>
                    <Arn>arn:aws:iam::123456789012:group/Finance</Arn>
                    <CreateDate>2013-10-14T18:57:48Z</CreateDate>
                    <GroupPolicyList>
                      <member>
                        <PolicyName>policygen-201310141157</PolicyName>
                        <PolicyDocument>
                          {"Version":"2012-10-17","Statement":[{"Action":["aws-portal:*"],
                          "Sid":"Stmt1381777017000","Resource":["*"],"Effect":"Allow"}]}
                        </PolicyDocument>
                      </member>
                    </GroupPolicyList>
                  </member>
                </GroupDetailList>
                <RoleDetailList>
                  <member>
                    <RolePolicyList/>
                    <AttachedManagedPolicies>
                      <member>
                        <PolicyName>AmazonS3FullAccess</PolicyName>
                        <PolicyArn>arn:aws:iam::aws:policy/AmazonS3FullAccess</PolicyArn>
                      </member>
                      <member>
                        <PolicyName>AmazonDynamoDBFullAccess</PolicyName>
                        <PolicyArn>arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess</PolicyArn>
                      </member>
                    </AttachedManagedPolicies>
                    <InstanceProfileList>
                      <member>
                        <InstanceProfileName>EC2role</InstanceProfileName>
                        <Roles>
                          <member>
                            <Path>/</Path>
                            <Arn>arn:aws:iam::123456789012:role/EC2role</Arn>
                            <RoleName>EC2role</RoleName>
                            <AssumeRolePolicyDocument>
                              {"Version":"2012-10-17","Statement":[{"Sid":"",
                              "Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
                              "Action":"sts:AssumeRole"}]}
                            </AssumeRolePolicyDocument>
                            <CreateDate>2014-07-30T17:09:20Z</CreateDate>
                            <RoleId>AROAFP4BKI7Y7TEXAMPLE</RoleId>
                            <RoleLastUsed>
                              <LastUsedDate>2019-11-20T17:09:20Z</LastUsedDate>
                              <Region>us-east-1</Region>
                            </RoleLastUsed>
                          </member>
                        </Roles>
                        <Path>/</Path>
                        <Arn>arn:aws:iam::123456789012:instance-profile/EC2role</Arn>
                        <InstanceProfileId>AIPAFFYRBHWXW2EXAMPLE</InstanceProfileId>
                        <CreateDate>2014-07-30T17:09:20Z</CreateDate>
                      </member>
                    </InstanceProfileList>
                    <Path>/</Path>
                    <Arn>arn:aws:iam::123456789012:role/EC2role</Arn>
                    <RoleName>EC2role</RoleName>
                    <AssumeRolePolicyDocument>
                      {"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow",
                      "Principal":{"Service":"ec2.amazonaws.com"},
                      "Action":"sts:AssumeRole"}]}
                    </AssumeRolePolicyDocument>
                    <CreateDate>2014-07-30T17:09:20Z</CreateDate>
                    <RoleId>AROAFP4BKI7Y7TEXAMPLE</RoleId>      </member>
                </RoleDetailList>
                <Policies>
                  <member>
                    <PolicyName>create-update-delete-set-managed-policies</PolicyName>
                    <DefaultVersionId>v1</DefaultVersionId>
                    <PolicyId>ANPAJ2UCCR6DPCEXAMPLE</PolicyId>
                    <Path>/</Path>
                    <PolicyVersionList>
                      <member>
                        <Document>
                          {"Version":"2012-10-17","Statement":{"Effect":"Allow",
                          "Action":["iam:CreatePolicy","iam:CreatePolicyVersion",
                          "iam:DeletePolicy","iam:DeletePolicyVersion","iam:GetPolicy",
                          "iam:GetPolicyVersion","iam:ListPolicies",
                          "iam:ListPolicyVersions","iam:SetDefaultPolicyVersion"],
                          "Resource":"*"}}
                        </Document>
                        <IsDefaultVersion>true</IsDefaultVersion>
                        <VersionId>v1</VersionId>
                        <CreateDate>2015-02-06T19:58:34Z</CreateDate>
                      </member>
                    </PolicyVersionList>
                    <Arn>
                      arn:aws:iam::123456789012:policy/create-update-delete-set-managed-policies
                    </Arn>
                    <AttachmentCount>1</AttachmentCount>
                    <CreateDate>2015-02-06T19:58:34Z</CreateDate>
                    <IsAttachable>true</IsAttachable>
                    <UpdateDate>2015-02-06T19:58:34Z</UpdateDate>
                  </member>
                  <member>
                    <PolicyName>S3-read-only-specific-bucket</PolicyName>
                    <DefaultVersionId>v1</DefaultVersionId>
                    <PolicyId>ANPAJ4AE5446DAEXAMPLE</PolicyId>
                    <Path>/</Path>
                    <PolicyVersionList>
                      <member>
                        <Document>
                          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":
                          ["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::example-bucket",
                          "arn:aws:s3:::example-bucket/*"]}]}
                        </Document>
                        <IsDefaultVersion>true</IsDefaultVersion>
                        <VersionId>v1</VersionId>
                        <CreateDate>2015-01-21T21:39:41Z</CreateDate>
                      </member>
                    </PolicyVersionList>
                    <Arn>arn:aws:iam::123456789012:policy/S3-read-only-specific-bucket</Arn>
                    <AttachmentCount>1</AttachmentCount>
                    <CreateDate>2015-01-21T21:39:41Z</CreateDate>
                    <IsAttachable>true</IsAttachable>
                    <UpdateDate>2015-01-21T23:39:41Z</UpdateDate>
                  </member>
                  <member>
                    <PolicyName>AWSOpsWorksRole</PolicyName>
                    <DefaultVersionId>v1</DefaultVersionId>
                    <PolicyId>ANPAE376NQ77WV6KGJEBE</PolicyId>
                    <Path>/service-role/</Path>
                    <PolicyVersionList>
                      <member>
                        <Document>
                          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":
                          ["cloudwatch:GetMetricStatistics","ec2:DescribeAccountAttributes",
                          "ec2:DescribeAvailabilityZones","ec2:DescribeInstances",
                          "ec2:DescribeKeyPairs","ec2:DescribeSecurityGroups","ec2:DescribeSubnets",
                          "ec2:DescribeVpcs","elasticloadbalancing:DescribeInstanceHealth",
                          "elasticloadbalancing:DescribeLoadBalancers","iam:GetRolePolicy",
                          "iam:ListInstanceProfiles","iam:ListRoles","iam:ListUsers",
                          "iam:PassRole","opsworks:*","rds:*"],"Resource":["*"]}]}
                        </Document>
                        <IsDefaultVersion>true</IsDefaultVersion>
                        <VersionId>v1</VersionId>
                        <CreateDate>2014-12-10T22:57:47Z</CreateDate>
                      </member>
                    </PolicyVersionList>
                    <Arn>arn:aws:iam::aws:policy/service-role/AWSOpsWorksRole</Arn>
                    <AttachmentCount>1</AttachmentCount>
                    <CreateDate>2015-02-06T18:41:27Z</CreateDate>
                    <IsAttachable>true</IsAttachable>
                    <UpdateDate>2015-02-06T18:41:27Z</UpdateDate>
                  </member>
                  <member>
                    <PolicyName>AmazonEC2FullAccess</PolicyName>
                    <DefaultVersionId>v1</DefaultVersionId>
                    <PolicyId>ANPAE3QWE5YT46TQ34WLG</PolicyId>
                    <Path>/</Path>
                    <PolicyVersionList>
                      <member>
                        <Document>
                          {"Version":"2012-10-17","Statement":[{"Action":"ec2:*",
                          "Effect":"Allow","Resource":"*"},{"Effect":"Allow",
                          "Action":"elasticloadbalancing:*","Resource":"*"},{"Effect":"Allow",
                          "Action":"cloudwatch:*","Resource":"*"},{"Effect":"Allow",
                          "Action":"autoscaling:*","Resource":"*"}]}
                        </Document>
                        <IsDefaultVersion>true</IsDefaultVersion>
                        <VersionId>v1</VersionId>
                        <CreateDate>2014-10-30T20:59:46Z</CreateDate>
                      </member>
                    </PolicyVersionList>
                    <Arn>arn:aws:iam::aws:policy/AmazonEC2FullAccess</Arn>
                    <AttachmentCount>1</AttachmentCount>
                    <CreateDate>2015-02-06T18:40:15Z</CreateDate>
                    <IsAttachable>true</IsAttachable>
                    <UpdateDate>2015-02-06T18:40:15Z</UpdateDate>
                  </member>
                </Policies>
              </GetAccountAuthorizationDetailsResult>
              <ResponseMetadata>
                <RequestId>92e79ae7-7399-11e4-8c85-4b53eEXAMPLE</RequestId>
              </ResponseMetadata>
            </GetAccountAuthorizationDetailsResponse>
            """;
    }
}
