using System;
using System.Collections.Generic;
using System.IO;
using System.Xml.Linq;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.S3Control
{
    /// <summary>
    /// One REST-XML operation, built but not yet sent: method, path, the parameters bound to headers and the XML
    /// payload. The builders return this so the exact wire shape is testable without a network.
    /// </summary>
    internal sealed class RestXmlOperation
    {
        public RestXmlOperation(string name, bool isWrite, string method, string path,
            IReadOnlyDictionary<string, string> headers, XDocument body = null, string hostPrefix = null)
        {
            Name = name;
            IsWrite = isWrite;
            Method = method;
            Path = path;
            Headers = headers ?? new Dictionary<string, string>();
            Body = body;
            HostPrefix = hostPrefix;
        }

        public string Name { get; }
        public bool IsWrite { get; }
        public string Method { get; }
        public string Path { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        /// <summary>The XML payload; null when the operation has none.</summary>
        public XDocument Body { get; }
        /// <summary>The service model's hostPrefix with its label filled in (S3 Control: "123456789012.").</summary>
        public string HostPrefix { get; }

        /// <summary>The payload as UTF-8 bytes with an XML declaration, as AWS's own examples show it.</summary>
        public byte[] BodyBytes()
        {
            if (Body == null) return new byte[0];
            using (var stream = new MemoryStream())
            {
                using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings
                       { Encoding = new System.Text.UTF8Encoding(false), Indent = false }))
                {
                    Body.Save(writer);
                }
                return stream.ToArray();
            }
        }

        /// <summary>Sends the operation and parses the response body (null when it is empty).</summary>
        public XDocument SendOn(AwsConnection connection, ServiceDescription service)
        {
            if (service.Protocol != AwsProtocol.RestXml) throw new InvalidOperationException($"{service.ServiceId} does not speak REST-XML.");
            var response = connection.Send(service, Name, IsWrite, BodyBytes(), Path, Method, Headers, HostPrefix);
            if (response == null || response.Length == 0) return null;
            return XDocument.Load(new MemoryStream(response));
        }
    }
}
