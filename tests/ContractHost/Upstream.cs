using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace NumeraiAws.ContractHost;

/// <summary>
/// The moto server behind the host: every request the host does not answer itself is copied to it byte for byte,
/// and the host asks it the existence questions (does this IAM user, this SageMaker domain exist?) that its own
/// answers depend on, so that the two halves never disagree about the world.
/// </summary>
internal sealed class Upstream : IDisposable
{
    // Hop-by-hop headers (RFC 9110 7.6.1) describe one connection, not the message, so a proxy must not copy them.
    // Expect is dropped because the body is already buffered here; Content-Length is recomputed from the bytes.
    private static readonly HashSet<string> RequestHeadersNotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
        "Proxy-Authorization", "Proxy-Authenticate", "Expect", "Host", "Content-Length",
    };

    private static readonly HashSet<string> ResponseHeadersNotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
        "Proxy-Authenticate",
    };

    private readonly HttpClient _http;

    public Upstream(Uri baseUri)
    {
        BaseUri = baseUri;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // A proxy must hand redirects, cookies and compressed bodies back to the client as they came.
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseProxy = false,
            // Without this HttpClient adds a W3C traceparent header to every request, and the forwarded request
            // would no longer be the one the client sent.
            ActivityHeadersPropagator = null,
        })
        {
            // moto can be slow on its first call of a service (it imports the backend lazily).
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public Uri BaseUri { get; }

    /// <summary>Copies the request to moto and moto's response back to the client, unchanged.</summary>
    public async Task ForwardAsync(ContractRequest request)
    {
        using var message = ForwardedMessage(request);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, request.Aborted);
        }
        catch (HttpRequestException e)
        {
            await BadGateway(request.Context, e.Message);
            return;
        }

        using (response)
        {
            var outgoing = request.Context.Response;
            outgoing.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (ResponseHeadersNotCopied.Contains(header.Key)) continue;
                outgoing.Headers[header.Key] = header.Value.ToArray();
            }
            // A HEAD response keeps the Content-Length of the entity it describes but carries no body.
            await using var body = await response.Content.ReadAsStreamAsync(request.Aborted);
            await body.CopyToAsync(outgoing.Body, request.Aborted);
        }
    }

    /// <summary>
    /// Copies the request to moto and reads moto's answer to the end, but gives the client nothing: the request
    /// takes effect upstream while the host answers something else (an injected fault). The cancellation is the
    /// caller's, not the client's, so that a late delivery still arrives after the client gave up.
    /// </summary>
    public async Task<int> ForwardDiscardingAnswerAsync(ContractRequest request, CancellationToken cancellation)
    {
        using var message = ForwardedMessage(request);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return StatusCodes.Status502BadGateway;
        }
    }

    /// <summary>The request as moto should see it: same method, raw target, headers (less hop-by-hop ones) and body.</summary>
    private HttpRequestMessage ForwardedMessage(ContractRequest request)
    {
        var http = request.Http;
        // RawTarget is the request-target exactly as the client sent it: re-encoding the decoded Path could change
        // an S3 key's escaping, and the SigV4 canonical URI would then no longer be the one that was signed.
        var rawTarget = request.Context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget)) rawTarget = http.Path.ToUriComponent() + http.QueryString.ToUriComponent();

        var message = new HttpRequestMessage(new HttpMethod(http.Method), new Uri(BaseUri, rawTarget));
        // Keep the client's Host: moto derives S3 virtual-host buckets and the URLs it returns from it, and those
        // URLs must point back at this host, which is the endpoint the client knows.
        message.Headers.Host = http.Host.Value;
        var hasBody = request.Body.Length > 0 || http.ContentLength.HasValue || http.Headers.ContainsKey("Transfer-Encoding");
        if (hasBody) message.Content = new ByteArrayContent(request.Body);
        foreach (var (name, values) in http.Headers)
        {
            if (RequestHeadersNotCopied.Contains(name)) continue;
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values))
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
        }
        if (message.Content != null) message.Content.Headers.ContentLength = request.Body.Length;
        return message;
    }

    /// <summary>
    /// Sends an AWS Query call of the same service as <paramref name="original"/> (its Authorization header is
    /// reused so that moto routes it to the same service, account and region).
    /// </summary>
    public async Task<UpstreamAnswer> QueryAsync(ContractRequest original, IReadOnlyDictionary<string, string> parameters)
    {
        var form = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (form.Length > 0) form.Append('&');
            form.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(form.ToString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        return await SendAsync(original, content, target: null);
    }

    /// <summary>Sends a JSON 1.1 call (<c>X-Amz-Target: target</c>) of the same service as <paramref name="original"/>.</summary>
    public async Task<UpstreamAnswer> JsonAsync(ContractRequest original, string target, object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        return await SendAsync(original, content, target);
    }

    /// <summary>Asks moto to forget everything (its own control endpoint).</summary>
    public async Task<UpstreamAnswer> ResetAsync(CancellationToken cancellation)
    {
        using var response = await _http.PostAsync(new Uri(BaseUri, "/moto-api/reset"), null, cancellation);
        return new UpstreamAnswer((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellation),
            response.Content.Headers.ContentType?.ToString());
    }

    private async Task<UpstreamAnswer> SendAsync(ContractRequest original, HttpContent content, string target)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, "/")) { Content = content };
        foreach (var name in new[] { "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "User-Agent" })
        {
            if (original.Http.Headers.TryGetValue(name, out var value))
                message.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)value);
        }
        if (target != null) message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        using var response = await _http.SendAsync(message, original.Aborted);
        return new UpstreamAnswer((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(original.Aborted),
            response.Content.Headers.ContentType?.ToString());
    }

    private static async Task BadGateway(HttpContext context, string reason)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("contract host: upstream unreachable: " + reason);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An upstream answer to one of the host's own questions, fully read.</summary>
internal sealed record UpstreamAnswer(int Status, byte[] Body, string ContentType)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Passes the upstream answer through unchanged, for failures the host has no contract for.</summary>
    public ContractResponse AsResponse() => new() { Status = Status, Body = Body, ContentType = ContentType };
}
