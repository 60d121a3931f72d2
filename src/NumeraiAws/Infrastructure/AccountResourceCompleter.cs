using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Setup;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Tab completion from the account: lists existing resources with the -ProfileName, -ProfileLocation, -Region
    /// and -EndpointUrl typed so far (else the environment's defaults). Offers nothing, never an error, when AWS
    /// cannot be reached or the caller may not list.
    /// </summary>
    public abstract class AccountResourceCompleter : IArgumentCompleter
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
                var request = new ConnectionRequest
                {
                    ProfileName = Bound(fakeBoundParameters, "ProfileName"),
                    ProfileLocation = Bound(fakeBoundParameters, "ProfileLocation"),
                    Region = Bound(fakeBoundParameters, "Region"),
                    EndpointUrl = Bound(fakeBoundParameters, "EndpointUrl"),
                };
                using (var stop = new CancellationTokenSource(Timeout))
                using (var connection = AwsConnectionResolver.Resolve(request))
                    names = List(connection, stop.Token);
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            return names
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
        }

        // Internal: the signature names an engine type, which a public member of this assembly must not.
        internal abstract IReadOnlyList<string> List(AwsConnection connection, CancellationToken cancellation);

        private static string Bound(IDictionary bound, string name)
        {
            if (bound == null || !bound.Contains(name)) return null;
            var value = bound[name];
            return value == null ? null : LanguagePrimitives.ConvertTo<string>(value);
        }
    }

    /// <summary>The account's buckets whose names start with "numerai-".</summary>
    public sealed class NumeraiBucketNameCompleter : AccountResourceCompleter
    {
        internal override IReadOnlyList<string> List(AwsConnection connection, CancellationToken cancellation) => ResourceNames.Buckets(connection, cancellation);
    }

    /// <summary>The IAM groups under /numerai/.</summary>
    public sealed class NumeraiGroupNameCompleter : AccountResourceCompleter
    {
        internal override IReadOnlyList<string> List(AwsConnection connection, CancellationToken cancellation) => ResourceNames.Groups(connection, cancellation);
    }

    /// <summary>The region's SageMaker domain ids.</summary>
    public sealed class StudioDomainIdCompleter : AccountResourceCompleter
    {
        internal override IReadOnlyList<string> List(AwsConnection connection, CancellationToken cancellation) => ResourceNames.StudioDomainIds(connection, cancellation);
    }
}
