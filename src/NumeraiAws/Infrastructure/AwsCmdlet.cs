using System;
using System.Management.Automation;
using System.Security;
using NumeraiAws.Engine;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Setup;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that calls AWS: the connection parameters of AWS Tools for PowerShell, resolved in its
    /// order, with each AWS call logged to -Verbose and the sources of credentials and region to -Debug.
    /// </summary>
    /// <remarks>
    /// No public type of this assembly may derive from, implement or expose an engine type in its shape: PowerShell
    /// loads every exported type when it imports the module, before ModuleInitializer can point the loader at the
    /// engine. Engine types appear only in member bodies and non-public members.
    /// </remarks>
    public abstract class AwsCmdlet : NumeraiAwsCmdlet
    {
        private AwsConnection _connection;
        private CmdletSetupHost _setupHost;
        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

        /// <summary>
        /// <para type="description">The name of a profile in the shared credentials or config file. A profile that does not exist is an error.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("StoredCredentials", "AWSProfileName")]
        public string ProfileName { get; set; }

        /// <summary>The shared credentials file to read -ProfileName from.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string ProfileLocation { get; set; }

        /// <summary>The AWS region, e.g. us-east-1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AwsRegionCompleter))]
        public string Region { get; set; }

        /// <summary>The access key id of the credentials to use.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; }

        /// <summary>The secret access key; a string is accepted and kept as a SecureString.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString SecretKey { get; set; }

        /// <summary>The session token of temporary credentials.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString SessionToken { get; set; }

        /// <summary>Credentials as a PSCredential (user name: access key id; password: secret key).</summary>
        [Parameter]
        [AwsCredentialTransformation]
        public PSCredential Credential { get; set; }

        /// <summary>The endpoint to send every request to, e.g. a local emulator.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string EndpointUrl { get; set; }

        /// <summary>The connection for this invocation, resolved once.</summary>
        internal AwsConnection Connection
        {
            get
            {
                if (_connection != null) return _connection;
                var request = new ConnectionRequest
                {
                    ProfileName = ProfileName,
                    ProfileLocation = ProfileLocation,
                    Region = Region,
                    AccessKey = AccessKey,
                    SecretKey = SecretKey,
                    SessionToken = SessionToken,
                    CredentialAccessKey = Credential?.UserName,
                    CredentialSecretKey = Credential?.Password,
                    Stored = SessionCredentials.ReadStoredCredentials(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
                    StoredRegion = SessionCredentials.ReadStoredRegion(SessionState.PSVariable.GetValue("StoredAWSRegion")),
                    EndpointUrl = EndpointUrl,
                };
                return _connection = AwsConnectionResolver.Resolve(request, new CmdletCallObserver(this));
            }
        }

        /// <summary>ShouldProcess, -Verbose, Write-Progress and Ctrl+C, as the engine's setup services see them.</summary>
        internal ISetupHost SetupHost => _setupHost ?? (_setupHost = new CmdletSetupHost(this, _stopping.Token));

        protected override void EndProcessing()
        {
            _connection?.Dispose();
            _connection = null;
        }

        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        private sealed class CmdletSetupHost : ISetupHost
        {
            private readonly PSCmdlet _cmdlet;
            public CmdletSetupHost(PSCmdlet cmdlet, System.Threading.CancellationToken cancellation)
            {
                _cmdlet = cmdlet;
                Cancellation = cancellation;
            }

            public System.Threading.CancellationToken Cancellation { get; }

            public bool ShouldChange(string target, string action) => _cmdlet.ShouldProcess(target, action);

            public void Info(string message) => _cmdlet.WriteVerbose(message);

            public void Warn(string message) => _cmdlet.WriteWarning(message);

            public void Progress(string activity, string status, int percent) =>
                _cmdlet.WriteProgress(new ProgressRecord(ActivityId(activity), activity, status) { PercentComplete = percent });

            public void ProgressDone(string activity) =>
                _cmdlet.WriteProgress(new ProgressRecord(ActivityId(activity), activity, "Done") { RecordType = ProgressRecordType.Completed });

            // A stable id per activity, so concurrent waits (domain and user profile) get their own bars.
            private static int ActivityId(string activity) => activity.GetHashCode() & 0x7fffffff;
        }

        /// <summary>Writes each AWS call to -Verbose and connection diagnostics to -Debug.</summary>
        private sealed class CmdletCallObserver : ICallObserver
        {
            private readonly Cmdlet _cmdlet;
            public CmdletCallObserver(Cmdlet cmdlet) { _cmdlet = cmdlet; }
            public void OnCall(AwsCallRecord record) => _cmdlet.WriteVerbose("AWS call: " + record);
            public void OnDebug(string message) => _cmdlet.WriteDebug(message);
        }
    }
}
