<#
.SYNOPSIS
    The README's main job: runs examples/Setup-NumeraiEnvironment.ps1 against a local AWS emulator it starts
    (moto, behind the test contract host for the operations moto lacks), twice, and prints what it made and
    how many write calls each run needed. Nothing here touches real AWS.
#>
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module (Join-Path $root 'tests/Emulator.psm1') -Force
Import-Module (Join-Path $root 'NumeraiAws.psd1') -Force

$emulator = Start-Emulator -WithContractHost
try {
    # The emulator accepts any credentials; these never leave this machine.
    $env:AWS_ACCESS_KEY_ID = 'testing'
    $env:AWS_SECRET_ACCESS_KEY = 'testing'
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_ENDPOINT_URL = $emulator.Url
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    Write-Host "Emulator at $($emulator.Url)" -ForegroundColor Cyan

    $work = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-demo-$PID"
    New-Item -ItemType Directory -Force -Path $work | Out-Null
    $password = ConvertTo-SecureString "Demo-$([guid]::NewGuid().ToString('N').Substring(0, 12))-Pa55!" -AsPlainText -Force
    foreach ($run in 1, 2) {
        Write-Host "`n=== Run $run of the setup script ===" -ForegroundColor Cyan
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        Push-Location $work
        try { & (Join-Path $PSScriptRoot 'Setup-NumeraiEnvironment.ps1') -ConsolePassword $password | Out-Host }
        finally { Pop-Location }
        $calls = @(Get-NumeraiAwsCallHistory)
        Write-Host ("Run {0}: {1} AWS calls, {2} of them writes." -f $run, $calls.Count, @($calls | Where-Object IsWrite).Count) -ForegroundColor Cyan
    }
    Write-Host "`n=== What the setup made (Get-NumeraiEnvironment) ===" -ForegroundColor Cyan
    Get-NumeraiEnvironment | Format-Table -AutoSize | Out-Host
}
finally {
    Stop-EmulatorProcess $emulator.Pid
    if ($emulator.ContractHostPid) { Stop-EmulatorProcess $emulator.ContractHostPid }
}
