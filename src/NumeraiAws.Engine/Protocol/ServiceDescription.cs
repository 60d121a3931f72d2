namespace NumeraiAws.Engine.Protocol
{
    /// <summary>
    /// What a service client needs to know about a service that has no AWSSDK package here:
    /// its endpoint prefix, signing name, protocol and API version.
    /// </summary>
    public sealed class ServiceDescription
    {
        public ServiceDescription(string serviceId, string endpointPrefix, string signingName, AwsProtocol protocol,
            string apiVersion, string targetPrefix = null, bool isGlobal = false)
        {
            ServiceId = serviceId;
            EndpointPrefix = endpointPrefix;
            SigningName = signingName;
            Protocol = protocol;
            ApiVersion = apiVersion;
            TargetPrefix = targetPrefix;
            IsGlobal = isGlobal;
        }

        /// <summary>The SDK service id, e.g. "IAM"; also names the AWS_ENDPOINT_URL_&lt;ID&gt; variable.</summary>
        public string ServiceId { get; }
        public string EndpointPrefix { get; }
        public string SigningName { get; }
        public AwsProtocol Protocol { get; }
        public string ApiVersion { get; }
        /// <summary>JSON 1.1 only: the X-Amz-Target prefix, e.g. "SageMaker".</summary>
        public string TargetPrefix { get; }
        /// <summary>One endpoint per partition (IAM, Account) rather than one per region.</summary>
        public bool IsGlobal { get; }

        public static readonly ServiceDescription Iam =
            new ServiceDescription("IAM", "iam", "iam", AwsProtocol.Query, "2010-05-08", isGlobal: true);
        public static readonly ServiceDescription SageMaker =
            new ServiceDescription("SageMaker", "api.sagemaker", "sagemaker", AwsProtocol.Json11, "2017-07-24", "SageMaker");
        public static readonly ServiceDescription CodeCommit =
            new ServiceDescription("CodeCommit", "codecommit", "codecommit", AwsProtocol.Json11, "2015-04-13", "CodeCommit_20150413");
        public static readonly ServiceDescription Account =
            new ServiceDescription("Account", "account", "account", AwsProtocol.RestJson, "2021-02-01", isGlobal: true);
        /// <summary>
        /// S3 Control (account-level S3 settings): regional, signed as "s3", and on AWS addressed at
        /// ACCOUNT.s3-control.REGION; the SDK service id "S3 Control" names AWS_ENDPOINT_URL_S3_CONTROL.
        /// </summary>
        public static readonly ServiceDescription S3Control =
            new ServiceDescription("S3 Control", "s3-control", "s3", AwsProtocol.RestXml, "2018-08-20");
        /// <summary>AWS Budgets: one endpoint per partition (budgets.amazonaws.com), JSON 1.1.</summary>
        public static readonly ServiceDescription Budgets =
            new ServiceDescription("Budgets", "budgets", "budgets", AwsProtocol.Json11, "2016-10-20", "AWSBudgetServiceGateway", isGlobal: true);
    }
}
