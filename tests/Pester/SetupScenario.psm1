# Shared by the fault-tolerance, interruption, secrets and bad-input tests: the contract host's fault controls, the
# setup script run in this process or in a child process, and the invariants a converged setup must satisfy, read
# with the AWS CLI (a client independent of the module). Import after TestHelpers.psm1 (Initialize-TestSession).

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:SetupScript = Join-Path $script:RepoRoot 'examples/Setup-NumeraiEnvironment.ps1'

# Every FullyQualifiedErrorId reason a setup run may end with when AWS misbehaves: the SDK's retries spent on
# throttling, 5xx, dropped connections or timeouts. Anything else under injected faults is a finding.
$script:TransientReasons = @(
    'Throttled', 'AwsConnectionFailed', 'AwsRequestTimedOut', 'AwsClientError',
    'AwsServiceFailure', 'AwsServiceUnavailable', 'AwsInternalFailure', 'AwsInternalError', 'AwsUnavailable',
    'AwsInternalServerException', 'AwsHttp500', 'AwsHttp502', 'AwsHttp503'
)

function Get-SetupScriptPath { $script:SetupScript }

function Invoke-ContractControl {
    param([Parameter(Mandatory)] [string] $Path, [string] $Method = 'Get', $Body)
    $parameters = @{ Method = $Method; Uri = "$env:NUMERAIAWS_TEST_ENDPOINT/_contract/$Path" }
    if ($null -ne $Body) { $parameters.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $parameters.ContentType = 'application/json' }
    Invoke-RestMethod @parameters
}

function Set-ContractFaults {
    <# Turns fault injection on (or off with -Rate 0). Kinds: 500, 503, Throttling, Reset, Stall, AfterSuccess500. #>
    param(
        [Parameter(Mandatory)] [double] $Rate,
        [int] $Seed = 0,
        [string[]] $Kinds = @('500', '503', 'Throttling', 'Reset', 'AfterSuccess500'),
        [int] $StallSeconds = 5
    )
    Invoke-ContractControl -Path 'faults' -Method Post -Body @{ Rate = $Rate; Seed = $Seed; Kinds = @($Kinds); StallSeconds = $StallSeconds }
}

function Disable-ContractFaults { Invoke-ContractControl -Path 'faults' -Method Post -Body @{ Rate = 0 } | Out-Null }

function Get-ContractFaults { Invoke-ContractControl -Path 'faults' }

function Get-ContractRequests { Invoke-ContractControl -Path 'requests' }

function Set-ExpiredAccessKey {
    <# Every request signed with one of these access key ids is answered ExpiredToken, in its service's format. #>
    param([string[]] $AccessKeyId = @())
    Invoke-ContractControl -Path 'expired-keys' -Method Post -Body @{ AccessKeyIds = @($AccessKeyId) } | Out-Null
}

function New-TestPassword {
    <# A console password that satisfies IAM's default policy and the module's rules, different on every call. #>
    $random = [System.Security.Cryptography.RandomNumberGenerator]::GetHexString(12).ToLowerInvariant()
    ConvertTo-SecureString "Nmr-$random-Q7!x" -AsPlainText -Force
}

function Invoke-SetupInProcess {
    <#
    Runs the setup script in this session, in -WorkingDirectory (where it writes the credential file). Returns
    { Succeeded, Output, ErrorRecord, Seconds }: the run either finishes or ends on one terminating error.
    #>
    param(
        [Parameter(Mandatory)] [securestring] $ConsolePassword,
        [Parameter(Mandatory)] [string] $WorkingDirectory,
        [string] $ScriptPath = $script:SetupScript
    )
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Push-Location $WorkingDirectory
    try {
        # Warnings (e.g. "the Git credential exists, its password cannot be shown again") are kept, not printed.
        $output = @(& $ScriptPath -ConsolePassword $ConsolePassword -WarningAction SilentlyContinue -WarningVariable warnings)
        [pscustomobject]@{ Succeeded = $true; Output = $output; ErrorRecord = $null; Warnings = @($warnings); Seconds = $watch.Elapsed.TotalSeconds }
    }
    catch {
        [pscustomobject]@{ Succeeded = $false; Output = @(); ErrorRecord = $_; Warnings = @($warnings); Seconds = $watch.Elapsed.TotalSeconds }
    }
    finally { Pop-Location }
}

function Get-FailureProblem {
    <#
    Why a failed run's error is not an acceptable failure under injected faults, or $null when it is: the error
    must be the module's own (a NumeraiAws engine exception behind a "<Reason>,NumeraiAws.Commands.<Cmdlet>Command"
    id) with a transient reason, never an unhandled .NET exception such as a NullReferenceException.
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $ErrorRecord)
    $id = $ErrorRecord.FullyQualifiedErrorId
    $exception = $ErrorRecord.Exception
    $types = @()
    for ($type = $exception.GetType(); $type; $type = $type.BaseType) { $types += $type.FullName }
    if ($types -notcontains 'NumeraiAws.Engine.NumeraiAwsException') {
        return "not a NumeraiAws error: $id [$($exception.GetType().FullName)] $($exception.Message)"
    }
    if ($id -notmatch '^(?<reason>[A-Za-z0-9]+),NumeraiAws\.Commands\.[A-Za-z]+Command$') {
        return "unexpected FullyQualifiedErrorId '$id'"
    }
    if ($script:TransientReasons -notcontains $Matches.reason) {
        return "reason '$($Matches.reason)' is not a transient failure: $id $($exception.Message)"
    }
    $null
}

function Get-FailureReason([System.Management.Automation.ErrorRecord] $ErrorRecord) {
    ($ErrorRecord.FullyQualifiedErrorId -split ',')[0]
}

function Invoke-AwsCli {
    <# The AWS CLI against the emulator; returns the parsed JSON output, throws with its stderr on failure. #>
    param([Parameter(Mandatory)] [string] $Service, [Parameter(Mandatory)] [string] $Operation, [string[]] $Arguments = @())
    $stderr = [System.IO.Path]::GetTempFileName()
    try {
        $output = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json $Service $Operation @Arguments 2> $stderr
        if ($LASTEXITCODE -ne 0) { throw "aws $Service $Operation $Arguments failed: $(Get-Content $stderr -Raw)" }
    }
    finally { Remove-Item $stderr -ErrorAction SilentlyContinue }
    $text = ($output | Out-String).Trim()
    if ($text) { $text | ConvertFrom-Json }
}

function Get-SetupState {
    <# What the account holds of the setup, read with the AWS CLI only. #>
    $state = [ordered]@{}
    $buckets = @((Invoke-AwsCli s3api list-buckets).Buckets | Where-Object Name -like 'numerai-*')
    $state.TaggedBuckets = @(); $state.UntaggedBuckets = @()
    foreach ($bucket in $buckets) {
        $tags = @{}
        try { foreach ($tag in (Invoke-AwsCli s3api get-bucket-tagging @('--bucket', $bucket.Name)).TagSet) { $tags[$tag.Key] = $tag.Value } }
        catch { if ("$_" -notmatch 'NoSuchTagSet') { throw } }
        if ($tags['numeraiaws:managed'] -eq 'true') { $state.TaggedBuckets += $bucket.Name } else { $state.UntaggedBuckets += $bucket.Name }
    }
    $policies = @((Invoke-AwsCli iam list-policies @('--scope', 'Local')).Policies | Where-Object PolicyName -eq 'numerai-s3-bucket-access')
    $state.Policies = $policies
    $state.PolicyVersions = if ($policies.Count -eq 1) { @((Invoke-AwsCli iam list-policy-versions @('--policy-arn', $policies[0].Arn)).Versions) } else { @() }
    $state.Groups = @((Invoke-AwsCli iam list-groups @('--path-prefix', '/numerai/')).Groups)
    $state.Users = @((Invoke-AwsCli iam list-users @('--path-prefix', '/numerai/')).Users)
    $state.Credentials = @()
    foreach ($user in $state.Users) {
        $state.Credentials += @((Invoke-AwsCli iam list-service-specific-credentials @('--user-name', $user.UserName, '--service-name', 'codecommit.amazonaws.com')).ServiceSpecificCredentials)
    }
    $state.Roles = @((Invoke-AwsCli iam list-roles @('--path-prefix', '/numerai/')).Roles)
    $state.Domains = @((Invoke-AwsCli sagemaker list-domains).Domains)
    $state.Profiles = @()
    foreach ($domain in $state.Domains) {
        $state.Profiles += @((Invoke-AwsCli sagemaker list-user-profiles @('--domain-id-equals', $domain.DomainId)).UserProfiles)
    }
    # moto answers ListRepositories with a 500; repository names are unique, so the one name is asked for.
    $state.Repositories = @()
    try { $state.Repositories = @((Invoke-AwsCli codecommit get-repository @('--repository-name', 'numerai-tournament')).repositoryMetadata) }
    catch { if ("$_" -notmatch 'RepositoryDoesNotExist') { throw } }
    [pscustomobject]$state
}

function Get-SetupInvariantViolations {
    <#
    Compares the account with what one converged setup must leave: one of each thing, nothing duplicated, no
    policy version churn, and no delete request since the last reset. Returns the violations (none: empty).
    #>
    param($State = (Get-SetupState), [switch] $AllowTwoCredentials)
    $problems = [System.Collections.Generic.List[string]]::new()
    function Expect([string] $What, $Actual, $Expected) {
        if ("$Actual" -ne "$Expected") { $problems.Add("${What}: expected $Expected, found $Actual") }
    }
    Expect 'numerai- buckets with the managed tag' $State.TaggedBuckets.Count 1
    Expect 'numerai- buckets without the managed tag (orphans)' ($State.UntaggedBuckets -join ', ') ''
    Expect 'numerai-s3-bucket-access policies' $State.Policies.Count 1
    Expect 'versions of numerai-s3-bucket-access' $State.PolicyVersions.Count 1
    Expect 'groups under /numerai/' (($State.Groups.GroupName | Sort-Object) -join ', ') 'numerai-analysts'
    Expect 'users under /numerai/' (($State.Users.UserName | Sort-Object) -join ', ') 'numerai-analyst'
    $maxCredentials = if ($AllowTwoCredentials) { 2 } else { 1 }
    if ($State.Credentials.Count -lt 1 -or $State.Credentials.Count -gt $maxCredentials) {
        $problems.Add("CodeCommit credentials of the analyst: expected 1..$maxCredentials, found $($State.Credentials.Count)")
    }
    Expect 'roles under /numerai/' (($State.Roles.RoleName | Sort-Object) -join ', ') 'numerai-sagemaker-execution'
    Expect 'SageMaker domains' (($State.Domains.DomainName | Sort-Object) -join ', ') 'numerai'
    Expect 'SageMaker user profiles' $State.Profiles.Count 1
    Expect 'CodeCommit repositories' (($State.Repositories.repositoryName | Sort-Object) -join ', ') 'numerai-tournament'
    $deletes = @((Get-ContractRequests).Requests | Where-Object { $_.Operation -like 'Delete*' -or $_.Operation -like 'DELETE *' })
    Expect 'delete requests sent' (($deletes | ForEach-Object { "$($_.Service) $($_.Operation)" }) -join '; ') ''
    , $problems.ToArray()
}

function Start-SetupChild {
    <#
    Starts the setup script in a child 'dotnet pwsh' that imports the module from the repository root, with this
    session's AWS environment (pointing at the emulator). The password travels in an environment variable of
    the child, never on its command line. Returns the Process.
    #>
    param([Parameter(Mandatory)] [securestring] $ConsolePassword, [Parameter(Mandatory)] [string] $WorkingDirectory,
        [string] $ScriptPath = $script:SetupScript)
    $driver = Join-Path $PSScriptRoot 'Invoke-SetupChild.ps1'
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @('pwsh', '-NoProfile', '-NonInteractive', '-File', $driver,
            '-ModuleManifest', (Join-Path $script:RepoRoot 'NumeraiAws.psd1'), '-ScriptPath', $ScriptPath, '-WorkingDirectory', $WorkingDirectory)) {
        $start.ArgumentList.Add($argument)
    }
    # 'dotnet pwsh' is the repository's local tool (.config/dotnet-tools.json): it resolves from there only.
    $start.WorkingDirectory = $script:RepoRoot
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['NUMERAIAWS_TEST_CONSOLE_PASSWORD'] = [pscredential]::new('x', $ConsolePassword).GetNetworkCredential().Password
    $process = [System.Diagnostics.Process]::Start($start)
    $process.BeginOutputReadLine(); $process.BeginErrorReadLine()
    $process
}

function Stop-SetupChild([System.Diagnostics.Process] $Process) {
    if ($Process -and -not $Process.HasExited) { $Process.Kill($true) }
    if ($Process) { $Process.WaitForExit(30000) | Out-Null }
}

Export-ModuleMember -Function Get-SetupScriptPath, Set-ContractFaults, Disable-ContractFaults, Get-ContractFaults,
    Get-ContractRequests, Set-ExpiredAccessKey, New-TestPassword, Invoke-SetupInProcess, Get-FailureProblem,
    Get-FailureReason, Invoke-AwsCli, Get-SetupState, Get-SetupInvariantViolations, Start-SetupChild, Stop-SetupChild
