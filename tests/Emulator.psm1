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

function Initialize-EmulatorBackend {
    <#
    moto builds each service's backend for a region on its first request (EC2's default VPC and subnets take
    seconds). The benchmarks call this after a reset, for both sides alike, so that they compare clients rather
    than the emulator's start-up. One cheap unsigned request per service the setup uses.
    #>
    param([Parameter(Mandatory)] [string] $Endpoint, [Parameter(Mandatory)] [string] $Region)
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $requests = @(
            ,@('ec2', 'POST', '/', 'Action=DescribeVpcs&Version=2016-11-15', 'application/x-www-form-urlencoded', $null)
            ,@('iam', 'POST', '/', 'Action=ListUsers&Version=2010-05-08', 'application/x-www-form-urlencoded', $null)
            ,@('sts', 'POST', '/', 'Action=GetCallerIdentity&Version=2011-06-15', 'application/x-www-form-urlencoded', $null)
            ,@('s3', 'GET', '/', $null, $null, $null)
            ,@('sagemaker', 'POST', '/', '{}', 'application/x-amz-json-1.1', 'SageMaker.ListDomains')
            ,@('codecommit', 'POST', '/', '{"repositoryName":"warm-up"}', 'application/x-amz-json-1.1', 'CodeCommit_20150413.GetRepository')
            ,@('account', 'POST', '/getAlternateContact', '{"AlternateContactType":"SECURITY"}', 'application/json', $null)
            ,@('budgets', 'POST', '/', '{"AccountId":"123456789012"}', 'application/x-amz-json-1.1', 'AWSBudgetServiceGateway.DescribeBudgets')
        )
        foreach ($r in $requests) {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($r[1]), "$Endpoint$($r[2])")
            $request.Headers.TryAddWithoutValidation('Authorization', "AWS4-HMAC-SHA256 Credential=testing/20250101/$Region/$($r[0])/aws4_request, SignedHeaders=host, Signature=0") | Out-Null
            if ($r[5]) { $request.Headers.TryAddWithoutValidation('X-Amz-Target', $r[5]) | Out-Null }
            if ($null -ne $r[3]) { $request.Content = [System.Net.Http.StringContent]::new($r[3], [Text.Encoding]::UTF8, $r[4]) }
            # Answers do not matter (a missing repository is an error); that the backend now exists does.
            $http.SendAsync($request).GetAwaiter().GetResult().Dispose()
        }
    }
    finally { $http.Dispose() }
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


Export-ModuleMember -Function Initialize-EmulatorBackend, New-EmulatorIamUsers, Get-FreeTcpPort, Wait-HttpReady, Start-Emulator, Start-ContractHost, Stop-EmulatorProcess
