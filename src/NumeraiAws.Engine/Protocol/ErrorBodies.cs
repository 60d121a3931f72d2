using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.Runtime;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>Parses AWS error bodies of the Query (XML) and JSON protocols.</summary>
    internal static class ErrorBodies
    {
        internal struct ParsedError
        {
            public string Code;
            public string Message;
            public string RequestId;
            public ErrorType Type;
        }

        public static ParsedError ParseXml(byte[] body)
        {
            var result = new ParsedError { Code = "Unknown", Message = "", Type = ErrorType.Unknown };
            if (body == null || body.Length == 0) return result;
            try
            {
                var doc = XDocument.Load(new MemoryStream(body));
                var error = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                string Child(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                result.Code = Child(error, "Code") ?? result.Code;
                result.Message = Child(error, "Message") ?? "";
                var type = Child(error, "Type");
                result.Type = type == "Sender" ? ErrorType.Sender : type == "Receiver" ? ErrorType.Receiver : ErrorType.Unknown;
                result.RequestId = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId" || e.Name.LocalName == "RequestID")?.Value;
            }
            catch (System.Xml.XmlException)
            {
                result.Message = Encoding.UTF8.GetString(body);
            }
            return result;
        }

        public static ParsedError ParseJson(byte[] body, string headerErrorType)
        {
            var result = new ParsedError { Code = ShortCode(headerErrorType) ?? "Unknown", Message = "", Type = ErrorType.Unknown };
            if (body == null || body.Length == 0) return result;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) return result;
                    foreach (var property in root.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.String) continue;
                        if (property.NameEquals("__type") && headerErrorType == null) result.Code = ShortCode(property.Value.GetString());
                        else if ((property.NameEquals("code") || property.NameEquals("Code")) && result.Code == "Unknown") result.Code = ShortCode(property.Value.GetString());
                        else if (property.NameEquals("message") || property.NameEquals("Message")) result.Message = property.Value.GetString();
                    }
                }
            }
            catch (JsonException)
            {
                result.Message = Encoding.UTF8.GetString(body);
            }
            return result;
        }

        // "com.amazonaws.sagemaker#ResourceNotFound" or "ResourceNotFound:http://..." → "ResourceNotFound".
        private static string ShortCode(string raw)
        {
            if (string.IsNullOrEmpty(raw)) return null;
            var code = raw;
            var colon = code.IndexOf(':');
            if (colon >= 0) code = code.Substring(0, colon);
            var hash = code.LastIndexOf('#');
            if (hash >= 0) code = code.Substring(hash + 1);
            return code;
        }
    }

    internal static class RequestIds
    {
        public static string FromXml(byte[] body)
        {
            if (body == null || body.Length == 0) return null;
            // The Query protocol ends every response with <ResponseMetadata><RequestId>; find it without a full parse.
            var text = Encoding.UTF8.GetString(body);
            var start = text.LastIndexOf("<RequestId>", StringComparison.Ordinal);
            if (start < 0) return null;
            start += "<RequestId>".Length;
            var end = text.IndexOf("</RequestId>", start, StringComparison.Ordinal);
            return end > start ? text.Substring(start, end - start) : null;
        }
    }
}
