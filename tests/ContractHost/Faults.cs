using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace NumeraiAws.ContractHost;

/// <summary>The failures the host can inject in front of moto; the names are what tests send.</summary>
internal enum FaultKind
{
    /// <summary>HTTP 500 with the service's own "internal error" body.</summary>
    Http500,
    /// <summary>HTTP 503 with the service's own "unavailable" body.</summary>
    Http503,
    /// <summary>The service's own throttling error (IAM/STS "Throttling" 400, JSON "ThrottlingException" 400, S3 "SlowDown" 503 …).</summary>
    Throttling,
    /// <summary>The connection is aborted before anything is forwarded: the request never took effect.</summary>
    Reset,
    /// <summary>The request waits StallSeconds, then goes on if the client still waits; else it is dropped.</summary>
    Stall,
    /// <summary>The request is forwarded (it takes effect) and then answered with 500: the idempotency trap.</summary>
    AfterSuccess500,
}

/// <summary>
/// Seeded, rate-based fault injection for the fault-tolerance tests. Every AWS request (one that carries a SigV4
/// credential scope) draws from one <see cref="Random"/> seeded by the test, so a run with the same seed and the
/// same sequence of requests meets the same faults. Also: access key ids whose every request is answered
/// "ExpiredToken", to stand in for expired session credentials (moto cannot express them).
/// </summary>
internal sealed class FaultInjector
{
    private static readonly XNamespace IamNs = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static readonly XNamespace StsNs = "https://sts.amazonaws.com/doc/2011-06-15/";

    private readonly object _gate = new();
    private Random _random = new(0);
    private double _rate;
    private int _seed;
    private FaultKind[] _kinds = Array.Empty<FaultKind>();
    private int _stallSeconds = 5;
    private long _considered;
    private readonly Dictionary<FaultKind, long> _injected = new();
    private readonly HashSet<string> _expiredKeys = new(StringComparer.Ordinal);
    private long _expiredAnswered;
    private readonly List<(string Service, string Operation)> _requests = new();

    public void Reset()
    {
        lock (_gate)
        {
            _rate = 0;
            _seed = 0;
            _random = new Random(0);
            _kinds = Array.Empty<FaultKind>();
            _stallSeconds = 5;
            _considered = 0;
            _injected.Clear();
            _expiredKeys.Clear();
            _expiredAnswered = 0;
            _requests.Clear();
        }
    }

    /// <summary>Applies {"Rate", "Seed", "Kinds", "StallSeconds"}; the counters start again from zero.</summary>
    public string Configure(JsonObject input)
    {
        var rate = input["Rate"] is JsonValue r && r.TryGetValue(out double rv) ? rv : 0;
        if (double.IsNaN(rate) || rate < 0 || rate > 1) return "Rate must be between 0 and 1.";
        var seed = input["Seed"] is JsonValue s && s.TryGetValue(out int sv) ? sv : 0;
        var stall = input["StallSeconds"] is JsonValue st && st.TryGetValue(out int stv) ? stv : 5;
        if (stall < 0 || stall > 600) return "StallSeconds must be between 0 and 600.";

        var kinds = new List<FaultKind>();
        if (input["Kinds"] is JsonArray names)
        {
            foreach (var node in names)
            {
                var name = node is JsonValue v && v.TryGetValue(out string text) ? text : null;
                if (!TryParseKind(name, out var kind)) return $"Unknown fault kind '{name}'; known: 500, 503, Throttling, Reset, Stall, AfterSuccess500.";
                kinds.Add(kind);
            }
        }
        else
        {
            kinds.AddRange(new[] { FaultKind.Http500, FaultKind.Http503, FaultKind.Throttling, FaultKind.Reset, FaultKind.AfterSuccess500 });
        }
        if (rate > 0 && kinds.Count == 0) return "Kinds must name at least one fault kind when Rate is above 0.";

        lock (_gate)
        {
            _rate = rate;
            _seed = seed;
            _random = new Random(seed);
            _kinds = kinds.ToArray();
            _stallSeconds = stall;
            _considered = 0;
            _injected.Clear();
        }
        return null;
    }

    /// <summary>{"AccessKeyIds": [...]}: requests signed with these keys are answered ExpiredToken (empty list: none).</summary>
    public void SetExpiredKeys(IEnumerable<string> keys)
    {
        lock (_gate)
        {
            _expiredKeys.Clear();
            foreach (var key in keys) _expiredKeys.Add(key);
        }
    }

    public int StallSeconds
    {
        get { lock (_gate) return _stallSeconds; }
    }

    public JsonObject Snapshot()
    {
        lock (_gate)
        {
            var counts = new JsonObject();
            foreach (FaultKind kind in Enum.GetValues<FaultKind>()) counts[KindName(kind)] = _injected.GetValueOrDefault(kind);
            return new JsonObject
            {
                ["Rate"] = _rate,
                ["Seed"] = _seed,
                ["Kinds"] = new JsonArray(_kinds.Select(k => (JsonNode)KindName(k)).ToArray()),
                ["StallSeconds"] = _stallSeconds,
                ["Requests"] = _considered,
                ["Injected"] = counts,
                ["Total"] = _injected.Values.Sum(),
                ["ExpiredTokenAnswers"] = _expiredAnswered,
            };
        }
    }

    /// <summary>Every AWS request the host received since the last reset: [{"Service","Operation"}], in order.</summary>
    public JsonObject Requests()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["Count"] = _requests.Count,
                ["Requests"] = new JsonArray(_requests
                    .Select(r => (JsonNode)new JsonObject { ["Service"] = r.Service, ["Operation"] = r.Operation }).ToArray()),
            };
        }
    }

    /// <summary>
    /// What to do with one AWS request: a response to answer with at once (expired key), a fault to inject,
    /// or neither. Requests without a SigV4 scope (moto's own API, health checks) are never touched.
    /// </summary>
    public (ContractResponse Answer, FaultKind? Fault) Decide(ContractRequest request)
    {
        if (request.Scope == null) return (null, null);
        lock (_gate)
        {
            _requests.Add((request.Scope.Service, OperationOf(request)));
            if (_expiredKeys.Contains(request.Scope.AccessKeyId))
            {
                _expiredAnswered++;
                return (ExpiredToken(request), null);
            }
            if (_rate <= 0 || _kinds.Length == 0) return (null, null);
            _considered++;
            // Both draws every time, so that the sequence of faults depends on the seed and the request order only.
            var roll = _random.NextDouble();
            var pick = _random.Next(_kinds.Length);
            if (roll >= _rate) return (null, null);
            var kind = _kinds[pick];
            _injected[kind] = _injected.GetValueOrDefault(kind) + 1;
            return (null, kind);
        }
    }

    private static bool TryParseKind(string name, out FaultKind kind)
    {
        switch (name)
        {
            case "500": kind = FaultKind.Http500; return true;
            case "503": kind = FaultKind.Http503; return true;
            case "Throttling": kind = FaultKind.Throttling; return true;
            case "Reset": kind = FaultKind.Reset; return true;
            case "Stall": kind = FaultKind.Stall; return true;
            case "AfterSuccess500": kind = FaultKind.AfterSuccess500; return true;
            default: kind = default; return false;
        }
    }

    private static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Http500 => "500",
        FaultKind.Http503 => "503",
        _ => kind.ToString(),
    };

    /// <summary>Best effort, for the request log: the Query Action, the JSON target, or the S3 method and path.</summary>
    private static string OperationOf(ContractRequest request)
    {
        var target = request.Http.Headers["X-Amz-Target"].ToString();
        if (!string.IsNullOrEmpty(target)) return target.Substring(target.IndexOf('.') + 1);
        if (request.Scope.Service is "iam" or "sts" or "ec2")
        {
            if (request.QueryParameters().TryGetValue("Action", out var action)) return action;
        }
        var query = request.Http.QueryString.HasValue ? request.Http.QueryString.Value : "";
        return $"{request.Http.Method} {request.Http.Path}{(query.Length > 0 ? " " + query.TrimStart('?').Split('=', '&')[0] : "")}";
    }

    // ---- error bodies, each in the wire format of the service the request was for ----

    private enum Format { QueryXml, Ec2Xml, S3Xml, S3ControlXml, Json11, RestJson }

    private static Format FormatOf(ContractRequest request)
    {
        switch (request.Scope.Service)
        {
            case "iam":
            case "sts":
                return Format.QueryXml;
            case "ec2":
                return Format.Ec2Xml;
            case "s3":
                // S3 Control signs as "s3" too; its operations live under /v20180820/ and it wraps errors like Query.
                return request.Http.Path.StartsWithSegments("/v20180820") ? Format.S3ControlXml : Format.S3Xml;
            case "account":
                return Format.RestJson;
            default:
                // SageMaker, CodeCommit, Budgets: JSON 1.1.
                return Format.Json11;
        }
    }

    /// <summary>The error response for an injected 500, 503 or throttling fault.</summary>
    public static ContractResponse ErrorFor(ContractRequest request, FaultKind kind)
    {
        var format = FormatOf(request);
        var (status, code, message) = (kind, format) switch
        {
            (FaultKind.Throttling, Format.QueryXml) => (400, "Throttling", "Rate exceeded"),
            (FaultKind.Throttling, Format.Ec2Xml) => (503, "RequestLimitExceeded", "Request limit exceeded."),
            (FaultKind.Throttling, Format.S3Xml or Format.S3ControlXml) => (503, "SlowDown", "Please reduce your request rate."),
            (FaultKind.Throttling, Format.RestJson) => (429, "TooManyRequestsException", "Rate exceeded"),
            (FaultKind.Throttling, _) => (400, "ThrottlingException", "Rate exceeded"),
            (FaultKind.Http503, Format.QueryXml) => (503, "ServiceUnavailable", "Service is unable to handle request."),
            (FaultKind.Http503, Format.Ec2Xml) => (503, "Unavailable", "The server is overloaded and can't handle the request."),
            (FaultKind.Http503, Format.S3Xml or Format.S3ControlXml) => (503, "ServiceUnavailable", "Service is unable to handle request."),
            (FaultKind.Http503, _) => (503, "ServiceUnavailable", "Service is unavailable."),
            (_, Format.QueryXml) => (500, "ServiceFailure", "The request processing has failed because of an unknown error, exception or failure."),
            (_, Format.Ec2Xml or Format.S3Xml or Format.S3ControlXml) => (500, "InternalError", "We encountered an internal error. Please try again."),
            (_, Format.RestJson) => (500, "InternalServerException", "Internal server error."),
            _ => (500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."),
        };
        var type = status >= 500 ? "Receiver" : "Sender";
        return Compose(request, format, status, code, message, type);
    }

    /// <summary>The "expired session token" answer, as each service gives it.</summary>
    private static ContractResponse ExpiredToken(ContractRequest request)
    {
        var format = FormatOf(request);
        const string message = "The security token included in the request is expired";
        return format switch
        {
            Format.QueryXml => Compose(request, format, 403, "ExpiredToken", message, "Sender"),
            Format.Ec2Xml or Format.S3Xml or Format.S3ControlXml => Compose(request, format, 400, "ExpiredToken", "The provided token has expired.", "Sender"),
            Format.RestJson => Compose(request, format, 403, "ExpiredTokenException", message, "Sender"),
            _ => Compose(request, format, 400, "ExpiredTokenException", message, "Sender"),
        };
    }

    private static ContractResponse Compose(ContractRequest request, Format format, int status, string code, string message, string type)
    {
        var requestId = RequestIds.New();
        ContractResponse response;
        switch (format)
        {
            case Format.QueryXml:
            {
                var ns = request.Scope.Service == "sts" ? StsNs : IamNs;
                var root = new XElement(ns + "ErrorResponse",
                    new XElement(ns + "Error",
                        new XElement(ns + "Type", type),
                        new XElement(ns + "Code", code),
                        new XElement(ns + "Message", message)),
                    new XElement(ns + "RequestId", requestId));
                response = XmlResponse(status, root);
                response.Headers["x-amzn-RequestId"] = requestId;
                break;
            }
            case Format.Ec2Xml:
            {
                var root = new XElement("Response",
                    new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
                    new XElement("RequestID", requestId));
                response = XmlResponse(status, root);
                break;
            }
            case Format.S3Xml:
            {
                var root = new XElement("Error",
                    new XElement("Code", code), new XElement("Message", message),
                    new XElement("RequestId", requestId), new XElement("HostId", "contract-host"));
                response = XmlResponse(status, root, "application/xml");
                response.Headers["x-amz-request-id"] = requestId;
                break;
            }
            case Format.S3ControlXml:
            {
                var root = new XElement("ErrorResponse",
                    new XElement("Error", new XElement("Code", code), new XElement("Message", message)),
                    new XElement("RequestId", requestId), new XElement("HostId", "contract-host"));
                response = XmlResponse(status, root, "application/xml");
                response.Headers["x-amz-request-id"] = requestId;
                break;
            }
            case Format.RestJson:
            {
                response = JsonResponse(status, new JsonObject { ["message"] = message }, "application/json");
                response.Headers["x-amzn-ErrorType"] = code;
                response.Headers["x-amzn-RequestId"] = requestId;
                break;
            }
            default:
            {
                response = JsonResponse(status, new JsonObject { ["__type"] = code, ["message"] = message }, "application/x-amz-json-1.1");
                response.Headers["x-amzn-ErrorType"] = code;
                response.Headers["x-amzn-RequestId"] = requestId;
                break;
            }
        }
        return response;
    }

    private static ContractResponse XmlResponse(int status, XElement root, string contentType = "text/xml") => new()
    {
        Status = status,
        ContentType = contentType,
        Body = Encoding.UTF8.GetBytes(new XDeclaration("1.0", "UTF-8", null) + root.ToString(SaveOptions.DisableFormatting)),
    };

    private static ContractResponse JsonResponse(int status, JsonObject body, string contentType) => new()
    {
        Status = status,
        ContentType = contentType,
        Body = JsonSerializer.SerializeToUtf8Bytes(body),
    };
}
