using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// Reads a Query protocol response (&lt;ActionResponse&gt;&lt;ActionResult&gt;...): namespace-agnostic helpers over
    /// the result element, since IAM's namespace is an implementation detail the parsers need not repeat.
    /// </summary>
    public sealed class QueryResponse
    {
        private QueryResponse(XElement result) { Result = result; }

        /// <summary>The &lt;ActionResult&gt; element (or the root when the action has no result element).</summary>
        public XElement Result { get; }

        public static QueryResponse Parse(byte[] body, string action)
        {
            var doc = XDocument.Load(new MemoryStream(body));
            var result = doc.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? doc.Root;
            return new QueryResponse(result);
        }

        public static XElement Child(XElement parent, string name) =>
            parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        public static string Text(XElement parent, string name) => Child(parent, name)?.Value;

        public static bool Bool(XElement parent, string name) =>
            string.Equals(Text(parent, name), "true", StringComparison.OrdinalIgnoreCase);

        public static int? Int(XElement parent, string name) =>
            int.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;

        public static DateTime? Date(XElement parent, string name) =>
            DateTime.TryParse(Text(parent, name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var v)
                ? v : (DateTime?)null;

        /// <summary>The &lt;member&gt; elements of a list element.</summary>
        public static IEnumerable<XElement> Members(XElement parent, string listName) =>
            Child(parent, listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? Enumerable.Empty<XElement>();

        public string Text(string name) => Text(Result, name);
        public bool Bool(string name) => Bool(Result, name);
        public XElement Child(string name) => Child(Result, name);
        public IEnumerable<XElement> Members(string listName) => Members(Result, listName);

        /// <summary>Pagination: the next Marker when IsTruncated is true, else null.</summary>
        public string NextMarker => Bool("IsTruncated") ? Text("Marker") : null;
    }
}
