using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>
    /// Compares IAM policy documents by meaning rather than by text: IAM hands a document back URL-encoded and
    /// possibly re-formatted, so a text comparison would see a change on every run and write a new version each time.
    /// </summary>
    public static class PolicyDocuments
    {
        // Members whose value may be one string or a list of them, in any order, with the same meaning.
        private static readonly HashSet<string> SetValued = new HashSet<string>(StringComparer.Ordinal)
        {
            "Action", "NotAction", "Resource", "NotResource",
        };

        // IAM matches action names case-insensitively ("s3:getobject" is s3:GetObject).
        private static readonly HashSet<string> CaseInsensitive = new HashSet<string>(StringComparer.Ordinal) { "Action", "NotAction" };

        /// <summary>
        /// One text per meaning: members sorted, no whitespace, a single statement or value as a one-element list,
        /// statements and action/resource lists sorted and without duplicates, action names in lower case.
        /// Throws <see cref="JsonException"/> when <paramref name="json"/> is not JSON.
        /// </summary>
        public static string Canonical(string json)
        {
            using (var document = JsonDocument.Parse(json ?? ""))
            {
                var builder = new StringBuilder();
                Write(builder, document.RootElement, null);
                return builder.ToString();
            }
        }

        /// <summary>True when both documents mean the same; a document that is not JSON equals nothing.</summary>
        public static bool AreEquivalent(string left, string right)
        {
            try
            {
                return string.Equals(Canonical(left), Canonical(right), StringComparison.Ordinal);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static void Write(StringBuilder builder, JsonElement element, string member)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    var first = true;
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        if (!first) builder.Append(',');
                        first = false;
                        builder.Append(Quote(property.Name)).Append(':');
                        if (property.Name == "Statement" || SetValued.Contains(property.Name)) WriteSet(builder, property.Value, property.Name);
                        else Write(builder, property.Value, property.Name);
                    }
                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (index++ > 0) builder.Append(',');
                        Write(builder, item, member);
                    }
                    builder.Append(']');
                    break;
                case JsonValueKind.String:
                    var text = element.GetString();
                    builder.Append(Quote(member != null && CaseInsensitive.Contains(member) ? text.ToLowerInvariant() : text));
                    break;
                default:
                    builder.Append(element.GetRawText());
                    break;
            }
        }

        private static void WriteSet(StringBuilder builder, JsonElement element, string member)
        {
            var items = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : new List<JsonElement> { element };
            var texts = items.Select(item =>
            {
                var one = new StringBuilder();
                Write(one, item, member);
                return one.ToString();
            }).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal);
            builder.Append('[').Append(string.Join(",", texts)).Append(']');
        }

        private static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    default:
                        if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("x4"));
                        else builder.Append(c);
                        break;
                }
            }
            return builder.Append('"').ToString();
        }
    }
}
