<#
.SYNOPSIS
    The benchmarks behind docs/performance.md. Run through './build.ps1 bench'; writes bench/results/latest.json
    and bench/results/latest.md.
.DESCRIPTION
    Machines here are noisy, so every figure is a median of several runs, and comparisons are made side by side
    in one run, alternating the two sides:
      1. Import time: cold 'dotnet pwsh -NoProfile -c Import-Module ./NumeraiAws.psd1' against 'dotnet pwsh -NoProfile -c ""'.
      2. Setup against the peer: examples/Setup-NumeraiEnvironment.ps1 against ../shared/bench/aws-cli-setup.sh
         (the same setup as one AWS CLI process per call), on the same emulator, each run on a fresh emulator state.
      3. No-op re-run: the setup script on a complete environment: write calls, read calls, wall time.
      4. Audit scaling: Test-NumeraiAccountHardening on accounts of 10, 100 and 1,000 users: calls and wall time.
      5. Critical path: the calls up to CreateDomain plus the domain wait and the profile, against the calls
         that proceed while the domain provisions.
#>
param(
    [int] $Runs = 5,
    [string] $PeerScript = (Join-Path $PSScriptRoot '../../shared/bench/aws-cli-setup.sh')
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module (Join-Path $root 'tests/Emulator.psm1') -Force
$results = [ordered]@{ Date = (Get-Date).ToUniversalTime().ToString('u'); Runs = $Runs; Machine = "$([Environment]::ProcessorCount) cores" }

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] }
    else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

function Measure-Process([string] $File, [string[]] $Arguments, [hashtable] $Environment = @{}) {
    $start = [System.Diagnostics.ProcessStartInfo]::new($File)
    foreach ($a in $Arguments) { $start.ArgumentList.Add($a) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $root
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = $Environment[$key] }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $process.WaitForExit()
    $watch.Stop()
    if ($process.ExitCode -ne 0) { throw "$File $($Arguments -join ' ') exited with $($process.ExitCode): $($stderr.Result)$($stdout.Result)" }
    [pscustomobject]@{ Milliseconds = $watch.Elapsed.TotalMilliseconds; Output = $stdout.Result }
}

# 1. Import time
Write-Host 'Import time...'
$pwshArgs = @('pwsh', '-NoProfile', '-NonInteractive', '-Command')
$bare = @(); $imported = @()
foreach ($i in 1..($Runs + 2)) {
    $bare += (Measure-Process dotnet ($pwshArgs + '')).Milliseconds
    $imported += (Measure-Process dotnet ($pwshArgs + 'Import-Module ./NumeraiAws.psd1')).Milliseconds
}
# The first two of each are warm-up (disk cache), not counted.
$bare = $bare | Select-Object -Skip 2; $imported = $imported | Select-Object -Skip 2
$results.ImportTime = [ordered]@{
    BarePwshMedianMs = [math]::Round((Get-Median $bare), 0)
    ImportMedianMs = [math]::Round((Get-Median $imported), 0)
    AddedMs = [math]::Round((Get-Median $imported) - (Get-Median $bare), 0)
}

# 2 and 3. Setup against the peer, and the no-op re-run
$emulator = Start-Emulator -WithContractHost
try {
    # eu-west-1: the peer script always sends a LocationConstraint, which us-east-1 refuses.
    $awsEnv = @{
        AWS_ACCESS_KEY_ID = 'testing'; AWS_SECRET_ACCESS_KEY = 'testing'; AWS_REGION = 'eu-west-1'; AWS_DEFAULT_REGION = 'eu-west-1'
        AWS_ENDPOINT_URL = $emulator.Url; AWS_EC2_METADATA_DISABLED = 'true'
    }
    $setupRunner = Join-Path $PSScriptRoot 'Invoke-SetupOnce.ps1'
    $ours = @(); $peer = @(); $noop = @(); $oursWarm = @(); $peerWarm = @()
    function Reset-Emulator([switch] $WarmBackends) {
        Invoke-RestMethod -Method Post "$($emulator.Url)/_contract/reset" | Out-Null
        if ($WarmBackends) { Initialize-EmulatorBackend -Endpoint $emulator.Url -Region $awsEnv.AWS_REGION }
    }
    if (-not (Test-Path $PeerScript)) { Write-Warning "No peer script at $PeerScript; the comparison is skipped." }
    foreach ($i in 1..$Runs) {
        Write-Host "Setup run $i of $Runs..."
        # Cold: a freshly reset emulator, whose service backends both sides pay to build on their first calls.
        # Warm: the same, with the backends built beforehand, so the figures compare the two clients only.
        foreach ($warm in $false, $true) {
            Reset-Emulator -WarmBackends:$warm
            $run = Measure-Process dotnet ($pwshArgs + "& '$setupRunner' -Twice") $awsEnv
            $figures = ($run.Output -split "`n" | Where-Object { $_ -like 'BENCH *' }) -replace '^BENCH ', '' | ConvertFrom-Json
            if ($warm) { $oursWarm += $figures.FirstRunMs } else { $ours += $figures.FirstRunMs; $noop += $figures }
            if (Test-Path $PeerScript) {
                Reset-Emulator -WarmBackends:$warm
                $ms = (Measure-Process bash @($PeerScript, "bench$i$(Get-Random -Maximum 99999)") $awsEnv).Milliseconds
                if ($warm) { $peerWarm += $ms } else { $peer += $ms }
            }
        }
    }
    $results.Setup = [ordered]@{
        OursMedianMs = [math]::Round((Get-Median $ours), 0)
        PeerMedianMs = if ($peer) { [math]::Round((Get-Median $peer), 0) } else { $null }
        Ratio = if ($peer) { [math]::Round((Get-Median $ours) / (Get-Median $peer), 3) } else { $null }
        OursWarmBackendsMedianMs = [math]::Round((Get-Median $oursWarm), 0)
        PeerWarmBackendsMedianMs = if ($peerWarm) { [math]::Round((Get-Median $peerWarm), 0) } else { $null }
        RatioWarmBackends = if ($peerWarm) { [math]::Round((Get-Median $oursWarm) / (Get-Median $peerWarm), 3) } else { $null }
        Note = 'ours: the setup script in a fresh PowerShell process with the module imported (import reported above), which also mints the Git credential, creates the Studio profile and runs the audit; peer: one aws CLI process per call'
    }
    $results.NoOpRerun = [ordered]@{
        WriteCallsMedian = Get-Median ($noop | ForEach-Object SecondRunWrites)
        ReadCallsMedian = Get-Median ($noop | ForEach-Object SecondRunReads)
        WallMedianMs = [math]::Round((Get-Median ($noop | ForEach-Object SecondRunMs)), 0)
        FirstRunCallsMedian = Get-Median ($noop | ForEach-Object FirstRunCalls)
    }
    $results.CriticalPath = [ordered]@{
        CallsOnThePathMedian = Get-Median ($noop | ForEach-Object CriticalPathCalls)
        CallsWhileDomainProvisionsMedian = Get-Median ($noop | ForEach-Object CallsWhileDomainProvisions)
        FirstRunCallsMedian = Get-Median ($noop | ForEach-Object FirstRunCalls)
    }

    # 4. Audit scaling, in one warm process: the first audit per size also has IAM generate the report.
    Write-Host 'Audit scaling...'
    Invoke-RestMethod -Method Post "$($emulator.Url)/_contract/reset" | Out-Null
    $auditScript = @'
param($Endpoint, $Runs)
Import-Module ./NumeraiAws.psd1
Import-Module ./tests/Emulator.psm1
$sizes = [ordered]@{ 10 = @(1, 10); 100 = @(11, 100); 1000 = @(101, 1000) }
foreach ($size in $sizes.Keys) {
    New-EmulatorIamUsers -Endpoint $Endpoint -From $sizes[$size][0] -To $sizes[$size][1]
    Test-NumeraiAccountHardening | Out-Null
    $times = foreach ($i in 1..$Runs) {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew(); Test-NumeraiAccountHardening | Out-Null; $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }
    'AUDIT ' + (@{ Users = $size; Calls = @(Get-NumeraiAwsCallHistory).Count; Ms = ($times | Sort-Object)[[int][math]::Floor($Runs / 2)] } | ConvertTo-Json -Compress)
}
'@
    $auditFile = Join-Path ([IO.Path]::GetTempPath()) "numeraiaws-audit-bench-$PID.ps1"
    Set-Content $auditFile $auditScript
    try {
        $audit = Measure-Process dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', $auditFile, $emulator.Url, $Runs) $awsEnv
    }
    finally { Remove-Item $auditFile -ErrorAction SilentlyContinue }
    $results.AuditScaling = @($audit.Output -split "`n" | Where-Object { $_ -like 'AUDIT *' } | ForEach-Object { ($_ -replace '^AUDIT ', '') | ConvertFrom-Json })
}
finally {
    Stop-EmulatorProcess $emulator.Pid
    Stop-EmulatorProcess $emulator.ContractHostPid
}

# Once: the call log the figures above count from, against the emulator's own access log.
Write-Host 'Cross-check of the call log...'
$check = Measure-Process dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Test-CallLogAgainstEmulator.ps1'))
$results.CallLogCrossCheck = ($check.Output -split "`n" | Where-Object { $_ -like 'CROSSCHECK *' }) -replace '^CROSSCHECK ', '' | ConvertFrom-Json

$out = Join-Path $PSScriptRoot 'results'
New-Item -ItemType Directory -Force -Path $out | Out-Null
$results | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $out 'latest.json')
$md = @(
    "# Benchmark results ($($results.Date), $($results.Machine), medians of $Runs runs)", ''
    '| Figure | Value |', '| --- | --- |'
    "| Import: bare pwsh | $($results.ImportTime.BarePwshMedianMs) ms |"
    "| Import: with Import-Module | $($results.ImportTime.ImportMedianMs) ms |"
    "| Import: added | $($results.ImportTime.AddedMs) ms |"
    "| Setup: ours | $($results.Setup.OursMedianMs) ms |"
    "| Setup: peer (AWS CLI) | $($results.Setup.PeerMedianMs) ms |"
    "| Setup: ratio ours/peer | $($results.Setup.Ratio) |"
    "| Setup, emulator backends pre-built: ours | $($results.Setup.OursWarmBackendsMedianMs) ms |"
    "| Setup, emulator backends pre-built: peer | $($results.Setup.PeerWarmBackendsMedianMs) ms |"
    "| Setup, emulator backends pre-built: ratio ours/peer | $($results.Setup.RatioWarmBackends) |"
    "| No-op re-run: write calls | $($results.NoOpRerun.WriteCallsMedian) |"
    "| No-op re-run: read calls | $($results.NoOpRerun.ReadCallsMedian) |"
    "| No-op re-run: wall time | $($results.NoOpRerun.WallMedianMs) ms |"
    "| First run: AWS calls | $($results.NoOpRerun.FirstRunCallsMedian) |"
    "| Critical path: AWS calls (up to CreateDomain, then the domain wait and the profile) | $($results.CriticalPath.CallsOnThePathMedian) |"
    "| Independent calls made while the domain provisions | $($results.CriticalPath.CallsWhileDomainProvisionsMedian) |"
)
$md += "| Call log against moto's access log (one partial setup run) | $($results.CallLogCrossCheck.CallLog) calls logged / $($results.CallLogCrossCheck.EmulatorLog) requests received |"
foreach ($row in $results.AuditScaling) { $md += "| Audit, $($row.Users) users: AWS calls / wall time | $($row.Calls) / $([math]::Round($row.Ms, 0)) ms |" }
if ($results.AuditScaling.Count -eq 3) {
    $md += "| Audit: time at 1,000 users / time at 10 | $([math]::Round($results.AuditScaling[2].Ms / $results.AuditScaling[0].Ms, 2)) |"
}
$md | Set-Content (Join-Path $out 'latest.md')
$md | Write-Host
