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
Import-Module $PesterManifest -ErrorAction Stop
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force

$emulator = Start-Emulator
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
    if ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount -gt 0) { exit 1 }
}
finally {
    Stop-EmulatorProcess $emulator.Pid
}
