using NumeraiAws.Engine.Clients.Account;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Account
{
    /// <summary>
    /// AccountClient against moto, which implements the alternate contacts. moto keeps them per account for the
    /// life of the server, so each test owns one contact type: OPERATIONS here, SECURITY below, BILLING nowhere.
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class AccountClientEmulatorTests
    {
        private readonly MotoServer _moto;
        public AccountClientEmulatorTests(MotoServer moto) { _moto = moto; }

        [Fact]
        public void ContactIsNullUntilPutThenReadBackExactly()
        {
            var observer = new RecordingObserver();
            using var connection = _moto.Connect(observer: observer);
            var client = new AccountClient(connection);

            Assert.Null(client.GetAlternateContact(AlternateContactType.Operations));
            Assert.Equal("ResourceNotFoundException", Assert.Single(observer.Calls).ErrorCode);

            client.PutAlternateContact(AlternateContactType.Operations, "Jane Doe", "Head of Operations", "ops@example.com", "+1-555-0100");
            var contact = client.GetAlternateContact(AlternateContactType.Operations);

            Assert.NotNull(contact);
            Assert.Equal(AlternateContactType.Operations, contact.AlternateContactType);
            Assert.Equal("Jane Doe", contact.Name);
            Assert.Equal("Head of Operations", contact.Title);
            Assert.Equal("ops@example.com", contact.EmailAddress);
            Assert.Equal("+1-555-0100", contact.PhoneNumber);

            Assert.Equal(3, observer.Calls.Count);
            Assert.Equal(("Account", "PutAlternateContact", true), (observer.Calls[1].Service, observer.Calls[1].Operation, observer.Calls[1].IsWrite));
            Assert.Equal(("Account", "GetAlternateContact", false), (observer.Calls[2].Service, observer.Calls[2].Operation, observer.Calls[2].IsWrite));
        }

        [Fact]
        public void PutReplacesTheContactOfThatType()
        {
            using var connection = _moto.Connect();
            var client = new AccountClient(connection);
            client.PutAlternateContact(AlternateContactType.Security, "First", "T1", "first@example.com", "+1-555-0001");
            client.PutAlternateContact(AlternateContactType.Security, "Second", "T2", "second@example.com", "+1-555-0002");

            var contact = client.GetAlternateContact(AlternateContactType.Security);
            Assert.Equal(AlternateContactType.Security, contact.AlternateContactType);
            Assert.Equal("Second", contact.Name);
            Assert.Equal("T2", contact.Title);
            Assert.Equal("second@example.com", contact.EmailAddress);
            Assert.Equal("+1-555-0002", contact.PhoneNumber);
        }
    }

    /// <summary>AccountClient against a scripted endpoint: the REST-JSON wire form and the global signing region.</summary>
    public sealed class AccountClientStubTests
    {
        [Fact]
        public void GetAlternateContactPostsJsonToItsPathSignedForUsEast1WhateverTheRegion()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""AlternateContact"":{""AlternateContactType"":""SECURITY"",""Name"":""n"",""Title"":""t"",""EmailAddress"":""e@example.com"",""PhoneNumber"":""1""}}");
            using var connection = stub.Connect("eu-west-1");

            var contact = new AccountClient(connection).GetAlternateContact(AlternateContactType.Security);

            Assert.Equal("e@example.com", contact.EmailAddress);
            var request = Assert.Single(stub.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/getAlternateContact", request.Path);
            Assert.Null(request.Target);
            Assert.Equal("application/json", request.ContentType);
            Assert.Equal(@"{""AlternateContactType"":""SECURITY""}", request.Body);
            Assert.Contains("/us-east-1/account/aws4_request", request.Authorization);
        }

        [Fact]
        public void GetAlternateContactStillThrowsErrorsOtherThanNotFound()
        {
            using var stub = new StubAwsServer();
            stub.Error("AccessDeniedException", "not allowed", 403);
            using var connection = stub.Connect();

            var error = Assert.Throws<AwsServiceException>(() => new AccountClient(connection).GetAlternateContact(AlternateContactType.Billing));
            Assert.Equal("AccessDeniedException", error.ErrorCode);
            Assert.Equal("account:GetAlternateContact", error.IamAction);
        }
    }
}
