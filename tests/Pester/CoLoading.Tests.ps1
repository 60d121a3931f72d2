# Every AWSSDK.Core 4.x build has assembly version 4.0.0.0, and AWS.Tools 4.x carries 3.7.x: whichever module
# loads AWSSDK.Core first would win. NumeraiAws keeps its own copy in a private load context; these tests load
# another AWSSDK.Core into a fresh PowerShell first (and after), then use both.
BeforeDiscovery {
    $nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $script:OtherSdks = @(
        @{ Version = '3.7.402'; Path = Join-Path $nugetRoot 'awssdk.core/3.7.402/lib/netcoreapp3.1/AWSSDK.Core.dll' }
        @{ Version = '4.0.3.3'; Path = Join-Path $nugetRoot 'awssdk.core/4.0.3.3/lib/net8.0/AWSSDK.Core.dll' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../NumeraiAws.psd1')).Path
    function Invoke-FreshPowerShell([string] $Script) {
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $Script 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }
}

Describe 'Co-loading with AWSSDK.Core <Version>' -ForEach $script:OtherSdks {
    It 'the other SDK is in the NuGet cache (build.ps1 restores tests/CoLoad)' {
        $Path | Should -Exist
    }

    It 'works when the other AWSSDK.Core was loaded first, and leaves it in place' {
        $result = Invoke-FreshPowerShell @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$Path'
`$theirs = [Amazon.Runtime.BasicAWSCredentials]::new('AKIATHEIRS00000001', 'theirs').GetType().Assembly
Import-Module '$script:Manifest'
`$identity = Get-NumeraiAwsIdentity
`$ours = (Get-Command Get-NumeraiAwsIdentity).ImplementingType.Assembly
'ACCOUNT=' + `$identity.Account
'THEIRS=' + `$theirs.GetName().Version + '|' + `$theirs.Location
'STILL=' + [Amazon.Runtime.AWSCredentials].Assembly.Location
'CONTEXTS=' + (([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object { `$_.Assemblies.GetName().Name -contains 'AWSSDK.Core' } | ForEach-Object Name | Sort-Object) -join ',')
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'ACCOUNT=123456789012'
        $result.Output | Should -Match ([regex]::Escape("|$Path"))
        $result.Output | Should -Match ('STILL=' + [regex]::Escape($Path))
        $result.Output | Should -Match 'CONTEXTS=Default,NumeraiAws'
    }

    It 'works when NumeraiAws was loaded first, and the other SDK still loads and works after it' {
        $result = Invoke-FreshPowerShell @"
`$ErrorActionPreference = 'Stop'
Import-Module '$script:Manifest'
`$null = Get-NumeraiAwsIdentity
Add-Type -Path '$Path'
`$credentials = [Amazon.Runtime.BasicAWSCredentials]::new('AKIATHEIRS00000002', 'theirs')
'THEIRS=' + `$credentials.GetCredentials().AccessKey + '|' + `$credentials.GetType().Assembly.Location
'ACCOUNT=' + (Get-NumeraiAwsIdentity -Credential `$credentials).Account
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match ('THEIRS=AKIATHEIRS00000002\|' + [regex]::Escape($Path))
        $result.Output | Should -Match 'ACCOUNT=123456789012'
    }
}
