using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace NumeraiAws.ContractHost;

/// <summary>
/// The credential scope of a SigV4-signed request: <c>Credential=AKID/DATE/REGION/SERVICE/aws4_request</c>.
/// The signature itself is never checked (moto does not check it either); the scope is read only because it is
/// the one place that names the service and region when every service shares one loopback endpoint.
/// </summary>
internal sealed record SigV4Scope(string AccessKeyId, string Region, string Service)
{
    private static readonly Regex CredentialPattern = new(
        @"Credential=(?<akid>[^/,\s]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request",
        RegexOptions.CultureInvariant);

    public static SigV4Scope From(HttpRequest request)
    {
        // Header-signed requests (every SDK call) and presigned URLs (X-Amz-Credential in the query) alike.
        var source = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(source) && request.Query.TryGetValue("X-Amz-Credential", out var presigned))
            source = "Credential=" + presigned;
        var match = CredentialPattern.Match(source);
        if (!match.Success) return null;
        return new SigV4Scope(match.Groups["akid"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
    }

    /// <summary>
    /// The account moto attributes the call to: moto treats a 12-digit access key id as the account id and
    /// every other key as its default account 123456789012, and our ARNs and service user names must agree with it.
    /// </summary>
    public string AccountId => Regex.IsMatch(AccessKeyId, @"^\d{12}$") ? AccessKeyId : Accounts.Default;

    public string Partition =>
        Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";
}

internal static class Accounts
{
    /// <summary>moto's default account id.</summary>
    public const string Default = "123456789012";
}

/// <summary>One buffered incoming request: the handlers and the forwarder both need the exact body bytes.</summary>
internal sealed class ContractRequest
{
    public ContractRequest(HttpContext context, byte[] body, SigV4Scope scope)
    {
        Context = context;
        Body = body;
        Scope = scope;
        Aborted = context.RequestAborted;
    }

    private ContractRequest(ContractRequest original, CancellationToken aborted)
        : this(original.Context, original.Body, original.Scope)
    {
        Aborted = aborted;
    }

    public HttpContext Context { get; }
    public byte[] Body { get; }
    public SigV4Scope Scope { get; }
    public HttpRequest Http => Context.Request;
    public CancellationToken Aborted { get; }

    /// <summary>
    /// The same request, carried out to the end even when the client hangs up: an injected fault lets a request
    /// take effect after (or regardless of) the answer the client got, as a real service may.
    /// </summary>
    public ContractRequest Detached(CancellationToken cancellation) => new(this, cancellation);

    /// <summary>
    /// AWS Query parameters: the form-encoded body of a POST, plus the query string (the protocol allows GET too).
    /// Body values win, as they are what the SDKs send.
    /// </summary>
    public Dictionary<string, string> QueryParameters()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Http.Query) result[key] = value.ToString();
        var contentType = Http.ContentType ?? "";
        if (Body.Length > 0 && (contentType.Length == 0 || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body)))
                result[key] = value.ToString();
        }
        return result;
    }
}

/// <summary>A response the host composes itself (as opposed to one copied from upstream).</summary>
internal sealed class ContractResponse
{
    public int Status { get; init; } = 200;
    public string ContentType { get; init; }
    public byte[] Body { get; init; } = Array.Empty<byte>();
    public Dictionary<string, StringValues> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        foreach (var (name, value) in Headers) context.Response.Headers[name] = value;
        if (ContentType != null) context.Response.ContentType = ContentType;
        context.Response.ContentLength = Body.Length;
        if (Body.Length > 0) await context.Response.Body.WriteAsync(Body, context.RequestAborted);
    }
}

/// <summary>What the host answered itself, so a test can assert that the contract path (not moto) was exercised.</summary>
internal sealed class CallLog
{
    private readonly object _gate = new();
    private readonly List<(string Service, string Operation)> _calls = new();

    public void Record(string service, string operation)
    {
        lock (_gate) _calls.Add((service, operation));
    }

    public IReadOnlyList<(string Service, string Operation)> Snapshot()
    {
        lock (_gate) return _calls.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }
}

internal static class RequestIds
{
    public static string New() => Guid.NewGuid().ToString();
}
