using System;
using System.Collections.Generic;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Transform;

namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// A service client for the services that have no AWSSDK package here (IAM, SageMaker, CodeCommit, Account,
    /// S3 Control, Budgets).
    /// It is an <see cref="AmazonServiceClient"/>, so every call goes through AWSSDK.Core's own runtime pipeline:
    /// credential resolution, SigV4 signing, retries with backoff on throttling and 5xx, clock-skew correction and
    /// its HTTP stack. Only the marshalling of our few operations is ours; none of the signing or crypto is.
    /// </summary>
    internal sealed class ProtocolClient : AmazonServiceClient
    {
        private readonly ServiceDescription _service;

        public ProtocolClient(AWSCredentials credentials, ProtocolClientConfig config)
            : base(credentials, config)
        {
            _service = config.Service;
        }

        public ServiceDescription Service => _service;

        public Uri EndpointUri => new Uri(((ProtocolClientConfig)Config).EndpointUrl);

        protected override IServiceMetadata ServiceMetadata => new Metadata(_service.ServiceId);

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            // As the generated clients do: our endpoint resolver and auth scheme handler after the marshaller.
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new FixedEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
        }

        /// <summary>Sends one operation and returns the raw response body; AWS errors become <see cref="AmazonServiceException"/>.</summary>
        public ProtocolResponse Send(ProtocolRequest request)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = new ProtocolRequestMarshaller(_service),
                ResponseUnmarshaller = _service.Protocol == AwsProtocol.Query || _service.Protocol == AwsProtocol.RestXml
                    ? (ResponseUnmarshaller)RawXmlResponseUnmarshaller.Instance
                    : RawJsonResponseUnmarshaller.Instance,
            };
            return Invoke<ProtocolResponse>(request, options);
        }

        private sealed class Metadata : IServiceMetadata
        {
            public Metadata(string serviceId) { ServiceId = serviceId; }
            public string ServiceId { get; }
            public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
        }

        private sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
        {
            protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
                AuthSchemeOption.DEFAULT_SIGV4;
        }

        /// <summary>The endpoint was resolved once, when the connection was made; every request goes there.</summary>
        private sealed class FixedEndpointResolver : BaseEndpointResolver
        {
            protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
            {
                var config = (ProtocolClientConfig)requestContext.ClientConfig;
                var parameters = new EndpointParameters();
                parameters["Region"] = config.SigningRegion;
                parameters["Endpoint"] = config.EndpointUrl;
                return parameters;
            }
        }
    }

    /// <summary>Client configuration of a <see cref="ProtocolClient"/>: one fixed endpoint and signing region.</summary>
    internal sealed class ProtocolClientConfig : ClientConfig
    {
        public ProtocolClientConfig(ServiceDescription service, string endpointUrl, string signingRegion)
            : base(new DefaultConfigurationProvider(StandardConfigurations()))
        {
            Service = service;
            EndpointUrl = endpointUrl.TrimEnd('/');
            SigningRegion = signingRegion;
            base.ServiceId = service.ServiceId;
            AuthenticationServiceName = service.SigningName;
            AuthenticationRegion = signingRegion;
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(signingRegion);
            EndpointProvider = new FixedEndpointProvider(EndpointUrl);
            RetryMode = RequestRetryMode.Standard;
        }

        public ServiceDescription Service { get; }
        public string EndpointUrl { get; }
        public string SigningRegion { get; }

        public override string RegionEndpointServiceName => Service.EndpointPrefix;
        public override string ServiceVersion => Service.ApiVersion;
        public override string UserAgent => "NumeraiAws/" + typeof(ProtocolClientConfig).Assembly.GetName().Version;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            new Endpoint(EndpointUrl);

        private static IEnumerable<IDefaultConfiguration> StandardConfigurations()
        {
            // The SDK's "standard" defaults mode: standard retry (3 attempts, exponential backoff with jitter).
            yield return new DefaultConfiguration
            {
                Name = DefaultConfigurationMode.Standard,
                RetryMode = RequestRetryMode.Standard,
                S3UsEast1RegionalEndpoint = Amazon.Runtime.S3UsEast1RegionalEndpointValue.Regional,
                ConnectTimeout = TimeSpan.FromSeconds(3.1),
                TlsNegotiationTimeout = TimeSpan.FromSeconds(3.1),
            };
        }

        private sealed class FixedEndpointProvider : IEndpointProvider
        {
            private readonly string _url;
            public FixedEndpointProvider(string url) { _url = url; }
            public Endpoint ResolveEndpoint(EndpointParameters parameters) => new Endpoint(_url);
        }
    }

    /// <summary>One operation of a <see cref="ProtocolClient"/>, already serialised.</summary>
    internal sealed class ProtocolRequest : AmazonWebServiceRequest
    {
        public ProtocolRequest(string operation, byte[] body, string path = "/", string httpMethod = "POST",
            IReadOnlyDictionary<string, string> headers = null)
        {
            Operation = operation;
            Body = body ?? new byte[0];
            Path = path;
            HttpMethod = httpMethod;
            Headers = headers ?? new Dictionary<string, string>();
        }

        public string Operation { get; }
        public byte[] Body { get; }
        public string Path { get; }
        public string HttpMethod { get; }
        /// <summary>REST protocols: operation parameters bound to headers (e.g. S3 Control's x-amz-account-id).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
    }

    /// <summary>The raw body of a successful response; the typed clients parse it.</summary>
    internal sealed class ProtocolResponse : AmazonWebServiceResponse
    {
        public byte[] Body { get; set; }
    }

    internal sealed class ProtocolRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        private readonly ServiceDescription _service;
        public ProtocolRequestMarshaller(ServiceDescription service) { _service = service; }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var source = (ProtocolRequest)input;
            var request = new DefaultRequest(source, _service.ServiceId)
            {
                HttpMethod = source.HttpMethod,
                ResourcePath = source.Path,
                Content = source.Body,
            };
            switch (_service.Protocol)
            {
                case AwsProtocol.Query:
                    request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
                    break;
                case AwsProtocol.Json11:
                    request.Headers["Content-Type"] = "application/x-amz-json-1.1";
                    request.Headers["X-Amz-Target"] = _service.TargetPrefix + "." + source.Operation;
                    break;
                case AwsProtocol.RestJson:
                    request.Headers["Content-Type"] = "application/json";
                    break;
                case AwsProtocol.RestXml:
                    // A GET or an empty PUT carries no payload, so it declares no content type either.
                    if (source.Body.Length > 0) request.Headers["Content-Type"] = "application/xml";
                    break;
            }
            foreach (var header in source.Headers) request.Headers[header.Key] = header.Value;
            return request;
        }
    }

    internal sealed class RawXmlResponseUnmarshaller : XmlResponseUnmarshaller
    {
        public static readonly RawXmlResponseUnmarshaller Instance = new RawXmlResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
        {
            var body = ResponseBodies.Read(context, context.Stream);
            var response = new ProtocolResponse { Body = body };
            // Query responses end with <RequestId>; REST-XML ones (S3 Control) carry it in a header only.
            response.ResponseMetadata = new ResponseMetadata
            {
                RequestId = RequestIds.FromXml(body) ?? context.ResponseData?.GetHeaderValue("x-amz-request-id")
                    ?? context.ResponseData?.GetHeaderValue("x-amzn-RequestId"),
            };
            return response;
        }

        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var error = ErrorBodies.ParseXml(ResponseBodies.Read(context, context.Stream));
            var requestId = error.RequestId ?? context.ResponseData?.GetHeaderValue("x-amzn-RequestId")
                ?? context.ResponseData?.GetHeaderValue("x-amz-request-id");
            return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, requestId, statusCode);
        }

        protected override bool ShouldReadEntireResponse(IWebResponseData response, bool readEntireResponse) => true;
    }

    internal sealed class RawJsonResponseUnmarshaller : JsonResponseUnmarshaller
    {
        public static readonly RawJsonResponseUnmarshaller Instance = new RawJsonResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new ProtocolResponse { Body = ResponseBodies.Read(context, context.Stream) };
            response.ResponseMetadata = new ResponseMetadata { RequestId = context.ResponseData?.GetHeaderValue("x-amzn-RequestId") };
            return response;
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var headerType = context.ResponseData?.GetHeaderValue("x-amzn-ErrorType");
            var error = ErrorBodies.ParseJson(ResponseBodies.Read(context, context.Stream), headerType);
            return new AmazonServiceException(error.Message, innerException, error.Type, error.Code,
                context.ResponseData?.GetHeaderValue("x-amzn-RequestId"), statusCode);
        }

        protected override bool ShouldReadEntireResponse(IWebResponseData response, bool readEntireResponse) => true;
    }
}

namespace NumeraiAws.Engine.Protocol
{
    internal static class ResponseBodies
    {
        /// <summary>
        /// The whole response body: the bytes the SDK kept (it keeps them for error responses), else the
        /// unread stream. Our typed clients parse the body themselves.
        /// </summary>
        public static byte[] Read(UnmarshallerContext context, System.IO.Stream stream)
        {
            var kept = context.GetResponseBodyBytes();
            if (kept != null && kept.Length > 0) return kept;
            if (stream == null) return new byte[0];
            using (var copy = new System.IO.MemoryStream())
            {
                stream.CopyTo(copy);
                return copy.ToArray();
            }
        }
    }
}
