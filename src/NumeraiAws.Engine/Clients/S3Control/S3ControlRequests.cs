using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NumeraiAws.Engine.Clients.S3Control
{
    /// <summary>
    /// The S3 Control (REST-XML, API version 2018-08-20) requests the module sends, as pure builders, per the
    /// Amazon S3 API reference: the account id travels in the x-amz-account-id header and, on AWS, as the host
    /// prefix "ACCOUNT.".
    /// </summary>
    internal static class S3ControlRequests
    {
        public const string Namespace = "http://awss3control.amazonaws.com/doc/2018-08-20/";
        private const string PublicAccessBlockPath = "/v20180820/configuration/publicAccessBlock";
        private static readonly Regex AccountIdPattern = new Regex(@"^\d{12}$", RegexOptions.CultureInvariant);

        public static RestXmlOperation GetPublicAccessBlock(string accountId) =>
            new RestXmlOperation("GetPublicAccessBlock", false, "GET", PublicAccessBlockPath, AccountHeader(accountId),
                hostPrefix: accountId + ".");

        public static RestXmlOperation PutPublicAccessBlock(string accountId, PublicAccessBlockSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            XNamespace ns = Namespace;
            var body = new XDocument(new XDeclaration("1.0", "UTF-8", null),
                new XElement(ns + "PublicAccessBlockConfiguration",
                    new XElement(ns + "BlockPublicAcls", Bool(settings.BlockPublicAcls)),
                    new XElement(ns + "IgnorePublicAcls", Bool(settings.IgnorePublicAcls)),
                    new XElement(ns + "BlockPublicPolicy", Bool(settings.BlockPublicPolicy)),
                    new XElement(ns + "RestrictPublicBuckets", Bool(settings.RestrictPublicBuckets))));
            return new RestXmlOperation("PutPublicAccessBlock", true, "PUT", PublicAccessBlockPath, AccountHeader(accountId), body,
                accountId + ".");
        }

        private static IReadOnlyDictionary<string, string> AccountHeader(string accountId)
        {
            // The id becomes part of a host name on AWS: anything but 12 digits must not get that far.
            if (accountId == null || !AccountIdPattern.IsMatch(accountId))
                throw new ArgumentException("An AWS account id is 12 digits.", nameof(accountId));
            return new Dictionary<string, string> { ["x-amz-account-id"] = accountId };
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
