using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NumeraiAws.Engine.Connection;

namespace NumeraiAws.Engine.Tests
{
    /// <summary>
    /// A scripted HTTP endpoint for what the emulator cannot show: AWS's own error codes where moto answers
    /// differently, operations moto does not implement, and multi-page listings. It answers queued responses in
    /// order and records every request as it arrived (path, target header, body), so a test sees the real wire.
    /// </summary>
    public sealed class StubAwsServer : IDisposable
    {
        private HttpListener _listener;
        private readonly ConcurrentQueue<StubResponse> _responses = new ConcurrentQueue<StubResponse>();
        private readonly Task _loop;

        public StubAwsServer()
        {
            // A free port can be taken by a test running in parallel before this listener binds it: try another.
            for (var attempt = 1; ; attempt++)
            {
                Port = FreePort();
                _listener = new HttpListener();
                _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
                try
                {
                    _listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    _listener.Close();
                }
            }
            _loop = Task.Run(Serve);
        }

        public int Port { get; private set; }
        public string Url => $"http://127.0.0.1:{Port}";
        public List<StubRequest> Requests { get; } = new List<StubRequest>();

        /// <summary>Queues a 200 with this JSON body.</summary>
        public StubAwsServer Ok(string json) => Enqueue(200, json, null);

        /// <summary>
        /// Queues an AWS error. Status 400 (not 5xx) so the SDK's retry does not consume further queued responses;
        /// the code goes in the body's __type and the x-amzn-ErrorType header, as AWS's JSON protocols send it.
        /// </summary>
        public StubAwsServer Error(string code, string message, int status = 400) =>
            Enqueue(status, $"{{\"__type\":\"{code}\",\"message\":\"{message}\"}}", code);

        /// <summary>Queues an XML answer (Query and REST-XML protocols): a result, or an &lt;Error&gt; body with a 4xx status.</summary>
        public StubAwsServer Xml(int status, string xml)
        {
            _responses.Enqueue(new StubResponse { Status = status, Body = xml, ContentType = "text/xml" });
            return this;
        }

        private StubAwsServer Enqueue(int status, string json, string errorType)
        {
            _responses.Enqueue(new StubResponse { Status = status, Body = json, ErrorType = errorType });
            return this;
        }

        public AwsConnection Connect(string region = "us-east-1", ICallObserver observer = null) =>
            AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string>
                {
                    ["AWS_ACCESS_KEY_ID"] = "testing",
                    ["AWS_SECRET_ACCESS_KEY"] = "testing",
                    ["AWS_ENDPOINT_URL"] = Url,
                },
                Region = region,
            }, observer);

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException) { return; }

                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = reader.ReadToEnd();
                lock (Requests)
                {
                    Requests.Add(new StubRequest
                    {
                        Method = context.Request.HttpMethod,
                        Path = context.Request.Url.AbsolutePath,
                        Target = context.Request.Headers["X-Amz-Target"],
                        ContentType = context.Request.ContentType,
                        Authorization = context.Request.Headers["Authorization"],
                        Headers = new System.Collections.Specialized.NameValueCollection(context.Request.Headers),
                        Body = body,
                    });
                }

                // An unscripted request is a test bug; answer with a non-retried error that names it.
                if (!_responses.TryDequeue(out var response))
                    response = new StubResponse { Status = 400, ErrorType = "StubExhausted", Body = "{\"__type\":\"StubExhausted\",\"message\":\"no response queued\"}" };

                var bytes = Encoding.UTF8.GetBytes(response.Body);
                context.Response.StatusCode = response.Status;
                context.Response.ContentType = response.ContentType ?? "application/x-amz-json-1.1";
                context.Response.Headers["x-amzn-RequestId"] = "stub-request-" + Requests.Count;
                if (response.ErrorType != null) context.Response.Headers["x-amzn-ErrorType"] = response.ErrorType;
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
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }

        private sealed class StubResponse
        {
            public int Status;
            public string Body;
            public string ErrorType;
            public string ContentType;
        }
    }

    public sealed class StubRequest
    {
        public string Method { get; set; }
        public string Path { get; set; }
        public string Target { get; set; }
        public string ContentType { get; set; }
        public string Authorization { get; set; }
        /// <summary>Every request header as received (REST protocols bind parameters to headers).</summary>
        public System.Collections.Specialized.NameValueCollection Headers { get; set; }
        public string Body { get; set; }
    }
}
