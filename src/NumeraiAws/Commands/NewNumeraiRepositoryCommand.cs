using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Setup;
using NumeraiAws.Engine.Setup.Repository;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Creates (or finds) the CodeCommit repository for the tournament code and shows its clone URLs.</summary>
    [Cmdlet(VerbsCommon.New, "NumeraiRepository", SupportsShouldProcess = true)]
    [OutputType(typeof(NumeraiRepository))]
    public sealed class NewNumeraiRepositoryCommand : AwsCmdlet
    {
        /// <summary>The repository's name.</summary>
        [Parameter(Position = 0)]
        public string Name { get; set; } = NumeraiConventions.RepositoryName;

        /// <summary>The description of a new repository.</summary>
        [Parameter]
        public string Description { get; set; } = RepositoryRequest.DefaultDescription;

        /// <summary>Tags for a new repository, besides the module's own.</summary>
        [Parameter]
        public Hashtable Tag { get; set; }

        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var request = new RepositoryRequest
                {
                    RepositoryName = Name,
                    Description = string.IsNullOrEmpty(Description) ? null : Description,
                    Tags = ToDictionary(Tag),
                };
                var repository = RepositoryService.Ensure(Connection, SetupHost, request);
                if (repository != null) WriteObject(repository);
            });
        }

        private static IDictionary<string, string> ToDictionary(Hashtable tags)
        {
            if (tags == null) return null;
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in tags)
                result[LanguagePrimitives.ConvertTo<string>(entry.Key)] = entry.Value == null ? "" : LanguagePrimitives.ConvertTo<string>(entry.Value);
            return result;
        }
    }
}
