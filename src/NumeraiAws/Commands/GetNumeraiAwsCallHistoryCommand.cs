using System.Linq;
using System.Management.Automation;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Infrastructure;

namespace NumeraiAws.Commands
{
    /// <summary>Lists the AWS calls the module made in this session (like AWS Tools' $AWSHistory).</summary>
    [Cmdlet(VerbsCommon.Get, "NumeraiAwsCallHistory")]
    [OutputType(typeof(AwsCallRecord))]
    public sealed class GetNumeraiAwsCallHistoryCommand : NumeraiAwsCmdlet
    {
        /// <summary>Only calls that changed something in AWS.</summary>
        [Parameter]
        public SwitchParameter WriteOnly { get; set; }

        /// <summary>Empties the history after reading it.</summary>
        [Parameter]
        public SwitchParameter Clear { get; set; }

        protected override void EndProcessing()
        {
            var records = CallHistory.Snapshot().Where(r => !WriteOnly || r.IsWrite);
            foreach (var record in records) WriteObject(record);
            if (Clear) CallHistory.Clear();
        }
    }
}
