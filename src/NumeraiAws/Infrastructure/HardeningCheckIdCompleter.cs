using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using NumeraiAws.Engine.Setup.Hardening;

namespace NumeraiAws.Infrastructure
{
    /// <summary>Tab completion of -CheckId from the checks Test-NumeraiAccountHardening knows, with their titles as tooltips.</summary>
    public sealed class HardeningCheckIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return HardeningCatalog.All
                .Where(d => d.Id.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(d => new CompletionResult(d.Id, d.Id, CompletionResultType.ParameterValue, d.Title));
        }
    }
}
