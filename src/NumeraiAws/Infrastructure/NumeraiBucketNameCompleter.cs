using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Setup.Bucket;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Tab completion of bucket names: the account's buckets whose names start with "numerai-", listed with the
    /// -ProfileName, -ProfileLocation, -Region and -EndpointUrl typed so far (else the environment's defaults).
    /// </summary>
    public sealed class NumeraiBucketNameCompleter : IArgumentCompleter
    {
        // Tab completion must come back quickly even when AWS cannot be reached.
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            IReadOnlyList<string> names;
            try
            {
                names = ListNames(fakeBoundParameters);
            }
            catch (Exception)
            {
                // No credentials, no network, no permission: completion offers nothing rather than an error.
                return Enumerable.Empty<CompletionResult>();
            }
            return names
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
        }

        private static IReadOnlyList<string> ListNames(IDictionary bound)
        {
            var request = new ConnectionRequest
            {
                ProfileName = Bound(bound, "ProfileName"),
                ProfileLocation = Bound(bound, "ProfileLocation"),
                Region = Bound(bound, "Region"),
                EndpointUrl = Bound(bound, "EndpointUrl"),
            };
            using (var stop = new System.Threading.CancellationTokenSource(Timeout))
            using (var connection = AwsConnectionResolver.Resolve(request))
                return BucketService.ListNumeraiBucketNames(connection, stop.Token);
        }

        private static string Bound(IDictionary bound, string name)
        {
            if (bound == null || !bound.Contains(name)) return null;
            var value = bound[name];
            return value == null ? null : LanguagePrimitives.ConvertTo<string>(value);
        }
    }
}
