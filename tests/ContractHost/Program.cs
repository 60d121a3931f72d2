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

        var app = builder.Build();
        app.Run(async context =>
        {
            var body = await ReadBodyAsync(context);
            var request = new ContractRequest(context, body, SigV4Scope.From(context.Request));

            if (context.Request.Path.StartsWithSegments("/_contract"))
            {
                await ControlAsync(request, upstream, calls, iam, sageMaker, budgets);
                return;
            }

            ContractResponse answer = null;
            if (request.Scope?.Service == "iam") answer = await iam.TryHandleAsync(request);
            else if (request.Scope?.Service == "sagemaker" && HttpMethods.IsPost(context.Request.Method))
                answer = await sageMaker.TryHandleAsync(request);
            else if (request.Scope?.Service == "budgets" && HttpMethods.IsPost(context.Request.Method))
                answer = await budgets.TryHandleAsync(request);

            if (answer != null) await answer.WriteAsync(context);
            else await upstream.ForwardAsync(request);
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
    ///   POST /_contract/reset                                  forget all state here and in moto
    ///   GET  /_contract/calls                                  [{"Service","Operation"}] the host answered itself
    ///   POST /_contract/sagemaker/fail-next-user-profile       {"FailureReason": "..."}: the next profile fails
    /// </summary>
    private static async Task ControlAsync(ContractRequest request, Upstream upstream, CallLog calls,
        IamServiceSpecificCredentials iam, SageMakerUserProfiles sageMaker, BudgetSubscribers budgets)
    {
        var context = request.Context;
        var path = context.Request.Path.Value?.TrimEnd('/');
        var method = context.Request.Method;

        if (path == "/_contract/reset" && HttpMethods.IsPost(method))
        {
            iam.Reset();
            sageMaker.Reset();
            budgets.Reset();
            calls.Clear();
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

    private static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
