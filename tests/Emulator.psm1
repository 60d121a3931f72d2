# The local AWS emulator for tests, the demo and the benchmarks: moto_server on a free loopback port, with AWS
# managed policies loaded, optionally behind the contract host (tests/ContractHost) that answers the operations
# moto lacks. Processes are stopped by pid.

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-HttpReady([string] $Url, [int] $TimeoutSeconds = 60, [System.Diagnostics.Process] $Process) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $http = [System.Net.Http.HttpClient]::new()
    $http.Timeout = [TimeSpan]::FromSeconds(2)
    try {
        while ([DateTime]::UtcNow -lt $deadline) {
            if ($Process -and $Process.HasExited) { throw "The process for $Url exited with $($Process.ExitCode)." }
            try {
                $response = $http.GetAsync($Url).GetAwaiter().GetResult()
                if ([int]$response.StatusCode -lt 500) { return }
            }
            catch { Start-Sleep -Milliseconds 200 }
        }
    }
    finally { $http.Dispose() }
    throw "$Url did not answer within $TimeoutSeconds s."
}

function Start-Emulator {
    <#
    Starts moto_server on a free loopback port with AWS managed policies loaded. With -WithContractHost, also the
    contract host in front of it (tests/ContractHost, built on demand), and Url is the host's.
    #>
    param([hashtable] $Environment = @{}, [switch] $WithContractHost)
    $port = Get-FreeTcpPort
    $start = [System.Diagnostics.ProcessStartInfo]::new('moto_server', "-H 127.0.0.1 -p $port")
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['MOTO_IAM_LOAD_MANAGED_POLICIES'] = 'true'
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = $Environment[$key] }
    $process = [System.Diagnostics.Process]::Start($start)
    # Drain the output so moto never blocks on a full pipe.
    $process.BeginOutputReadLine(); $process.BeginErrorReadLine()
    $url = "http://127.0.0.1:$port"
    Wait-HttpReady "$url/moto-api/" -Process $process
    $emulator = [pscustomobject]@{ Url = $url; MotoUrl = $url; Pid = $process.Id; Process = $process; ContractHostPid = $null }
    if ($WithContractHost) {
        try { $hostProcess = Start-ContractHost -Upstream $url }
        catch { Stop-EmulatorProcess $process.Id; throw }
        $emulator.Url = $hostProcess.Url
        $emulator.ContractHostPid = $hostProcess.Pid
    }
    $emulator
}

function Start-ContractHost {
    param([Parameter(Mandatory)] [string] $Upstream)
    $project = Join-Path $PSScriptRoot 'ContractHost/ContractHost.csproj'
    $dll = Join-Path $PSScriptRoot 'ContractHost/bin/Release/net10.0/ContractHost.dll'
    if (-not (Test-Path $dll)) {
        & dotnet build $project -c Release -nologo -v q -clp:ErrorsOnly | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Building the contract host failed ($LASTEXITCODE)." }
    }
    $port = Get-FreeTcpPort
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', "`"$dll`" --urls http://127.0.0.1:$port --upstream $Upstream")
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $process.BeginOutputReadLine(); $process.BeginErrorReadLine()
    $url = "http://127.0.0.1:$port"
    Wait-HttpReady "$url/moto-api/" -Process $process
    [pscustomobject]@{ Url = $url; Pid = $process.Id }
}

function Stop-EmulatorProcess([Nullable[int]] $Id) {
    if (-not $Id) { return }
    $process = Get-Process -Id $Id -ErrorAction SilentlyContinue
    if ($process) { $process.Kill($true); $process.WaitForExit(10000) | Out-Null }
}

# Used by the audit tests and benchmarks: users in bulk on an emulator (moto accepts unsigned requests).
function New-EmulatorIamUsers {
    param([Parameter(Mandatory)] [string] $Endpoint, [int] $From, [int] $To, [string] $Prefix = 'scale-user-')
    # Bulk users through IAM's Query API, 25 requests at a time: a CLI process per user would take minutes.
    # Every tenth user gets a console password (and no MFA), so the audit has failing users to report.
    $http = [System.Net.Http.HttpClient]::new()
    $auth = 'AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0'
    function Send-Batch($bodies) {
        $tasks = foreach ($body in $bodies) {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$Endpoint/")
            $request.Headers.TryAddWithoutValidation('Authorization', $auth) | Out-Null
            $request.Content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/x-www-form-urlencoded')
            $http.SendAsync($request)
        }
        foreach ($task in $tasks) {
            $response = $task.GetAwaiter().GetResult()
            if (-not $response.IsSuccessStatusCode) { throw "IAM answered $([int]$response.StatusCode): $($response.Content.ReadAsStringAsync().Result)" }
        }
    }
    try {
        $all = $From..$To
        for ($i = 0; $i -lt $all.Count; $i += 25) {
            $slice = $all[$i..([Math]::Min($all.Count, $i + 25) - 1)]
            Send-Batch ($slice | ForEach-Object { "Action=CreateUser&Version=2010-05-08&UserName=$Prefix$_" })
            Send-Batch ($slice | Where-Object { $_ % 10 -eq 0 } | ForEach-Object { "Action=CreateLoginProfile&Version=2010-05-08&UserName=$Prefix$_&Password=Scale-Pa55word-$_" })
        }
    }
    finally { $http.Dispose() }
}


Export-ModuleMember -Function New-EmulatorIamUsers, Get-FreeTcpPort, Wait-HttpReady, Start-Emulator, Start-ContractHost, Stop-EmulatorProcess
