using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumeraiAws.ContractHost;

/// <summary>
/// A test-only "contract host": it answers the AWS operations moto 5.2.1 lacks exactly as the AWS API reference
/// documents them, and forwards every other request, unchanged, to the moto server behind it. Tests point their
/// endpoint at the host instead of at moto.
///
///   dotnet ContractHost.dll --urls http://127.0.0.1:0 --upstream http://127.0.0.1:MOTOPORT [--port-file PATH]
///
/// When it is ready it prints one line, "listening on URL", and (with --port-file) writes the bound port there.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // No appsettings*.json next to the dll and no content root lookups: the command line is the config.
            ContentRootPath = AppContext.BaseDirectory,
        });

        var upstreamText = builder.Configuration["upstream"];
        if (string.IsNullOrEmpty(upstreamText) || !Uri.TryCreate(upstreamText, UriKind.Absolute, out var upstreamUri))
        {
            Console.Error.WriteLine("usage: ContractHost --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:MOTOPORT [--port-file PATH]");
            return 2;
        }
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:0");
        var portFile = builder.Configuration["port-file"];

        // stdout carries only the readiness line, which a test waits for; diagnostics go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The Server header is moto's to set on forwarded responses; S3 uploads can exceed Kestrel's 30 MB default.
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var upstream = new Upstream(upstreamUri);
        var calls = new CallLog();
        var iam = new IamServiceSpecificCredentials(upstream, calls);
        var sageMaker = new SageMakerUserProfiles(upstream, calls);
        var budgets = new BudgetSubscribers(upstream, calls);
        var faults = new FaultInjector();

        // The host's own answer to a request, or null: moto's business.
        async Task<ContractResponse> AnswerAsync(ContractRequest request)
        {
            ContractResponse answer = null;
            if (request.Scope?.Service == "iam") answer = await iam.TryHandleAsync(request);
            else if (request.Scope?.Service == "sagemaker" && HttpMethods.IsPost(request.Http.Method))
                answer = await sageMaker.TryHandleAsync(request);
            else if (request.Scope?.Service == "budgets" && HttpMethods.IsPost(request.Http.Method))
                answer = await budgets.TryHandleAsync(request);
            return answer;
        }

        async Task ServeAsync(ContractRequest request)
        {
            var answer = await AnswerAsync(request);
            if (answer != null) await answer.WriteAsync(request.Context);
            else await upstream.ForwardAsync(request);
        }

        // Lets the request take effect (here or in moto) without answering the client: injected faults after the fact.
        async Task ServeSilentlyAsync(ContractRequest request)
        {
            try
            {
                if (await AnswerAsync(request) == null) await upstream.ForwardDiscardingAnswerAsync(request, request.Aborted);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
            {
                Console.Error.WriteLine("contract host: a request delivered after a fault did not complete: " + e.Message);
            }
        }

        var app = builder.Build();
        app.Run(async context =>
        {
            var body = await ReadBodyAsync(context);
            var request = new ContractRequest(context, body, SigV4Scope.From(context.Request));

            if (context.Request.Path.StartsWithSegments("/_contract"))
            {
                await ControlAsync(request, upstream, calls, iam, sageMaker, budgets, faults);
                return;
            }

            var (immediate, fault) = faults.Decide(request);
            if (immediate != null)
            {
                await immediate.WriteAsync(context);
                return;
            }
            switch (fault)
            {
                case null:
                    await ServeAsync(request);
                    break;
                case FaultKind.Reset:
                    // Nothing reaches moto: the client sees the connection drop without any answer.
                    context.Abort();
                    break;
                case FaultKind.Stall:
                    // A slow path to the service: after the pause the request goes on only if its client still waits.
                    // One the client gave up on is dropped, as a proxy drops the request of a client that hung up;
                    // delivering it late would make duplicates no client can prevent for creates that AWS does
                    // not deduplicate (AfterSuccess500 is the fault for "took effect but looked failed").
                    await Task.Delay(TimeSpan.FromSeconds(faults.StallSeconds), CancellationToken.None);
                    if (!context.RequestAborted.IsCancellationRequested) await ServeAsync(request);
                    break;
                case FaultKind.AfterSuccess500:
                    await ServeSilentlyAsync(request.Detached(CancellationToken.None));
                    await FaultInjector.ErrorFor(request, FaultKind.Http500).WriteAsync(context);
                    break;
                default:
                    await FaultInjector.ErrorFor(request, fault.Value).WriteAsync(context);
                    break;
            }
        });

        await app.StartAsync();

        // After StartAsync the addresses carry the real port, also when --urls asked for port 0.
        var url = app.Urls.First();
        if (!string.IsNullOrEmpty(portFile))
        {
            // Written whole and then moved into place, so a test polling the file never reads half a number.
            var temporary = portFile + ".tmp";
            await File.WriteAllTextAsync(temporary, new Uri(url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            File.Move(temporary, portFile, overwrite: true);
        }
        Console.Out.WriteLine("listening on " + url);
        Console.Out.Flush();

        await app.WaitForShutdownAsync();
        upstream.Dispose();
        return 0;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>
    /// The host's own endpoints, for tests:
    ///   POST /_contract/reset                                  forget all state here and in moto; faults off
    ///   GET  /_contract/calls                                  [{"Service","Operation"}] the host answered itself
    ///   POST /_contract/sagemaker/fail-next-user-profile       {"FailureReason": "..."}: the next profile fails
    ///   POST /_contract/faults                                 {"Rate","Seed","Kinds","StallSeconds"}: inject faults
    ///   GET  /_contract/faults                                 the settings and the faults injected, per kind
    ///   POST /_contract/expired-keys                           {"AccessKeyIds": [...]}: answer ExpiredToken for these
    ///   GET  /_contract/requests                               {"Count", "Requests": [{"Service","Operation"}]}
    /// </summary>
    private static async Task ControlAsync(ContractRequest request, Upstream upstream, CallLog calls,
        IamServiceSpecificCredentials iam, SageMakerUserProfiles sageMaker, BudgetSubscribers budgets, FaultInjector faults)
    {
        var context = request.Context;
        var path = context.Request.Path.Value?.TrimEnd('/');
        var method = context.Request.Method;

        if (path == "/_contract/faults" && HttpMethods.IsGet(method))
        {
            await WriteJson(context, 200, faults.Snapshot());
            return;
        }

        if (path == "/_contract/faults" && HttpMethods.IsPost(method))
        {
            var input = ParseObject(request.Body);
            var problem = input == null ? "body must be a JSON object: {\"Rate\": 0.1, \"Seed\": 42, \"Kinds\": [...], \"StallSeconds\": 5}" : faults.Configure(input);
            if (problem != null) await WriteJson(context, 400, new JsonObject { ["Message"] = problem });
            else await WriteJson(context, 200, faults.Snapshot());
            return;
        }

        if (path == "/_contract/expired-keys" && HttpMethods.IsPost(method))
        {
            var input = ParseObject(request.Body);
            if (input == null || input["AccessKeyIds"] is not JsonArray keys)
            {
                await WriteJson(context, 400, new JsonObject { ["Message"] = "body must be JSON: {\"AccessKeyIds\": [\"...\"]}" });
                return;
            }
            faults.SetExpiredKeys(keys.Select(k => k is JsonValue v && v.TryGetValue(out string text) ? text : null).Where(k => k != null));
            await WriteJson(context, 200, new JsonObject { ["ExpiredKeys"] = keys.Count });
            return;
        }

        if (path == "/_contract/requests" && HttpMethods.IsGet(method))
        {
            await WriteJson(context, 200, faults.Requests());
            return;
        }

        if (path == "/_contract/reset" && HttpMethods.IsPost(method))
        {
            iam.Reset();
            sageMaker.Reset();
            budgets.Reset();
            calls.Clear();
            faults.Reset();
            var moto = await upstream.ResetAsync(context.RequestAborted);
            await WriteJson(context, moto.IsSuccess ? 200 : 502, new JsonObject { ["Reset"] = true, ["UpstreamStatus"] = moto.Status });
            return;
        }

        if (path == "/_contract/calls" && HttpMethods.IsGet(method))
        {
            var list = new JsonArray(calls.Snapshot()
                .Select(c => (JsonNode)new JsonObject { ["Service"] = c.Service, ["Operation"] = c.Operation }).ToArray());
            await WriteJson(context, 200, list);
            return;
        }

        if (path == "/_contract/sagemaker/fail-next-user-profile" && HttpMethods.IsPost(method))
        {
            string reason = null;
            if (request.Body.Length > 0)
            {
                try
                {
                    if (JsonNode.Parse(request.Body) is JsonObject input && input["FailureReason"] is JsonValue value)
                        value.TryGetValue(out reason);
                }
                catch (JsonException)
                {
                    await WriteJson(context, 400, new JsonObject { ["Message"] = "body must be JSON: {\"FailureReason\": \"...\"}" });
                    return;
                }
            }
            sageMaker.FailNext(reason);
            await WriteJson(context, 200, new JsonObject { ["FailNextUserProfile"] = true });
            return;
        }

        await WriteJson(context, 404, new JsonObject { ["Message"] = $"no contract endpoint {method} {path}" });
    }

    private static JsonObject ParseObject(byte[] body)
    {
        if (body.Length == 0) return new JsonObject();
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
