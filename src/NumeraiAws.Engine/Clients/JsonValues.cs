using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients
{
    /// <summary>Typed reads of JSON response members, tolerant of absent and null members as AWS leaves them out freely.</summary>
    internal static class JsonValues
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static string String(JsonElement element, string name) => JsonBody.String(element, name);

        /// <summary>
        /// A timestamp as UTC. The JSON protocols send epoch seconds with a fraction (1429203623.625); that is read
        /// as a decimal so the milliseconds survive exactly. An ISO 8601 string is accepted too, because emulators
        /// (moto's CodeCommit) send one, and a wrong type should not make a whole response unreadable.
        /// </summary>
        public static DateTime? Timestamp(JsonElement element, string name)
        {
            var value = JsonBody.Property(element, name);
            if (value == null) return null;
            var v = value.Value;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var seconds))
                return Epoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
            if (v.ValueKind == JsonValueKind.String &&
                DateTime.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return null;
        }

        /// <summary>A list of strings; empty (never null) when the member is absent, so callers need no null checks.</summary>
        public static IReadOnlyList<string> Strings(JsonElement element, string name)
        {
            var value = JsonBody.Property(element, name);
            if (value == null || value.Value.ValueKind != JsonValueKind.Array) return Array.Empty<string>();
            return value.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList();
        }

        /// <summary>The objects of an array member; none when it is absent.</summary>
        public static IEnumerable<JsonElement> Objects(JsonElement element, string name)
        {
            var value = JsonBody.Property(element, name);
            if (value == null || value.Value.ValueKind != JsonValueKind.Array) return Enumerable.Empty<JsonElement>();
            return value.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        }

        /// <summary>A nested object member, or an empty object, so chained reads of optional structures stay simple.</summary>
        public static JsonElement Object(JsonElement element, string name)
        {
            var value = JsonBody.Property(element, name);
            return value != null && value.Value.ValueKind == JsonValueKind.Object ? value.Value : EmptyObject;
        }

        /// <summary>A JSON string-to-string map (CodeCommit's tags).</summary>
        public static IReadOnlyDictionary<string, string> StringMap(JsonElement element, string name)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var value = JsonBody.Property(element, name);
            if (value == null || value.Value.ValueKind != JsonValueKind.Object) return map;
            foreach (var property in value.Value.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.String) map[property.Name] = property.Value.GetString();
            return map;
        }

        private static readonly JsonElement EmptyObject = JsonBody.Read(null);
    }

    /// <summary>Argument checks shared by the request builders: a missing name fails here, not as a remote ValidationException.</summary>
    internal static class Require
    {
        public static string NotEmpty(string value, string parameter)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{parameter} is required.", parameter);
            return value;
        }
    }

    /// <summary>Tags as a map; when a listing repeats a key (emulators append rather than replace), the last value wins, as AWS would have kept it.</summary>
    internal static class TagMaps
    {
        public static IReadOnlyDictionary<string, string> From(IEnumerable<KeyValuePair<string, string>> tags)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tags) map[tag.Key] = tag.Value;
            return map;
        }
    }
}
