<#
.SYNOPSIS
    Runs the Pester suite against one moto_server it starts, then stops it by pid.
    Writes { Passed, Failed, Skipped } to -SummaryPath for build.ps1 to add to the xunit counts.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [switch] $Full
)
$ErrorActionPreference = 'Stop'
$failed = 1
Import-Module $PesterManifest -ErrorAction Stop
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force

# moto behind the contract host, which answers the operations moto lacks and forwards the rest.
$emulator = Start-Emulator -WithContractHost
$env:NUMERAIAWS_TEST_ENDPOINT = $emulator.Url
$env:NUMERAIAWS_TEST_FULL = if ($Full) { '1' } else { '' }
try {
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path $PSScriptRoot 'Pester'
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $configuration.Filter.ExcludeTag = if ($Full) { @() } else { @('Full') }
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = Join-Path (Split-Path $SummaryPath) 'pester.xml'
    $result = Invoke-Pester -Configuration $configuration
    [pscustomobject]@{
        Passed = $result.PassedCount
        Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Skipped = $result.SkippedCount
    } | ConvertTo-Json | Set-Content -Path $SummaryPath
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
}
finally {
    Stop-EmulatorProcess $emulator.Pid
    Stop-EmulatorProcess $emulator.ContractHostPid
}
# Explicitly: otherwise the exit code is that of the last native command a test happened to run.
exit ([int]($failed -gt 0))
