# Shared by every Pester test file: the emulator the suite runs against, a clean AWS environment for each file,
# and small assertions. The suite runner (tests/Invoke-PesterSuite.ps1) starts one moto_server per run and
# passes its URL in NUMERAIAWS_TEST_ENDPOINT; each file resets its state in BeforeAll.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:RepoRoot 'tests/Emulator.psm1')

function Reset-TestEmulator {
    # The contract host clears its own state and resets moto behind it.
    Invoke-RestMethod -Method Post -Uri "$env:NUMERAIAWS_TEST_ENDPOINT/_contract/reset" | Out-Null
}

function Initialize-TestSession {
    <#
    Imports the built module fresh and points everything at the suite's emulator, with test credentials,
    us-east-1, and shared config files of the test's own (never the developer's ~/.aws).
    #>
    if (-not $env:NUMERAIAWS_TEST_ENDPOINT) { throw 'NUMERAIAWS_TEST_ENDPOINT is not set: run the suite through tests/Invoke-PesterSuite.ps1.' }
    Import-Module (Join-Path $script:RepoRoot 'NumeraiAws.psd1') -Force -Global -ErrorAction Stop
    Reset-TestEmulator
    Set-TestAwsEnvironment
}

function Set-TestAwsEnvironment {
    $awsDir = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-test-aws-$PID"
    New-Item -ItemType Directory -Force -Path $awsDir | Out-Null
    Set-Content -Path (Join-Path $awsDir 'credentials') -Value ''
    Set-Content -Path (Join-Path $awsDir 'config') -Value ''
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsDir 'credentials'
    $env:AWS_CONFIG_FILE = Join-Path $awsDir 'config'
    $env:AWS_ACCESS_KEY_ID = 'testing'
    $env:AWS_SECRET_ACCESS_KEY = 'testing'
    $env:AWS_SESSION_TOKEN = $null
    $env:AWS_PROFILE = $null
    $env:AWS_REGION = 'us-east-1'
    # The AWS CLI (v1) reads only AWS_DEFAULT_REGION; the module reads AWS_REGION first.
    $env:AWS_DEFAULT_REGION = 'us-east-1'
    $env:AWS_ENDPOINT_URL = $env:NUMERAIAWS_TEST_ENDPOINT
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    Remove-Variable -Name StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
}

function Get-WriteCallCount {
    @(Get-NumeraiAwsCallHistory -WriteOnly).Count
}

Export-ModuleMember -Function Reset-TestEmulator, Initialize-TestSession, Set-TestAwsEnvironment, Get-WriteCallCount
