using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NumeraiAws.Engine.Setup.Bucket
{
    /// <summary>
    /// The bucket policy statement that refuses plain-HTTP requests, merged into whatever policy the bucket already
    /// has. A bucket has one policy document, and PutBucketPolicy replaces it whole, so the user's own statements
    /// must be carried over exactly as they are; only the statement with our Sid is ours to replace.
    /// </summary>
    public static class BucketPolicyDocument
    {
        public const string DenyInsecureTransportSid = "NumeraiAwsDenyInsecureTransport";
        private const string PolicyVersion = "2012-10-17";

        // Properties a statement of ours may have; anything else (NotAction, NotPrincipal, ...) changes its meaning.
        private static readonly HashSet<string> StatementMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Sid", "Effect", "Principal", "Action", "Resource", "Condition",
        };

        /// <summary>
        /// The policy text to put so that <paramref name="existingPolicy"/> (null when the bucket has none) carries our
        /// statement for <paramref name="bucketArn"/>, or null when it already does and nothing needs writing.
        /// </summary>
        public static string WithDenyInsecureTransport(string existingPolicy, string bucketArn)
        {
            if (string.IsNullOrWhiteSpace(existingPolicy))
                return Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("Version", PolicyVersion);
                    writer.WriteStartArray("Statement");
                    WriteStatement(writer, bucketArn);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(existingPolicy);
            }
            catch (JsonException e)
            {
                throw new NumeraiAwsException(ErrorKind.InvalidResult, "BucketPolicyUnreadable",
                    $"The bucket's current policy is not valid JSON, so our statement cannot be merged into it: {e.Message}",
                    "Fix or delete the bucket policy, then run the command again.", bucketArn, e);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new NumeraiAwsException(ErrorKind.InvalidResult, "BucketPolicyUnreadable",
                        "The bucket's current policy is not a JSON object, so our statement cannot be merged into it.",
                        "Fix or delete the bucket policy, then run the command again.", bucketArn);

                var statements = Statements(root);
                var ours = statements.Where(IsOurs).ToList();
                if (ours.Count == 1 && IsCurrent(ours[0], bucketArn)) return null;

                return Write(writer =>
                {
                    writer.WriteStartObject();
                    var wroteStatements = false;
                    foreach (var property in root.EnumerateObject())
                    {
                        if (property.NameEquals("Statement"))
                        {
                            WriteMergedStatements(writer, statements, bucketArn);
                            wroteStatements = true;
                        }
                        else
                        {
                            property.WriteTo(writer);
                        }
                    }
                    if (!wroteStatements) WriteMergedStatements(writer, statements, bucketArn);
                    writer.WriteEndObject();
                });
            }
        }

        /// <summary>True when the policy has our statement in its current form (for tests and reports).</summary>
        public static bool HasDenyInsecureTransport(string policy, string bucketArn) =>
            !string.IsNullOrWhiteSpace(policy) && WithDenyInsecureTransport(policy, bucketArn) == null;

        private static void WriteMergedStatements(Utf8JsonWriter writer, IReadOnlyList<JsonElement> statements, string bucketArn)
        {
            writer.WriteStartArray("Statement");
            var wroteOurs = false;
            foreach (var statement in statements)
            {
                if (!IsOurs(statement))
                {
                    statement.WriteTo(writer);
                    continue;
                }
                // Ours goes where it was, so the user's order is unchanged; a duplicate of it is dropped
                // (S3 rejects two statements with one Sid).
                if (!wroteOurs) WriteStatement(writer, bucketArn);
                wroteOurs = true;
            }
            if (!wroteOurs) WriteStatement(writer, bucketArn);
            writer.WriteEndArray();
        }

        private static void WriteStatement(Utf8JsonWriter writer, string bucketArn)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", DenyInsecureTransportSid);
            writer.WriteString("Effect", "Deny");
            writer.WriteString("Principal", "*");
            writer.WriteString("Action", "s3:*");
            writer.WriteStartArray("Resource");
            writer.WriteStringValue(bucketArn);
            writer.WriteStringValue(bucketArn + "/*");
            writer.WriteEndArray();
            writer.WriteStartObject("Condition");
            writer.WriteStartObject("Bool");
            writer.WriteString("aws:SecureTransport", "false");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // "Statement" may be one object or an array of them.
        private static IReadOnlyList<JsonElement> Statements(JsonElement root)
        {
            if (!root.TryGetProperty("Statement", out var statement)) return new JsonElement[0];
            if (statement.ValueKind == JsonValueKind.Array) return statement.EnumerateArray().ToList();
            return new[] { statement };
        }

        private static bool IsOurs(JsonElement statement) =>
            statement.ValueKind == JsonValueKind.Object &&
            statement.TryGetProperty("Sid", out var sid) && sid.ValueKind == JsonValueKind.String &&
            sid.GetString() == DenyInsecureTransportSid;

        /// <summary>
        /// Compares meaning, not text: S3 may hand the policy back reformatted, and "s3:*" and ["s3:*"] say the same.
        /// </summary>
        private static bool IsCurrent(JsonElement statement, string bucketArn)
        {
            foreach (var property in statement.EnumerateObject())
                if (!StatementMembers.Contains(property.Name)) return false;
            if (!statement.TryGetProperty("Effect", out var effect) || !IsString(effect, "Deny")) return false;
            if (!statement.TryGetProperty("Principal", out var principal) || !IsAnyone(principal)) return false;
            if (!statement.TryGetProperty("Action", out var action) || !SameStrings(action, new[] { "s3:*" }, StringComparer.OrdinalIgnoreCase)) return false;
            if (!statement.TryGetProperty("Resource", out var resource) || !SameStrings(resource, new[] { bucketArn, bucketArn + "/*" }, StringComparer.Ordinal)) return false;
            if (!statement.TryGetProperty("Condition", out var condition) || condition.ValueKind != JsonValueKind.Object) return false;
            var operators = condition.EnumerateObject().ToList();
            if (operators.Count != 1 || operators[0].Name != "Bool" || operators[0].Value.ValueKind != JsonValueKind.Object) return false;
            var keys = operators[0].Value.EnumerateObject().ToList();
            // Condition keys are case-insensitive in IAM; values may be a string, a boolean, or a list of one.
            return keys.Count == 1 &&
                   string.Equals(keys[0].Name, "aws:SecureTransport", StringComparison.OrdinalIgnoreCase) &&
                   IsFalse(keys[0].Value);
        }

        private static bool IsAnyone(JsonElement principal)
        {
            if (IsString(principal, "*")) return true;
            if (principal.ValueKind != JsonValueKind.Object) return false;
            var members = principal.EnumerateObject().ToList();
            return members.Count == 1 && members[0].Name == "AWS" && SameStrings(members[0].Value, new[] { "*" }, StringComparer.Ordinal);
        }

        private static bool IsFalse(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.False: return true;
                case JsonValueKind.String: return string.Equals(value.GetString(), "false", StringComparison.OrdinalIgnoreCase);
                case JsonValueKind.Array:
                    var items = value.EnumerateArray().ToList();
                    return items.Count == 1 && IsFalse(items[0]);
                default: return false;
            }
        }

        private static bool IsString(JsonElement value, string expected) =>
            value.ValueKind == JsonValueKind.String && value.GetString() == expected;

        private static bool SameStrings(JsonElement value, string[] expected, StringComparer comparer)
        {
            List<string> actual;
            if (value.ValueKind == JsonValueKind.String) actual = new List<string> { value.GetString() };
            else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                actual = value.EnumerateArray().Select(v => v.GetString()).ToList();
            else return false;
            return new HashSet<string>(actual, comparer).SetEquals(expected) && actual.Count == expected.Length;
        }

        private static string Write(Action<Utf8JsonWriter> write)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream)) write(writer);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }
    }
}
