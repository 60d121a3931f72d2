using System;
using System.Collections.Generic;
using System.Text.Json;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients
{
    /// <summary>
    /// One JSON operation, built but not yet sent. The request builders return this instead of sending, so the
    /// exact operation name, body and (for REST-JSON) path can be tested without a network.
    /// </summary>
    internal sealed class JsonOperation
    {
        public JsonOperation(string name, bool isWrite, IDictionary<string, object> body, string path = "/", string method = "POST")
        {
            Name = name;
            IsWrite = isWrite;
            Body = body;
            Path = path;
            Method = method;
        }

        /// <summary>The API operation name: the X-Amz-Target suffix (JSON 1.1) and the name the call history records.</summary>
        public string Name { get; }
        public bool IsWrite { get; }
        public IDictionary<string, object> Body { get; }
        /// <summary>REST-JSON only; JSON 1.1 operations all post to "/".</summary>
        public string Path { get; }
        public string Method { get; }

        /// <summary>Sends the operation the way its service's protocol wants and parses the JSON response.</summary>
        public JsonElement SendOn(AwsConnection connection, ServiceDescription service)
        {
            if (service.Protocol == AwsProtocol.Json11)
                return connection.SendJson(service, Name, IsWrite, Body);
            if (service.Protocol == AwsProtocol.RestJson)
                return JsonBody.Read(connection.Send(service, Name, IsWrite, JsonBody.Write(Body), Path, Method));
            throw new InvalidOperationException($"{service.ServiceId} does not speak JSON.");
        }
    }

    /// <summary>One page of a paged list operation and the token for the next one (null on the last page).</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string nextToken)
        {
            Items = items;
            // Some services (and emulators) end the last page with "" rather than leaving the token out.
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
        }

        public IReadOnlyList<T> Items { get; }
        public string NextToken { get; }
    }

    internal static class Paging
    {
        /// <summary>
        /// Every item of a paged list: asks for pages until one comes back without a next token. A token seen
        /// twice ends the run with an error: a service (or emulator) bug must not turn into an endless loop, and
        /// silently stopping would return a truncated list as if it were whole.
        /// </summary>
        public static List<T> All<T>(string service, string operation, Func<string, Page<T>> fetch)
        {
            var all = new List<T>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string token = null;
            while (true)
            {
                var page = fetch(token);
                all.AddRange(page.Items);
                token = page.NextToken;
                if (token == null) return all;
                if (!seen.Add(token))
                    throw new NumeraiAwsException(ErrorKind.InvalidResult, "AwsPaginationLoop",
                        $"{service} {operation} returned the same continuation token twice; the listing was stopped to avoid an endless loop.",
                        "Run the command again; if it keeps failing, the service endpoint in use is misbehaving.");
            }
        }
    }
}
