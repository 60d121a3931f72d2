<#
.SYNOPSIS
    Runs the setup script in its own process, for the interruption tests (SetupScenario.psm1 Start-SetupChild).
    The console password comes from NUMERAIAWS_TEST_CONSOLE_PASSWORD, so that it never appears on a command line.
    Exit code 0: the setup finished; 1: it ended on an error (printed as its FullyQualifiedErrorId).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $ScriptPath,
    # Where the setup writes its files; the process itself starts in the repository, where 'dotnet pwsh' resolves.
    [Parameter(Mandatory)] [string] $WorkingDirectory
)
$ErrorActionPreference = 'Stop'
Set-Location $WorkingDirectory
Import-Module $ModuleManifest
$password = ConvertTo-SecureString $env:NUMERAIAWS_TEST_CONSOLE_PASSWORD -AsPlainText -Force
$env:NUMERAIAWS_TEST_CONSOLE_PASSWORD = $null
try {
    & $ScriptPath -ConsolePassword $password | Out-Null
    'setup finished'
    exit 0
}
catch {
    "setup failed: $($_.FullyQualifiedErrorId)"
    exit 1
}
