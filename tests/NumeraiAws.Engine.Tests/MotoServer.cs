using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NumeraiAws.Engine.Connection;
using Xunit;

namespace NumeraiAws.Engine.Tests
{
    /// <summary>
    /// A real moto_server on a free loopback port for the tests of one collection, with AWS managed policies
    /// loaded; stopped by its pid when the collection ends.
    /// </summary>
    public sealed class MotoServer : IDisposable
    {
        private readonly Process _process;

        public MotoServer() : this(null) { }

        /// <summary>A moto with extra settings, e.g. INITIAL_NO_AUTH_ACTION_COUNT to enforce IAM.</summary>
        public static MotoServer WithEnvironment(IDictionary<string, string> environment) => new MotoServer(environment);

        private MotoServer(IDictionary<string, string> environment)
        {
            Port = FreePort();
            var start = new ProcessStartInfo("moto_server", $"-H 127.0.0.1 -p {Port}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true";
            if (environment != null)
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            _process = Process.Start(start);
            _process.OutputDataReceived += (s, e) => { };
            _process.ErrorDataReceived += (s, e) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            WaitUntilReady();
        }

        public int Port { get; }
        public string Url => $"http://127.0.0.1:{Port}";

        /// <summary>A connection to this emulator with fixed test credentials.</summary>
        public AwsConnection Connect(string region = "us-east-1", ICallObserver observer = null,
            string accessKey = "testing", string secretKey = "testing") =>
            AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string>
                {
                    ["AWS_ACCESS_KEY_ID"] = accessKey,
                    ["AWS_SECRET_ACCESS_KEY"] = secretKey,
                    ["AWS_ENDPOINT_URL"] = Url,
                },
                Region = region,
            }, observer);

        public void Reset()
        {
            using (var http = new HttpClient())
                http.PostAsync(Url + "/moto-api/reset", null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }

        private void WaitUntilReady()
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) })
            {
                while (DateTime.UtcNow < deadline)
                {
                    if (_process.HasExited) throw new InvalidOperationException("moto_server exited with " + _process.ExitCode);
                    try
                    {
                        var response = http.GetAsync(Url + "/moto-api/").GetAwaiter().GetResult();
                        if (response.StatusCode == HttpStatusCode.OK) return;
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                    Thread.Sleep(200);
                }
            }
            throw new TimeoutException("moto_server did not answer within 60 s on " + Url);
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
            try
            {
                if (!_process.HasExited) _process.Kill(true);
                _process.WaitForExit(10000);
            }
            finally
            {
                _process.Dispose();
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class EmulatorCollection : ICollectionFixture<MotoServer>
    {
        public const string Name = "emulator";
    }
}
