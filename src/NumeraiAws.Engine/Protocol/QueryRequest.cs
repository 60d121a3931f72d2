using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// An AWS Query protocol request (IAM): Action, Version and the operation's parameters, form-encoded.
    /// Lists are flattened the Query way: Name.member.1, Name.member.2, ...; maps as Name.entry.N.key/value.
    /// </summary>
    public sealed class QueryRequest
    {
        private readonly List<KeyValuePair<string, string>> _parameters = new List<KeyValuePair<string, string>>();

        public QueryRequest(string action, bool isWrite)
        {
            Action = action;
            IsWrite = isWrite;
        }

        public string Action { get; }
        public bool IsWrite { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

        /// <summary>Adds a parameter; a null value is left out, as the SDKs do.</summary>
        public QueryRequest Add(string name, string value)
        {
            if (value != null) _parameters.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public QueryRequest Add(string name, int? value) => value.HasValue ? Add(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

        public QueryRequest Add(string name, bool? value) => value.HasValue ? Add(name, value.Value ? "true" : "false") : this;

        public QueryRequest AddList(string name, IEnumerable<string> values)
        {
            if (values == null) return this;
            var index = 1;
            foreach (var value in values) Add($"{name}.member.{index++}", value);
            return this;
        }

        /// <summary>IAM tags: Tags.member.N.Key / Tags.member.N.Value.</summary>
        public QueryRequest AddTags(string name, IEnumerable<KeyValuePair<string, string>> tags)
        {
            if (tags == null) return this;
            var index = 1;
            foreach (var tag in tags)
            {
                Add($"{name}.member.{index}.Key", tag.Key);
                Add($"{name}.member.{index}.Value", tag.Value);
                index++;
            }
            return this;
        }

        public string Get(string name) => _parameters.FirstOrDefault(p => p.Key == name).Value;

        /// <summary>The form body: Action and Version first, then the parameters in the order added.</summary>
        public byte[] ToBody(string apiVersion)
        {
            var builder = new StringBuilder();
            builder.Append("Action=").Append(Encode(Action)).Append("&Version=").Append(Encode(apiVersion));
            foreach (var p in _parameters) builder.Append('&').Append(Encode(p.Key)).Append('=').Append(Encode(p.Value));
            return Encoding.UTF8.GetBytes(builder.ToString());
        }

        // RFC 3986 unreserved characters stay; everything else is percent-encoded from UTF-8 (as SigV4 expects).
        private static string Encode(string value) => Amazon.Util.AWSSDKUtils.UrlEncode(value, false);
    }
}
