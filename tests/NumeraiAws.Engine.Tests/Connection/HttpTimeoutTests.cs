using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;
using Xunit;

namespace NumeraiAws.Engine.Tests.Connection
{
    /// <summary>
    /// NUMERAIAWS_HTTP_TIMEOUT_SECONDS: a hung request fails its attempt after that long on every client (ours and
    /// the SDK's), and the command ends with a connection error instead of waiting for the SDK's default.
    /// </summary>
    public sealed class HttpTimeoutTests
    {
        private static AwsConnection Resolve(string timeout, string endpoint = "http://127.0.0.1:9")
        {
            var env = new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "testing",
                ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_ENDPOINT_URL"] = endpoint,
            };
            if (timeout != null) env[AwsConnection.HttpTimeoutVariable] = timeout;
            return AwsConnectionResolver.Resolve(new ConnectionRequest { Region = "us-east-1", Environment = env });
        }

        [Fact]
        public void UnsetMeansTheSdkDefault()
        {
            using var connection = Resolve(null);
            Assert.Null(connection.HttpTimeout);
        }

        [Theory]
        [InlineData("2", 2000)]
        [InlineData("0.5", 500)]
        [InlineData(" 30 ", 30000)]
        public void IsReadAsSeconds(string text, int milliseconds)
        {
            using var connection = Resolve(text);
            Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), connection.HttpTimeout);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("ten")]
        [InlineData("3601")]
        [InlineData("NaN")]
        public void AnUnusableValueIsRejectedBeforeAnyCall(string text)
        {
            var error = Assert.Throws<NumeraiAwsException>(() => Resolve(text));
            Assert.Equal("InvalidHttpTimeout", error.Reason);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        [Fact]
        public void AHungProtocolCallFailsAsAConnectionErrorWithinTheTimeoutAndRetries()
        {
            using var silent = new SilentServer();
            using var connection = Resolve("1", silent.Url);
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsAny<NumeraiAwsException>(() => connection.SendJson(ServiceDescription.CodeCommit, "GetRepository", false,
                new Dictionary<string, object> { ["repositoryName"] = "hung" }));
            watch.Stop();
            Assert.Contains(error.Reason, new[] { "AwsConnectionFailed", "AwsRequestTimedOut" });
            // Three attempts of one second each plus the SDK's backoff, far below its default of 100 s a try.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
            Assert.True(silent.Accepted >= 1);
        }

        [Fact]
        public void AHungSdkCallFailsAsAConnectionErrorWithinTheTimeout()
        {
            using var silent = new SilentServer();
            using var connection = Resolve("1", silent.Url);
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsAny<NumeraiAwsException>(() =>
                connection.Call("S3", "ListBuckets", false, () => connection.S3.ListBucketsAsync()));
            watch.Stop();
            Assert.Equal("AwsRequestTimedOut", error.Reason);
            Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        }

        /// <summary>Accepts connections and reads, but never answers: a hung service.</summary>
        private sealed class SilentServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly List<TcpClient> _clients = new List<TcpClient>();
            private readonly CancellationTokenSource _stop = new CancellationTokenSource();
            private int _accepted;

            public SilentServer()
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
                Task.Run(AcceptLoop);
            }

            public string Url { get; }
            public int Accepted => Volatile.Read(ref _accepted);

            private async Task AcceptLoop()
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                    catch (Exception) { return; }
                    Interlocked.Increment(ref _accepted);
                    lock (_clients) _clients.Add(client);
                }
            }

            public void Dispose()
            {
                _stop.Cancel();
                _listener.Stop();
                lock (_clients) foreach (var client in _clients) client.Dispose();
            }
        }
    }
}
