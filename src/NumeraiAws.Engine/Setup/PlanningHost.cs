using System.Collections.Generic;
using System.Threading;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>
    /// A host that declines every change and remembers what it was asked: running a setup service with it
    /// answers "what would the cmdlet change here?", which is exactly the drift Get-NumeraiEnvironment reports.
    /// Reads still happen; no write does.
    /// </summary>
    public sealed class PlanningHost : ISetupHost
    {
        private readonly List<string> _wouldChange = new List<string>();

        public PlanningHost(CancellationToken cancellation = default(CancellationToken)) { Cancellation = cancellation; }

        /// <summary>The actions the service wanted to take, in order.</summary>
        public IReadOnlyList<string> WouldChange => _wouldChange;

        public CancellationToken Cancellation { get; }

        public bool ShouldChange(string target, string action)
        {
            _wouldChange.Add(action);
            return false;
        }

        public void Info(string message) { }
        public void Warn(string message) { }
        public void Progress(string activity, string status, int percent) { }
        public void ProgressDone(string activity) { }
    }
}
