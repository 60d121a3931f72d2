using System.Collections.Generic;
using System.Net;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Connection
{
    /// <summary>
    /// A real AccessDenied: moto enforces IAM after its first N requests (INITIAL_NO_AUTH_ACTION_COUNT), so the test
    /// creates a user that may only list groups, then calls what it may not.
    /// </summary>
    public sealed class AccessDeniedTests
    {
        [Fact]
        public void RefusedCallNamesTheIamActionAndIsPermissionDenied()
        {
            using var moto = MotoServer.WithEnvironment(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "3" });
            string accessKey, secretKey;
            using (var admin = moto.Connect())
            {
                admin.Send(ServiceDescription.Iam, new QueryRequest("CreateUser", true).Add("UserName", "limited"));
                admin.Send(ServiceDescription.Iam, new QueryRequest("PutUserPolicy", true).Add("UserName", "limited").Add("PolicyName", "only-list-groups")
                    .Add("PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListGroups\",\"Resource\":\"*\"}]}"));
                var key = admin.Send(ServiceDescription.Iam, new QueryRequest("CreateAccessKey", true).Add("UserName", "limited")).Child("AccessKey");
                accessKey = QueryResponse.Text(key, "AccessKeyId");
                secretKey = QueryResponse.Text(key, "SecretAccessKey");
            }

            using var limited = moto.Connect(accessKey: accessKey, secretKey: secretKey);
            limited.Send(ServiceDescription.Iam, new QueryRequest("ListGroups", false));
            var error = Assert.Throws<AwsServiceException>(() => limited.Send(ServiceDescription.Iam, new QueryRequest("CreateUser", true).Add("UserName", "x")));
            Assert.Equal("AccessDenied", error.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
            Assert.Equal("iam:CreateUser", error.IamAction);
            Assert.Contains("iam:CreateUser", error.Message);
        }
    }
}
