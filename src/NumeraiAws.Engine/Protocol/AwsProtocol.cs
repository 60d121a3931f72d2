namespace NumeraiAws.Engine.Protocol
{
    /// <summary>The wire protocols our own service clients speak.</summary>
    public enum AwsProtocol
    {
        /// <summary>AWS Query: form-encoded POST, XML responses (IAM).</summary>
        Query,
        /// <summary>JSON 1.1 with an X-Amz-Target header (SageMaker, CodeCommit).</summary>
        Json11,
        /// <summary>REST-JSON: the operation is in the path (Account).</summary>
        RestJson,
        /// <summary>REST-XML: method and path name the operation, parameters travel in headers, the body is XML (S3 Control).</summary>
        RestXml,
    }
}
