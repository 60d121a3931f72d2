using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Connection
{
    /// <summary>
    /// A resolved way to reach AWS: credentials, region, partition, per-service endpoints, and the clients made
    /// from them. Every AWS call of the engine goes through <see cref="Call{T}"/>, which times it, reports it to
    /// the observer and the call history, and turns AWS errors into <see cref="AwsServiceException"/>.
    /// </summary>
    public sealed class AwsConnection : IDisposable
    {
        private readonly Func<string, string> _env;
        private readonly ICallObserver _observer;
        private AmazonSecurityTokenServiceClient _sts;
        private AmazonS3Client _s3;
        private AmazonEC2Client _ec2;
        private readonly System.Collections.Generic.Dictionary<string, ProtocolClient> _protocolClients =
            new System.Collections.Generic.Dictionary<string, ProtocolClient>();
        private readonly System.Collections.Generic.Dictionary<string, ProtocolClient> _singleAttemptClients =
            new System.Collections.Generic.Dictionary<string, ProtocolClient>();
        private readonly System.Collections.Generic.Dictionary<string, AmazonS3Client> _regionalS3 =
            new System.Collections.Generic.Dictionary<string, AmazonS3Client>();

        internal AwsConnection(AWSCredentials credentials, string credentialSource, string region, string regionSource,
            string endpointUrl, Func<string, string> env, ICallObserver observer)
        {
            Credentials = credentials;
            CredentialSource = credentialSource;
            Region = region;
            RegionSource = regionSource;
            Partition = AwsPartition.ForRegion(region);
            ExplicitEndpointUrl = endpointUrl;
            _env = env;
            _observer = observer;
            HttpTimeout = ReadHttpTimeout(env);
            observer?.OnDebug($"Credentials from {credentialSource}; region '{region}' from {regionSource}; partition {Partition.Name}.");
            if (HttpTimeout.HasValue)
                observer?.OnDebug($"HTTP timeout {HttpTimeout.Value.TotalSeconds:0.###} s per attempt (from {HttpTimeoutVariable}).");
        }

        /// <summary>The environment variable that shortens the per-attempt HTTP timeout (seconds; tests use it).</summary>
        public const string HttpTimeoutVariable = "NUMERAIAWS_HTTP_TIMEOUT_SECONDS";

        /// <summary>
        /// The HTTP timeout of one attempt of every client, or null for the SDK's default. A request that hangs
        /// then fails that attempt and the SDK's retry policy decides what happens next, instead of the
        /// command waiting for minutes.
        /// </summary>
        public TimeSpan? HttpTimeout { get; }

        private static TimeSpan? ReadHttpTimeout(Func<string, string> env)
        {
            var text = env?.Invoke(HttpTimeoutVariable);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                || double.IsNaN(seconds) || seconds <= 0 || seconds > 3600)
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidHttpTimeout",
                    $"{HttpTimeoutVariable} is '{text}', which is not a number of seconds between 0 and 3600.",
                    $"Set {HttpTimeoutVariable} to a number of seconds such as 30, or remove it to use the SDK's default.", text);
            return TimeSpan.FromSeconds(seconds);
        }

        private void ApplyTimeout(ClientConfig config)
        {
            if (HttpTimeout.HasValue) config.Timeout = HttpTimeout.Value;
        }

        internal AWSCredentials Credentials { get; }
        public string CredentialSource { get; }
        public string Region { get; }
        public string RegionSource { get; }
        public AwsPartition Partition { get; }
        public string ExplicitEndpointUrl { get; }

        /// <summary>
        /// The endpoint for a service: -EndpointUrl, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL,
        /// then the partition's public endpoint. Global services (IAM, Account) sign with the partition's region.
        /// </summary>
        public ResolvedEndpoint EndpointFor(string serviceId, string endpointPrefix, bool isGlobal)
        {
            var signingRegion = serviceId == ServiceDescription.Budgets.ServiceId ? Partition.ImplicitGlobalRegion
                : isGlobal ? Partition.GlobalRegion : Region;
            if (ExplicitEndpointUrl != null) return new ResolvedEndpoint(ExplicitEndpointUrl, signingRegion, "-EndpointUrl", true);
            var variable = "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_');
            var specific = _env(variable);
            if (specific != null)
            {
                AwsConnectionResolver.ValidateEndpoint(specific, variable);
                return new ResolvedEndpoint(specific, signingRegion, variable, true);
            }
            var general = _env("AWS_ENDPOINT_URL");
            if (general != null)
            {
                AwsConnectionResolver.ValidateEndpoint(general, "AWS_ENDPOINT_URL");
                return new ResolvedEndpoint(general, signingRegion, "AWS_ENDPOINT_URL", true);
            }
            string host;
            if (serviceId == ServiceDescription.Iam.ServiceId) host = Partition.IamHost;
            else if (serviceId == ServiceDescription.Account.ServiceId) host = Partition.AccountHost;
            else if (serviceId == ServiceDescription.Budgets.ServiceId) host = Partition.BudgetsHost;
            else host = $"{endpointPrefix}.{Region}.{Partition.DnsSuffix}";
            return new ResolvedEndpoint("https://" + host, signingRegion, "the partition's public endpoint", false);
        }

        public ResolvedEndpoint EndpointFor(ServiceDescription service) => EndpointFor(service.ServiceId, service.EndpointPrefix, service.IsGlobal);

        /// <remarks>
        /// A hostPrefix is prepended to the public endpoint's host, as the service model asks (S3 Control:
        /// "ACCOUNT."). It is not applied to a custom endpoint: an emulator on 127.0.0.1 has no such host names and
        /// serves those operations path-style.
        /// </remarks>
        internal ProtocolClient ClientFor(ServiceDescription service, string hostPrefix = null)
        {
            var key = service.ServiceId + "|" + hostPrefix;
            if (_protocolClients.TryGetValue(key, out var existing)) return existing;
            var endpoint = EndpointFor(service);
            var url = endpoint.Url;
            if (!string.IsNullOrEmpty(hostPrefix) && !endpoint.IsCustom)
            {
                var uri = new Uri(url);
                url = new UriBuilder(uri) { Host = hostPrefix + uri.Host }.Uri.ToString();
            }
            _observer?.OnDebug($"{service.ServiceId} endpoint {url} (from {endpoint.Source}), signing region {endpoint.SigningRegion}.");
            var config = new ProtocolClientConfig(service, url, endpoint.SigningRegion);
            ApplyTimeout(config);
            var client = new ProtocolClient(Credentials, config);
            _protocolClients[key] = client;
            return client;
        }

        internal AmazonSecurityTokenServiceClient Sts => _sts ?? (_sts = new AmazonSecurityTokenServiceClient(Credentials, Configure(new AmazonSecurityTokenServiceConfig(), "STS", "sts", false)));
        internal AmazonS3Client S3 => _s3 ?? (_s3 = CreateS3());
        internal AmazonEC2Client Ec2 => _ec2 ?? (_ec2 = new AmazonEC2Client(Credentials, Configure(new AmazonEC2Config(), "EC2", "ec2", false)));

        /// <summary>
        /// An S3 client for a bucket in <paramref name="region"/>: S3 answers requests about a bucket from its own
        /// region only. With a custom endpoint (an emulator) or the connection's own region, the one S3 client.
        /// </summary>
        internal AmazonS3Client S3For(string region)
        {
            if (string.IsNullOrEmpty(region) || region == Region || EndpointFor("S3", "s3", false).IsCustom) return S3;
            if (_regionalS3.TryGetValue(region, out var existing)) return existing;
            var config = new AmazonS3Config { RetryMode = RequestRetryMode.Standard, RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region) };
            ApplyTimeout(config);
            var client = new AmazonS3Client(Credentials, config);
            _regionalS3[region] = client;
            return client;
        }

        private AmazonS3Client CreateS3()
        {
            var config = Configure(new AmazonS3Config(), "S3", "s3", false);
            // Emulators and custom endpoints answer path-style requests; AWS itself prefers virtual hosts.
            if (!string.IsNullOrEmpty(config.ServiceURL)) config.ForcePathStyle = true;
            return new AmazonS3Client(Credentials, config);
        }

        private T Configure<T>(T config, string serviceId, string prefix, bool isGlobal) where T : ClientConfig
        {
            var endpoint = EndpointFor(serviceId, prefix, isGlobal);
            config.RetryMode = RequestRetryMode.Standard;
            ApplyTimeout(config);
            if (endpoint.IsCustom)
            {
                config.ServiceURL = endpoint.Url;
                config.AuthenticationRegion = endpoint.SigningRegion;
            }
            else
            {
                config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region);
            }
            _observer?.OnDebug($"{serviceId} endpoint {endpoint.Url} (from {endpoint.Source}).");
            return config;
        }

        /// <summary>Runs one AWS call: timed, logged, and with AWS errors as <see cref="AwsServiceException"/>.</summary>
        public T Call<T>(string service, string operation, bool isWrite, Func<Task<T>> call)
        {
            var started = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            try
            {
                var result = call().GetAwaiter().GetResult();
                Record(service, operation, isWrite, watch.Elapsed, (result as AmazonWebServiceResponse)?.ResponseMetadata?.RequestId, null, started);
                return result;
            }
            catch (AmazonServiceException e)
            {
                var code = string.IsNullOrEmpty(e.ErrorCode) ? null : e.ErrorCode;
                Record(service, operation, isWrite, watch.Elapsed, e.RequestId, code ?? ("Http" + (int)e.StatusCode), started);
                throw new AwsServiceException(service, operation, code, e.Message, e.StatusCode, e.RequestId, e);
            }
            catch (AmazonClientException e)
            {
                Record(service, operation, isWrite, watch.Elapsed, null, "ClientError", started);
                throw new NumeraiAwsException(ErrorKind.ConnectionError, "AwsClientError",
                    $"{service} {operation} could not be completed: {e.Message}",
                    "Check the network, the endpoint and the credentials in use (Get-NumeraiAwsIdentity -Debug).", null, e);
            }
            catch (TimeoutException e)
            {
                // The SDK's clients raise this when an attempt outlives ClientConfig.Timeout and retries are spent.
                Record(service, operation, isWrite, watch.Elapsed, null, "Timeout", started);
                throw new NumeraiAwsException(ErrorKind.OperationTimeout, "AwsRequestTimedOut",
                    $"{service} {operation} did not answer in time, after retries: {e.Message}",
                    "Check the network and the endpoint in use, then run the command again; re-running converges.", null, e);
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException || e is System.IO.IOException || e is TaskCanceledException || e is System.Net.WebException)
            {
                Record(service, operation, isWrite, watch.Elapsed, null, "ConnectionError", started);
                throw new NumeraiAwsException(ErrorKind.ConnectionError, "AwsConnectionFailed",
                    $"{service} {operation} could not reach AWS after retries: {e.Message}",
                    "Check the network and the endpoint in use, then run the command again; re-running converges.", null, e);
            }
        }

        /// <summary>Sends one Query protocol request (IAM) and returns its parsed response.</summary>
        internal QueryResponse Send(ServiceDescription service, QueryRequest request) =>
            QueryResponse.Parse(Send(service, request.Action, request.IsWrite, request.ToBody(service.ApiVersion)), request.Action);

        /// <summary>Sends one JSON 1.1 operation (SageMaker, CodeCommit) and returns the parsed response.</summary>
        internal System.Text.Json.JsonElement SendJson(ServiceDescription service, string operation, bool isWrite,
            System.Collections.Generic.IDictionary<string, object> body) =>
            JsonBody.Read(Send(service, operation, isWrite, JsonBody.Write(body)));

        /// <summary>Sends one operation through our own protocol client.</summary>
        internal byte[] Send(ServiceDescription service, string operation, bool isWrite, byte[] body, string path = "/", string method = "POST",
            System.Collections.Generic.IReadOnlyDictionary<string, string> headers = null, string hostPrefix = null)
        {
            var client = ClientFor(service, hostPrefix);
            return Call(service.ServiceId, operation, isWrite,
                () => Task.FromResult(client.Send(new ProtocolRequest(operation, body, path, method, headers)))).Body;
        }

        /// <summary>
        /// Sends one Query write in a single attempt: for creates that AWS neither deduplicates (no client token)
        /// nor refuses as a duplicate, a retry after an answer that was lost although the write took effect would
        /// make a second one. The caller checks whether a failed attempt took effect (<c>Setup/UnsureWrite</c>).
        /// </summary>
        internal QueryResponse SendSingleAttempt(ServiceDescription service, QueryRequest request) =>
            QueryResponse.Parse(SendSingleAttempt(service, request.Action, request.IsWrite, request.ToBody(service.ApiVersion)), request.Action);

        /// <summary>The JSON 1.1 form of <see cref="SendSingleAttempt(ServiceDescription, QueryRequest)"/>.</summary>
        internal System.Text.Json.JsonElement SendJsonSingleAttempt(ServiceDescription service, string operation, bool isWrite,
            System.Collections.Generic.IDictionary<string, object> body) =>
            JsonBody.Read(SendSingleAttempt(service, operation, isWrite, JsonBody.Write(body)));

        private byte[] SendSingleAttempt(ServiceDescription service, string operation, bool isWrite, byte[] body)
        {
            if (!_singleAttemptClients.TryGetValue(service.ServiceId, out var client))
            {
                var endpoint = EndpointFor(service);
                var config = new ProtocolClientConfig(service, endpoint.Url, endpoint.SigningRegion) { MaxErrorRetry = 0 };
                ApplyTimeout(config);
                client = new ProtocolClient(Credentials, config);
                _singleAttemptClients[service.ServiceId] = client;
            }
            return Call(service.ServiceId, operation, isWrite,
                () => Task.FromResult(client.Send(new ProtocolRequest(operation, body)))).Body;
        }

        private void Record(string service, string operation, bool isWrite, TimeSpan duration, string requestId, string errorCode, DateTime started)
        {
            var record = new AwsCallRecord(service, operation, isWrite, duration, requestId, errorCode, started);
            CallHistory.Add(record);
            _observer?.OnCall(record);
        }

        public void Dispose()
        {
            _sts?.Dispose();
            _s3?.Dispose();
            _ec2?.Dispose();
            foreach (var client in _protocolClients.Values) client.Dispose();
            foreach (var client in _singleAttemptClients.Values) client.Dispose();
            foreach (var client in _regionalS3.Values) client.Dispose();
        }
    }

    /// <summary>Where one service's requests go, and why.</summary>
    public sealed class ResolvedEndpoint
    {
        public ResolvedEndpoint(string url, string signingRegion, string source, bool isCustom)
        {
            Url = url; SigningRegion = signingRegion; Source = source; IsCustom = isCustom;
        }
        public string Url { get; }
        public string SigningRegion { get; }
        public string Source { get; }
        public bool IsCustom { get; }
    }
}
