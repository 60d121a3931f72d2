using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// Reads IAM and S3 policy documents the way IAM does: Statement may be one object or an array; Action,
    /// Resource and condition values may be one string or an array of strings; keys of conditions are
    /// case-insensitive. A document that is not JSON reads as having no statements.
    /// </summary>
    internal static class PolicyDocuments
    {
        public static IReadOnlyList<JsonElement> Statements(string document)
        {
            if (string.IsNullOrWhiteSpace(document)) return new JsonElement[0];
            JsonElement root;
            try
            {
                using (var parsed = JsonDocument.Parse(document)) root = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                return new JsonElement[0];
            }
            if (root.ValueKind != JsonValueKind.Object || !TryGet(root, "Statement", out var statement)) return new JsonElement[0];
            if (statement.ValueKind == JsonValueKind.Object) return new[] { statement };
            if (statement.ValueKind == JsonValueKind.Array) return statement.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList();
            return new JsonElement[0];
        }

        /// <summary>
        /// CIS 1.15 / IAM.1: a statement with Effect Allow, Action "*" and Resource "*" (each a string or in an
        /// array) grants full administrative privileges, whatever its conditions.
        /// </summary>
        public static bool GrantsFullAdmin(string document) =>
            Statements(document).Any(s =>
                string.Equals(Text(s, "Effect"), "Allow", StringComparison.Ordinal)
                && Values(s, "Action").Any(a => a == "*" || a == "*:*")
                && Values(s, "Resource").Any(r => r == "*"));

        /// <summary>
        /// CIS 2.1.1 / S3.5: some statement denies, to everyone ("*"), every S3 action on the bucket or its objects
        /// when the request is not TLS (Bool/BoolIfExists aws:SecureTransport false) or uses TLS older than 1.2
        /// (NumericLessThan s3:TlsVersion 1.2 or higher).
        /// </summary>
        public static bool DeniesInsecureTransport(string document, string bucketName) =>
            Statements(document).Any(s =>
                string.Equals(Text(s, "Effect"), "Deny", StringComparison.Ordinal)
                && IsEveryone(s)
                && Values(s, "Action").Any(a => a == "*" || string.Equals(a, "s3:*", StringComparison.OrdinalIgnoreCase))
                && Values(s, "Resource").Any(r => CoversBucket(r, bucketName))
                && (DeniesWithoutTls(s) || DeniesOldTls(s)));

        private static bool IsEveryone(JsonElement statement)
        {
            if (!TryGet(statement, "Principal", out var principal)) return false;
            if (principal.ValueKind == JsonValueKind.String) return principal.GetString() == "*";
            return principal.ValueKind == JsonValueKind.Object && TryGet(principal, "AWS", out var aws) && StringsOf(aws).Contains("*");
        }

        private static bool CoversBucket(string resource, string bucketName)
        {
            if (resource == "*") return true;
            // arn:PARTITION:s3:::bucket or arn:PARTITION:s3:::bucket/... (the objects).
            var marker = ":s3:::";
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (!resource.StartsWith("arn:", StringComparison.Ordinal) || at < 0) return false;
            var rest = resource.Substring(at + marker.Length);
            return rest == bucketName || rest.StartsWith(bucketName + "/", StringComparison.Ordinal) || rest == "*";
        }

        private static bool DeniesWithoutTls(JsonElement statement) =>
            ConditionValues(statement, "Bool", "aws:SecureTransport").Concat(ConditionValues(statement, "BoolIfExists", "aws:SecureTransport"))
                .Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase));

        private static bool DeniesOldTls(JsonElement statement) =>
            ConditionValues(statement, "NumericLessThan", "s3:TlsVersion")
                .Any(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) && version >= 1.2);

        private static IEnumerable<string> ConditionValues(JsonElement statement, string op, string key)
        {
            if (!TryGet(statement, "Condition", out var condition) || condition.ValueKind != JsonValueKind.Object) return new string[0];
            if (!TryGet(condition, op, out var block) || block.ValueKind != JsonValueKind.Object) return new string[0];
            return TryGet(block, key, out var values) ? StringsOf(values) : new string[0];
        }

        private static string Text(JsonElement element, string name) =>
            TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static IEnumerable<string> Values(JsonElement element, string name) =>
            TryGet(element, name, out var value) ? StringsOf(value) : new string[0];

        private static IReadOnlyList<string> StringsOf(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return new[] { value.GetString() };
                case JsonValueKind.True: return new[] { "true" };
                case JsonValueKind.False: return new[] { "false" };
                case JsonValueKind.Number: return new[] { value.GetRawText() };
                case JsonValueKind.Array: return value.EnumerateArray().SelectMany(StringsOf).ToList();
                default: return new string[0];
            }
        }

        // Policy element names are case-sensitive in IAM, but condition operators and keys are not.
        private static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty(name, out value)) return true;
                foreach (var property in element.EnumerateObject())
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) { value = property.Value; return true; }
            }
            value = default;
            return false;
        }
    }
}
