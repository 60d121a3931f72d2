using System;
using System.Linq;
using System.Xml.Linq;

namespace NumeraiAws.Engine.Clients.S3Control
{
    /// <summary>Pure parsers of S3 Control's XML responses (namespace-agnostic: emulators differ in it).</summary>
    internal static class S3ControlResponses
    {
        /// <summary>GetPublicAccessBlock answers &lt;PublicAccessBlockConfiguration&gt; with up to four booleans.</summary>
        public static PublicAccessBlockSettings PublicAccessBlock(XDocument response)
        {
            var root = response?.Root;
            if (root == null) return new PublicAccessBlockSettings();
            var configuration = root.Name.LocalName == "PublicAccessBlockConfiguration"
                ? root
                : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "PublicAccessBlockConfiguration") ?? root;
            bool Flag(string name) => string.Equals(
                configuration.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            return new PublicAccessBlockSettings
            {
                BlockPublicAcls = Flag("BlockPublicAcls"),
                IgnorePublicAcls = Flag("IgnorePublicAcls"),
                BlockPublicPolicy = Flag("BlockPublicPolicy"),
                RestrictPublicBuckets = Flag("RestrictPublicBuckets"),
            };
        }
    }
}
