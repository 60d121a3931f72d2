<#
.SYNOPSIS
    Cross-checks the module's own call log (Get-NumeraiAwsCallHistory, which the benchmarks count from) against
    the emulator's access log: every request moto received must be one the module recorded, and the other way
    round. Runs the part of the setup that moto serves by itself (no contract host in between, whose own
    look-ups would blur the count). Prints 'CROSSCHECK {json}'.
#>
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module (Join-Path $root 'tests/Emulator.psm1') -Force
$port = Get-FreeTcpPort
$log = Join-Path ([IO.Path]::GetTempPath()) "numeraiaws-moto-$PID.log"
$start = [Diagnostics.ProcessStartInfo]::new('bash')
$start.ArgumentList.Add('-c')
$start.ArgumentList.Add("MOTO_IAM_LOAD_MANAGED_POLICIES=true exec moto_server -H 127.0.0.1 -p $port > '$log' 2>&1")
$start.UseShellExecute = $false
$moto = [Diagnostics.Process]::Start($start)
try {
    Wait-HttpReady "http://127.0.0.1:$port/moto-api/" -Process $moto
    $env:AWS_ACCESS_KEY_ID = 'testing'; $env:AWS_SECRET_ACCESS_KEY = 'testing'; $env:AWS_REGION = 'eu-west-1'
    $env:AWS_ENDPOINT_URL = "http://127.0.0.1:$port"; $env:AWS_EC2_METADATA_DISABLED = 'true'
    Import-Module (Join-Path $root 'NumeraiAws.psd1')
    $linesBefore = @(Get-Content $log).Count
    Get-NumeraiAwsCallHistory -Clear | Out-Null
    $password = ConvertTo-SecureString 'CrossCheck-Pa55word-1!' -AsPlainText -Force
    $policy = New-NumeraiBucket | New-NumeraiBucketPolicy
    $policy | New-NumeraiAnalystGroup | New-NumeraiAnalystUser -ConsolePassword $password | Out-Null
    $policy | New-NumeraiStudioDomain | Out-Null
    New-NumeraiRepository | Out-Null
    Test-NumeraiAccountHardening | Out-Null
    $ours = @(Get-NumeraiAwsCallHistory).Count
    Start-Sleep -Milliseconds 500   # let moto flush its access log
    $received = @(Get-Content $log | Select-Object -Skip $linesBefore | Where-Object { $_ -match '"(GET|POST|PUT|DELETE|HEAD) ' -and $_ -notmatch '/moto-api' }).Count
    'CROSSCHECK ' + (@{ CallLog = $ours; EmulatorLog = $received; Match = ($ours -eq $received) } | ConvertTo-Json -Compress)
}
finally {
    Stop-EmulatorProcess $moto.Id
    Remove-Item $log -ErrorAction SilentlyContinue
}
