using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NumeraiAws.Engine.Clients;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Tests
{
    /// <summary>
    /// Request bodies as the wire sees them, with object members sorted: tests compare whole bodies exactly
    /// (a member too many fails as surely as one missing) without depending on dictionary order.
    /// </summary>
    internal static class WireJson
    {
        public static string Of(JsonOperation operation) => Canonical(JsonBody.Write(operation.Body));

        public static string Canonical(string json) => Canonical(Encoding.UTF8.GetBytes(json));

        public static string Canonical(byte[] json)
        {
            using var doc = JsonDocument.Parse(json);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream)) Write(writer, doc.RootElement);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        public static JsonElement Parse(string json) => JsonBody.Read(Encoding.UTF8.GetBytes(json));

        private static void Write(Utf8JsonWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, System.StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray()) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }
}
