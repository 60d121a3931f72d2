using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace NumeraiAws.Engine.Tests.Setup
{
    /// <summary>
    /// Stands between the engine and moto and answers S3 ListBuckets with an empty list, passing everything else on.
    /// It reproduces what a listing that lags behind a just-created bucket looks like, so that CreateBucket meets a
    /// bucket the account already owns (BucketAlreadyOwnedByYou), which moto alone never lets us reach.
    /// </summary>
    public sealed class ListingHidingProxy : IDisposable
    {
        private static readonly HashSet<string> HopHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Host", "Connection", "Content-Length", "Transfer-Encoding", "Expect", "Keep-Alive",
        };

        private readonly HttpListener _listener = new HttpListener();
        private readonly HttpClient _http = new HttpClient();
        private readonly string _target;

        public ListingHidingProxy(string target)
        {
            _target = target.TrimEnd('/');
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            Task.Run(ServeAsync);
        }

        public string Url { get; }
        public int ListingsHidden { get; private set; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }   // stopped
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var response = context.Response;
            try
            {
                if (request.HttpMethod == "GET" && request.Url.AbsolutePath == "/")
                {
                    ListingsHidden++;
                    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
                              "<Buckets></Buckets><Owner><ID>test</ID></Owner></ListAllMyBucketsResult>";
                    await Reply(response, 200, "application/xml", Encoding.UTF8.GetBytes(xml));
                    return;
                }

                var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _target + request.RawUrl);
                using (var body = new MemoryStream())
                {
                    await request.InputStream.CopyToAsync(body);
                    if (body.Length > 0 || request.HttpMethod == "PUT" || request.HttpMethod == "POST")
                        forward.Content = new ByteArrayContent(body.ToArray());
                }
                foreach (var key in request.Headers.AllKeys)
                {
                    if (HopHeaders.Contains(key)) continue;
                    var values = request.Headers.GetValues(key);
                    if (!forward.Headers.TryAddWithoutValidation(key, values))
                        forward.Content?.Headers.TryAddWithoutValidation(key, values);
                }
                using (var answer = await _http.SendAsync(forward))
                {
                    foreach (var header in answer.Headers)
                        if (!HopHeaders.Contains(header.Key)) response.Headers[header.Key] = string.Join(",", header.Value);
                    var bytes = await answer.Content.ReadAsByteArrayAsync();
                    await Reply(response, (int)answer.StatusCode, answer.Content.Headers.ContentType?.ToString(), bytes);
                }
            }
            catch (Exception e)
            {
                try { await Reply(response, 502, "text/plain", Encoding.UTF8.GetBytes(e.ToString())); } catch (Exception) { }
            }
        }

        private static async Task Reply(HttpListenerResponse response, int status, string contentType, byte[] body)
        {
            response.StatusCode = status;
            if (contentType != null) response.ContentType = contentType;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, 0, body.Length);
            response.Close();
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _http.Dispose();
        }
    }
}
