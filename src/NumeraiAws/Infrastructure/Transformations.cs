using System.Management.Automation;
using System.Security;
using NumeraiAws.Engine;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Lets a secret parameter take a plain string (as AWS Tools' -SecretKey does) while the cmdlet only ever
    /// holds it as a SecureString.
    /// </summary>
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            return value is string text ? SecureText.Protect(text) : value;
        }
    }

    /// <summary>
    /// Lets -Credential take a PSCredential, or an AWSCredentials object from AWS Tools (any SDK version),
    /// read through its GetCredentials() method.
    /// </summary>
    public sealed class AwsCredentialTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is PSCredential || value == null) return value;
            var keys = SessionCredentials.ReadKeys(value);
            if (keys == null)
                throw new ArgumentTransformationMetadataException(
                    "-Credential takes a PSCredential (user name: access key id, password: secret access key) or an AWSCredentials object.");
            return new PSCredential(keys.AccessKey, keys.SecretKey);
        }
    }
}
