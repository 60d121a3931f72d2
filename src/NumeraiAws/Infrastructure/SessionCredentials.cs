using System;
using System.Management.Automation;
using NumeraiAws.Engine;
using NumeraiAws.Engine.Connection;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Reads what AWS Tools' Set-AWSCredential and Set-DefaultAWSRegion leave in the session, without binding to
    /// AWS Tools or its AWSSDK.Core (which may be another version in another load context): by name, through
    /// PowerShell's own adapters.
    /// </summary>
    internal static class SessionCredentials
    {
        public static StoredCredentials ReadStoredCredentials(object value)
        {
            var item = Unwrap(value);
            if (item == null) return null;
            if (item is string profileName) return new StoredCredentials { ProfileName = profileName };

            var wrapper = PSObject.AsPSObject(item);
            // AWSPSCredentials: { Credentials = <AWSCredentials>, Name = <profile name or null> }.
            var inner = Unwrap(wrapper.Properties["Credentials"]?.Value);
            var credentials = inner ?? item;
            var keys = ReadKeys(credentials);
            if (keys != null) return keys;
            var name = wrapper.Properties["Name"]?.Value as string ?? wrapper.Properties["ProfileName"]?.Value as string;
            return string.IsNullOrEmpty(name) ? null : new StoredCredentials { ProfileName = name };
        }

        public static string ReadStoredRegion(object value)
        {
            var item = Unwrap(value);
            if (item == null) return null;
            if (item is string text) return text;
            // A RegionEndpoint of any SDK version has SystemName.
            return PSObject.AsPSObject(item).Properties["SystemName"]?.Value as string ?? item.ToString();
        }

        /// <summary>Any SDK version's AWSCredentials has GetCredentials() returning AccessKey, SecretKey and Token.</summary>
        internal static StoredCredentials ReadKeys(object credentials)
        {
            if (credentials == null) return null;
            var method = credentials.GetType().GetMethod("GetCredentials", Type.EmptyTypes);
            if (method == null) return null;
            object immutable;
            try
            {
                immutable = method.Invoke(credentials, null);
            }
            catch (System.Reflection.TargetInvocationException e)
            {
                throw new NumeraiAwsException(ErrorKind.AuthenticationError, "StoredCredentialsUnusable",
                    "The credentials in $StoredAWSCredentials could not be read: " + e.InnerException?.Message,
                    "Run Set-AWSCredential again, or pass -ProfileName.", null, e.InnerException);
            }
            if (immutable == null) return null;
            var bag = PSObject.AsPSObject(immutable);
            var accessKey = bag.Properties["AccessKey"]?.Value as string;
            var secret = bag.Properties["SecretKey"]?.Value as string;
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secret)) return null;
            var token = bag.Properties["Token"]?.Value as string;
            return new StoredCredentials
            {
                AccessKey = accessKey,
                SecretKey = SecureText.Protect(secret),
                SessionToken = string.IsNullOrEmpty(token) ? null : SecureText.Protect(token),
            };
        }

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject is PSCustomObject ? ps : ps.BaseObject : value;
    }
}
