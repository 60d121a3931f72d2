using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NumeraiAws.Engine.Connection;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>
    /// Sits between the engine and moto and keeps every request body as it went over the wire, for what moto does
    /// not show afterwards (e.g. it ignores CreateLoginProfile's PasswordResetRequired) and to prove a secret was
    /// sent in one request only.
    /// </summary>
    public sealed class RecordingProxy : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly HttpClient _http = new HttpClient();
        private readonly string _upstream;
        private readonly Task _loop;
        private readonly List<KeyValuePair<string, string>> _requests = new List<KeyValuePair<string, string>>();

        public RecordingProxy(string upstream)
        {
            _upstream = upstream.TrimEnd('/');
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _loop = Task.Run(Serve);
        }

        public int Port { get; }

        /// <summary>(Action, form body) of every request, in order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Requests
        {
            get { lock (_requests) return _requests.ToList(); }
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

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException) { return; }

                byte[] body;
                using (var buffer = new MemoryStream())
                {
                    await context.Request.InputStream.CopyToAsync(buffer);
                    body = buffer.ToArray();
                }
                var text = Encoding.UTF8.GetString(body);
                var action = text.Split('&').Select(p => p.Split('=')).FirstOrDefault(p => p[0] == "Action")?.ElementAtOrDefault(1)
                    ?? context.Request.Headers["X-Amz-Target"] ?? context.Request.Url.AbsolutePath;
                lock (_requests) _requests.Add(new KeyValuePair<string, string>(action, text));

                var forward = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), _upstream + context.Request.Url.PathAndQuery)
                {
                    Content = new ByteArrayContent(body),
                };
                foreach (var name in context.Request.Headers.AllKeys)
                {
                    if (name == null || name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                    var value = context.Request.Headers[name];
                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) forward.Content.Headers.TryAddWithoutValidation(name, value);
                    else forward.Headers.TryAddWithoutValidation(name, value);
                }
                using (var response = await _http.SendAsync(forward))
                {
                    var answer = await response.Content.ReadAsByteArrayAsync();
                    context.Response.StatusCode = (int)response.StatusCode;
                    if (response.Content.Headers.ContentType != null) context.Response.ContentType = response.Content.Headers.ContentType.ToString();
                    context.Response.ContentLength64 = answer.Length;
                    await context.Response.OutputStream.WriteAsync(answer, 0, answer.Length);
                    context.Response.Close();
                }
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _http.Dispose();
        }
    }
}
