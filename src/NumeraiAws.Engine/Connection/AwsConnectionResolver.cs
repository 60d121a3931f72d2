using System;
using System.Collections;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace NumeraiAws.Engine.Connection
{
    /// <summary>
    /// Resolves credentials, region and endpoints in the order AWS Tools for PowerShell uses, and remembers where
    /// each came from (for -Debug; never the values).
    /// Credentials: explicit keys, -ProfileName, -Credential, $StoredAWSCredentials, environment variables,
    /// the shared config/credentials files (AWS_PROFILE or "default", including SSO and assume-role profiles),
    /// then the SDK's container and instance providers.
    /// Region: -Region, the named profile's region, $StoredAWSRegion, AWS_REGION/AWS_DEFAULT_REGION, the
    /// shared profile's region.
    /// </summary>
    public static class AwsConnectionResolver
    {
        public static AwsConnection Resolve(ConnectionRequest request, ICallObserver observer = null)
        {
            var env = request.Environment ?? ReadProcessEnvironment();
            string Env(string name) => env.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

            CredentialProfile profile = null;
            string profileSource = null;
            var (credentials, credentialSource) = ResolveCredentials(request, Env, ref profile, ref profileSource);

            var (region, regionSource) = ResolveRegion(request, Env, profile, profileSource);
            AwsRegions.Validate(region, regionSource);

            var endpointUrl = request.EndpointUrl;
            if (endpointUrl != null) ValidateEndpoint(endpointUrl, "-EndpointUrl");
            return new AwsConnection(credentials, credentialSource, region, regionSource, endpointUrl, Env, observer);
        }

        private static (AWSCredentials, string) ResolveCredentials(ConnectionRequest request, Func<string, string> env,
            ref CredentialProfile profile, ref string profileSource)
        {
            if (!string.IsNullOrEmpty(request.AccessKey) || request.SecretKey != null)
            {
                if (string.IsNullOrEmpty(request.AccessKey) || request.SecretKey == null)
                    throw new NumeraiAwsException(ErrorKind.InvalidArgument, "IncompleteAccessKey",
                        "-AccessKey and -SecretKey must be given together.", "Pass both -AccessKey and -SecretKey, or neither.");
                return (Keys(request.AccessKey, request.SecretKey, request.SessionToken), "the -AccessKey/-SecretKey parameters");
            }

            if (!string.IsNullOrEmpty(request.ProfileName))
            {
                profile = FindProfile(request.ProfileName, request.ProfileLocation);
                profileSource = $"profile '{request.ProfileName}'";
                return (FromProfile(profile, request.ProfileLocation), $"the -ProfileName profile '{request.ProfileName}'");
            }

            if (request.CredentialAccessKey != null)
                return (Keys(request.CredentialAccessKey, request.CredentialSecretKey, null), "the -Credential parameter");

            var stored = request.Stored;
            if (stored != null)
            {
                if (!string.IsNullOrEmpty(stored.AccessKey) && stored.SecretKey != null)
                    return (Keys(stored.AccessKey, stored.SecretKey, stored.SessionToken), "$StoredAWSCredentials (Set-AWSCredential)");
                if (!string.IsNullOrEmpty(stored.ProfileName))
                {
                    profile = FindProfile(stored.ProfileName, stored.ProfileLocation);
                    profileSource = $"profile '{stored.ProfileName}'";
                    return (FromProfile(profile, stored.ProfileLocation), $"$StoredAWSCredentials (profile '{stored.ProfileName}')");
                }
            }

            var envKey = env("AWS_ACCESS_KEY_ID");
            var envSecret = env("AWS_SECRET_ACCESS_KEY");
            if (envKey != null && envSecret != null)
            {
                var token = env("AWS_SESSION_TOKEN");
                AWSCredentials c = token != null ? (AWSCredentials)new SessionAWSCredentials(envKey, envSecret, token) : new BasicAWSCredentials(envKey, envSecret);
                return (c, "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables");
            }

            var sharedName = env("AWS_PROFILE") ?? "default";
            var chain = new CredentialProfileStoreChain();
            if (chain.TryGetProfile(sharedName, out var sharedProfile))
            {
                profile = sharedProfile;
                profileSource = $"shared profile '{sharedName}'";
                return (FromProfile(sharedProfile, null), $"the shared profile '{sharedName}' ({(env("AWS_PROFILE") != null ? "AWS_PROFILE" : "default")})");
            }
            if (env("AWS_PROFILE") != null)
                throw ProfileNotFound(sharedName, "AWS_PROFILE");

            try
            {
                // Web identity, container and instance credentials: the SDK's own providers.
                var fallback = DefaultAWSCredentialsIdentityResolver.GetCredentials();
                return (fallback, "the SDK's default chain (" + fallback.GetType().Name + ")");
            }
            catch (AmazonClientException e)
            {
                throw new NumeraiAwsException(ErrorKind.AuthenticationError, "NoCredentials",
                    "No AWS credentials were found: no -AccessKey/-SecretKey, -ProfileName or -Credential was given, $StoredAWSCredentials is not set, " +
                    "the AWS_ACCESS_KEY_ID environment variable is empty, there is no 'default' profile in the shared files, and no container or instance credentials are available.",
                    "Pass -ProfileName with a profile from 'aws configure', or run Set-AWSCredential, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
                    null, e);
            }
        }

        private static (string, string) ResolveRegion(ConnectionRequest request, Func<string, string> env, CredentialProfile profile, string profileSource)
        {
            if (!string.IsNullOrEmpty(request.Region)) return (request.Region, "the -Region parameter");
            if (profile?.Region != null && !string.IsNullOrEmpty(request.ProfileName)) return (profile.Region.SystemName, profileSource);
            if (!string.IsNullOrEmpty(request.StoredRegion)) return (request.StoredRegion, "$StoredAWSRegion (Set-DefaultAWSRegion)");
            if (env("AWS_REGION") != null) return (env("AWS_REGION"), "the AWS_REGION environment variable");
            if (env("AWS_DEFAULT_REGION") != null) return (env("AWS_DEFAULT_REGION"), "the AWS_DEFAULT_REGION environment variable");
            if (profile?.Region != null) return (profile.Region.SystemName, profileSource);
            var chain = new CredentialProfileStoreChain();
            if (chain.TryGetProfile(env("AWS_PROFILE") ?? "default", out var shared) && shared.Region != null)
                return (shared.Region.SystemName, $"shared profile '{env("AWS_PROFILE") ?? "default"}'");
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "NoRegion",
                "No AWS region was given and none is configured.",
                "Pass -Region (for example -Region us-east-1), or run Set-DefaultAWSRegion, or set AWS_REGION.");
        }

        private static CredentialProfile FindProfile(string name, string location)
        {
            var chain = new CredentialProfileStoreChain(location);
            if (!chain.TryGetProfile(name, out var profile))
                throw ProfileNotFound(name, location != null ? $"-ProfileLocation '{location}'" : "the shared credentials and config files");
            return profile;
        }

        private static AWSCredentials FromProfile(CredentialProfile profile, string location)
        {
            var chain = new CredentialProfileStoreChain(location);
            try
            {
                return profile.GetAWSCredentials(chain);
            }
            catch (Exception e) when (e is InvalidOperationException || e is AmazonClientException || e is ArgumentException)
            {
                throw new NumeraiAwsException(ErrorKind.AuthenticationError, "ProfileUnusable",
                    $"The profile '{profile.Name}' exists but its credentials cannot be used: {e.Message}",
                    "Check the profile with 'aws configure list --profile " + profile.Name + "'.", profile.Name, e);
            }
        }

        private static NumeraiAwsException ProfileNotFound(string name, string where) =>
            new NumeraiAwsException(ErrorKind.ObjectNotFound, "ProfileNotFound",
                $"The AWS profile '{name}' was not found in {where}. No other credentials were tried, so that no other account is used by mistake.",
                "Check the name with 'aws configure list-profiles', or create it with 'aws configure --profile " + name + "'.", name);

        private static AWSCredentials Keys(string accessKey, System.Security.SecureString secret, System.Security.SecureString token)
        {
            var secretText = SecureText.Reveal(secret);
            var tokenText = SecureText.Reveal(token);
            return string.IsNullOrEmpty(tokenText)
                ? (AWSCredentials)new BasicAWSCredentials(accessKey, secretText)
                : new SessionAWSCredentials(accessKey, secretText, tokenText);
        }

        internal static void ValidateEndpoint(string url, string source)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidEndpointUrl",
                    $"'{url}' (from {source}) is not an http or https URL.", "Pass an absolute URL such as http://127.0.0.1:5000.", url);
        }

        private static IDictionary<string, string> ReadProcessEnvironment()
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
                result[(string)entry.Key] = (string)entry.Value;
            return result;
        }
    }
}
