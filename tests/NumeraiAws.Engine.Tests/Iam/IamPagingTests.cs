using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Connection;
using Xunit;

namespace NumeraiAws.Engine.Tests.Iam
{
    /// <summary>
    /// Paging of the operations moto answers in one page (GetGroup, GetAccountAuthorizationDetails): a canned
    /// server hands out pages by Marker, so the client's merging of pages and its loop guard can be checked.
    /// </summary>
    public sealed class IamPagingTests
    {
        private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

        private static string Member(string userName) =>
            $"<member><Path>/</Path><UserName>{userName}</UserName><UserId>AID{userName.ToUpperInvariant()}</UserId><Arn>arn:aws:iam::123456789012:user/{userName}</Arn></member>";

        private static string GroupPage(string users, string tail) =>
            $"<GetGroupResponse xmlns=\"{Ns}\"><GetGroupResult><Group><Path>/</Path><GroupName>Admins</GroupName><GroupId>AGPAEXAMPLE</GroupId>" +
            $"<Arn>arn:aws:iam::123456789012:group/Admins</Arn></Group><Users>{users}</Users>{tail}</GetGroupResult>" +
            "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetGroupResponse>";

        [Fact]
        public void GetGroupMergesTheMembersOfEveryPage()
        {
            using var server = new CannedIamServer(body =>
            {
                if (!body.Contains("Marker=")) return GroupPage(Member("alice") + Member("bob"), "<IsTruncated>true</IsTruncated><Marker>page2</Marker>");
                if (body.Contains("Marker=page2")) return GroupPage(Member("carol"), "<IsTruncated>true</IsTruncated><Marker>page3</Marker>");
                return GroupPage(Member("dave"), "<IsTruncated>false</IsTruncated>");
            });
            var observer = new RecordingObserver();
            using var connection = server.Connect(observer);

            var membership = new IamClient(connection).GetGroup("Admins", maxItems: 2);

            Assert.Equal("Admins", membership.Group.GroupName);
            Assert.Equal(new[] { "alice", "bob", "carol", "dave" }, membership.Users.Select(u => u.UserName));
            Assert.Equal(3, observer.Calls.Count);
            Assert.All(server.Bodies, b => Assert.Contains("MaxItems=2", b));
            Assert.Equal(new[] { false, true, true }, server.Bodies.Select(b => b.Contains("Marker=")));
        }

        [Fact]
        public void AuthorizationDetailsMergesEveryListOfEveryPage()
        {
            string Page(string inner, string tail) =>
                $"<GetAccountAuthorizationDetailsResponse xmlns=\"{Ns}\"><GetAccountAuthorizationDetailsResult>{inner}{tail}" +
                "</GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>";
            using var server = new CannedIamServer(body => body.Contains("Marker=next")
                ? Page("<UserDetailList/><GroupDetailList><member><GroupName>Dev</GroupName></member></GroupDetailList>" +
                       "<RoleDetailList><member><RoleName>trainer</RoleName></member></RoleDetailList>" +
                       "<Policies><member><PolicyName>p2</PolicyName><DefaultVersionId>v2</DefaultVersionId><PolicyVersionList>" +
                       "<member><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion><Document>%7B%7D</Document></member>" +
                       "<member><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion><Document>%7B%22Version%22%3A%222012-10-17%22%7D</Document></member>" +
                       "</PolicyVersionList></member></Policies>", "<IsTruncated>false</IsTruncated>")
                : Page("<UserDetailList><member><UserName>alice</UserName><GroupList><member>Dev</member></GroupList></member></UserDetailList>" +
                       "<GroupDetailList/><RoleDetailList/><Policies><member><PolicyName>p1</PolicyName></member></Policies>",
                       "<IsTruncated>true</IsTruncated><Marker>next</Marker>"));
            using var connection = server.Connect();

            var details = new IamClient(connection).GetAccountAuthorizationDetails(new[] { "User", "Group", "Role", "LocalManagedPolicy" });

            Assert.Equal(new[] { "alice" }, details.Users.Select(u => u.UserName));
            Assert.Equal(new[] { "Dev" }, details.Users[0].GroupNames);
            Assert.Equal(new[] { "Dev" }, details.Groups.Select(g => g.GroupName));
            Assert.Equal(new[] { "trainer" }, details.Roles.Select(r => r.RoleName));
            Assert.Equal(new[] { "p1", "p2" }, details.Policies.Select(p => p.PolicyName));
            Assert.Equal("{\"Version\":\"2012-10-17\"}", details.Policies[1].DefaultVersionDocument);
            Assert.All(server.Bodies, b => Assert.Contains(
                "Filter.member.1=User&Filter.member.2=Group&Filter.member.3=Role&Filter.member.4=LocalManagedPolicy", b));
            Assert.Equal(2, server.Bodies.Count);
        }

        [Fact]
        public void AMarkerThatComesBackAgainStopsTheListInsteadOfLooping()
        {
            using var server = new CannedIamServer(_ =>
                $"<ListRolesResponse xmlns=\"{Ns}\"><ListRolesResult><Roles/><IsTruncated>true</IsTruncated><Marker>same</Marker></ListRolesResult></ListRolesResponse>");
            using var connection = server.Connect();

            var error = Assert.Throws<NumeraiAwsException>(() => new IamClient(connection).ListRoles());
            Assert.Equal("IamPaginationLoop", error.Reason);
            Assert.Equal(ErrorKind.InvalidResult, error.Kind);
            Assert.Equal(2, server.Bodies.Count);
        }

        /// <summary>An HTTP listener on a free loopback port that answers every POST with the XML the test chooses.</summary>
        private sealed class CannedIamServer : IDisposable
        {
            private readonly HttpListener _listener = new HttpListener();
            private readonly Func<string, string> _respond;
            private readonly Thread _thread;
            private readonly List<string> _bodies = new List<string>();

            public CannedIamServer(Func<string, string> respond)
            {
                _respond = respond;
                Port = FreePort();
                _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
                _listener.Start();
                _thread = new Thread(Serve) { IsBackground = true };
                _thread.Start();
            }

            public int Port { get; }

            public IReadOnlyList<string> Bodies
            {
                get { lock (_bodies) return _bodies.ToList(); }
            }

            public AwsConnection Connect(ICallObserver observer = null) =>
                AwsConnectionResolver.Resolve(new ConnectionRequest
                {
                    Environment = new Dictionary<string, string>
                    {
                        ["AWS_ACCESS_KEY_ID"] = "testing",
                        ["AWS_SECRET_ACCESS_KEY"] = "testing",
                        ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{Port}",
                    },
                    Region = "us-east-1",
                }, observer);

            private void Serve()
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = _listener.GetContext(); }
                    catch (HttpListenerException) { return; }
                    catch (ObjectDisposedException) { return; }
                    string body;
                    using (var reader = new System.IO.StreamReader(context.Request.InputStream, Encoding.UTF8)) body = reader.ReadToEnd();
                    lock (_bodies) _bodies.Add(body);
                    var bytes = Encoding.UTF8.GetBytes(_respond(body));
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "text/xml";
                    context.Response.ContentLength64 = bytes.Length;
                    context.Response.OutputStream.Write(bytes, 0, bytes.Length);
                    context.Response.Close();
                }
            }

            private static int FreePort()
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                return port;
            }

            public void Dispose()
            {
                _listener.Stop();
                _listener.Close();
                _thread.Join(5000);
            }
        }
    }
}
