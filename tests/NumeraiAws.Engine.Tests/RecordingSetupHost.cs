using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Setup;

namespace NumeraiAws.Engine.Tests
{
    /// <summary>
    /// The one ISetupHost double of the tests: answers ShouldChange as told (or as <see cref="Allow"/> says) and
    /// records what the service asked, said, warned and showed.
    /// </summary>
    internal sealed class RecordingSetupHost : ISetupHost
    {
        private readonly Func<string, string, bool> _allow;

        public RecordingSetupHost(bool allowChanges = true, CancellationToken cancellation = default)
        {
            Allow = allowChanges;
            _allow = (target, action) => Allow;
            Cancellation = cancellation;
        }

        public RecordingSetupHost(Func<string, string, bool> allow, CancellationToken cancellation = default)
        {
            _allow = allow;
            Cancellation = cancellation;
        }

        /// <summary>The answer to every ShouldChange, unless the host was made with a function.</summary>
        public bool Allow { get; set; }
        public List<(string Target, string Action)> Asked { get; } = new List<(string, string)>();
        public List<string> Messages { get; } = new List<string>();
        public List<string> Warnings { get; } = new List<string>();
        public List<(string Activity, string Status)> ProgressRecords { get; } = new List<(string, string)>();
        public List<string> Completed { get; } = new List<string>();
        public CancellationToken Cancellation { get; }

        /// <summary>What was asked, as "target: action".</summary>
        public List<string> Changes => Asked.Select(a => a.Target + ": " + a.Action).ToList();
        public List<string> AskedActions => Asked.Select(a => a.Action).ToList();
        /// <summary>Everything the service put into words: questions, messages, warnings, progress.</summary>
        public IEnumerable<string> AllText => Changes.Concat(Messages).Concat(Warnings).Concat(ProgressRecords.Select(p => p.Activity + " " + p.Status));

        public bool ShouldChange(string target, string action)
        {
            Asked.Add((target, action));
            return _allow(target, action);
        }

        public void Info(string message) => Messages.Add(message);
        public void Warn(string message) => Warnings.Add(message);
        public void Progress(string activity, string status, int percent) => ProgressRecords.Add((activity, status));
        public void ProgressDone(string activity) => Completed.Add(activity);
    }

    /// <summary>The one ICallObserver double of the tests: records every AWS call and debug line.</summary>
    internal sealed class RecordingObserver : ICallObserver
    {
        public List<AwsCallRecord> Calls { get; } = new List<AwsCallRecord>();
        public List<string> Debug { get; } = new List<string>();
        public void OnCall(AwsCallRecord record) { lock (Calls) Calls.Add(record); }
        public void OnDebug(string message) { lock (Debug) Debug.Add(message); }
    }
}
