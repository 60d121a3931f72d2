using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NumeraiAws.Engine.Setup.Studio
{
    /// <summary>
    /// The trust policy of the Studio execution role (SageMaker may assume it), and a comparison that reads policies
    /// the way IAM does, so a re-run does not rewrite a policy that only looks different: IAM hands documents back
    /// re-serialised, the CLI and console write "Action" as a string or a one-element list, statements come in any
    /// order, and Sids are labels.
    /// </summary>
    public static class ExecutionRoleTrust
    {
        public const string ServicePrincipal = "sagemaker.amazonaws.com";

        public static readonly string Document =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"" + ServicePrincipal +
            "\"},\"Action\":\"sts:AssumeRole\"}]}";

        /// <summary>True when both documents grant the same thing; a document that is not JSON is never equivalent.</summary>
        public static bool AreEquivalent(string left, string right)
        {
            var a = Canonical(left);
            var b = Canonical(right);
            return a != null && b != null && string.Equals(a, b, StringComparison.Ordinal);
        }

        /// <summary>
        /// One spelling per meaning: every value is a set (a lone value and a one-element list are the same; order
        /// and repeats do not count), object members are sorted, Sid is dropped, and action names (which IAM matches
        /// case-insensitively) are lower-cased. Null when the text is not a JSON object.
        /// </summary>
        internal static string Canonical(string document)
        {
            if (string.IsNullOrWhiteSpace(document)) return null;
            try
            {
                using (var parsed = JsonDocument.Parse(document))
                {
                    if (parsed.RootElement.ValueKind != JsonValueKind.Object) return null;
                    var text = new StringBuilder();
                    WriteValue(parsed.RootElement, false, text);
                    return text.ToString();
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static void WriteValue(JsonElement element, bool lowerStrings, StringBuilder text)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    text.Append('{');
                    var first = true;
                    foreach (var member in element.EnumerateObject()
                        .Where(m => !string.Equals(m.Name, "Sid", StringComparison.Ordinal))
                        .OrderBy(m => m.Name, StringComparer.Ordinal))
                    {
                        if (!first) text.Append(',');
                        first = false;
                        text.Append(JsonSerializer.Serialize(member.Name)).Append(':');
                        var lower = member.Name == "Action" || member.Name == "NotAction";
                        WriteSet(member.Value, lower, text);
                    }
                    text.Append('}');
                    break;
                case JsonValueKind.String:
                    var value = element.GetString();
                    text.Append(JsonSerializer.Serialize(lowerStrings ? value.ToLowerInvariant() : value));
                    break;
                default:
                    text.Append(element.GetRawText());
                    break;
            }
        }

        private static void WriteSet(JsonElement element, bool lowerStrings, StringBuilder text)
        {
            var items = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : new List<JsonElement> { element };
            var canonical = items.Select(item =>
            {
                var one = new StringBuilder();
                WriteValue(item, lowerStrings, one);
                return one.ToString();
            }).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal);
            text.Append('[').Append(string.Join(",", canonical)).Append(']');
        }
    }
}
