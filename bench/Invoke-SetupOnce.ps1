<#
.SYNOPSIS
    Benchmark helper: imports the module, runs examples/Setup-NumeraiEnvironment.ps1 once (timed), and with -Twice
    again on the now complete environment, and prints one line 'BENCH {json}' with the figures.
    Runs in a fresh process started by bench/Invoke-Benchmarks.ps1; the environment points it at the emulator.
#>
param([switch] $Twice)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module (Join-Path $root 'NumeraiAws.psd1')
$setup = Join-Path $root 'examples/Setup-NumeraiEnvironment.ps1'
$password = ConvertTo-SecureString "Bench-$([guid]::NewGuid().ToString('N').Substring(0, 12))-Pa55!" -AsPlainText -Force
$work = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-bench-$PID"
New-Item -ItemType Directory -Force -Path $work | Out-Null
Push-Location $work
try {
    Get-NumeraiAwsCallHistory -Clear | Out-Null
    $first = [System.Diagnostics.Stopwatch]::StartNew()
    & $setup -ConsolePassword $password | Out-Null
    $first.Stop()
    $firstCalls = @(Get-NumeraiAwsCallHistory -Clear)
    $figures = [ordered]@{ FirstRunMs = $first.Elapsed.TotalMilliseconds; FirstRunCalls = $firstCalls.Count; FirstRunWrites = @($firstCalls | Where-Object IsWrite).Count }
    # Critical path: on AWS the domain provisions for minutes after CreateDomain. The calls before it, plus the
    # SageMaker calls that must follow it (the wait and the profile), are the path; the calls in between are the
    # independent work that proceeds while the domain provisions.
    $operations = @($firstCalls | ForEach-Object { "$($_.Service):$($_.Operation)" })
    $createDomain = [array]::IndexOf($operations, 'SageMaker:CreateDomain')
    if ($createDomain -ge 0) {
        $after = @($firstCalls | Select-Object -Skip ($createDomain + 1))
        $firstProfileCall = [array]::FindIndex([object[]]$after, [Predicate[object]] { param($c) $c.Operation -like '*UserProfile' })
        $figures.CriticalPathCalls = ($createDomain + 1) + @($after | Select-Object -Skip $firstProfileCall | Where-Object Service -eq 'SageMaker').Count
        $figures.CallsWhileDomainProvisions = $firstProfileCall
    }
    if ($Twice) {
        $second = [System.Diagnostics.Stopwatch]::StartNew()
        & $setup -ConsolePassword $password | Out-Null
        $second.Stop()
        $secondCalls = @(Get-NumeraiAwsCallHistory -Clear)
        $figures.SecondRunMs = $second.Elapsed.TotalMilliseconds
        $figures.SecondRunWrites = @($secondCalls | Where-Object IsWrite).Count
        $figures.SecondRunReads = @($secondCalls | Where-Object { -not $_.IsWrite }).Count
    }
    'BENCH ' + ($figures | ConvertTo-Json -Compress)
}
finally {
    Pop-Location
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
