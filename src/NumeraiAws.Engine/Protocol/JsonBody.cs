using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// Writes JSON request bodies for the JSON 1.1 and REST-JSON services: members whose value is null are left
    /// out, as the SDKs do. Values may be strings, numbers, booleans, lists and dictionaries of those.
    /// </summary>
    public static class JsonBody
    {
        public static byte[] Write(IDictionary<string, object> members)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    WriteValue(writer, members);
                }
                return stream.ToArray();
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, object value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: writer.WriteNumberValue(d); break;
                case IDictionary<string, object> map:
                    writer.WriteStartObject();
                    foreach (var pair in map)
                    {
                        if (pair.Value == null) continue;
                        writer.WritePropertyName(pair.Key);
                        WriteValue(writer, pair.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IDictionary<string, string> stringMap:
                    writer.WriteStartObject();
                    foreach (var pair in stringMap)
                    {
                        if (pair.Value == null) continue;
                        writer.WriteString(pair.Key, pair.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case System.Collections.IEnumerable list:
                    writer.WriteStartArray();
                    foreach (var item in list) WriteValue(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    throw new System.ArgumentException("Unsupported JSON value type " + value.GetType());
            }
        }

        /// <summary>Parses a response body; an empty body is an empty object.</summary>
        public static JsonElement Read(byte[] body)
        {
            if (body == null || body.Length == 0) body = Encoding.UTF8.GetBytes("{}");
            using (var doc = JsonDocument.Parse(body)) return doc.RootElement.Clone();
        }

        public static string String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public static JsonElement? Property(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : (JsonElement?)null;
    }
}
