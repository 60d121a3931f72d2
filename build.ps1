#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates, benchmarks and packages NumeraiAws.
.DESCRIPTION
    build    (default) compiles the engine and cmdlets and lays out the module under bin/ so that
             'Import-Module ./NumeraiAws.psd1' works from the repository root.
    test     builds, fetches Pester from NuGet, makes sure moto_server is installed, runs the xunit and Pester
             suites against an emulator they start, and ends with one line 'N passed, N failed'.
    demo     builds and runs examples/Setup-NumeraiEnvironment.ps1 against a local emulator it starts.
    bench    builds and runs the benchmarks in bench/, writing bench/results/.
    package  builds and writes out/NumeraiAws/<version>/ and out/NumeraiAws.<version>.nupkg.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'bench', 'package')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # test: run the long fault-tolerance suites too (CI runs the short ones).
    [switch] $Full
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$toolsDir = Join-Path $root '.tools'
$binDir = Join-Path $root 'bin'
$PesterVersion = '5.7.1'

function Invoke-Native {
    param([string] $File, [string[]] $Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') exited with $LASTEXITCODE" }
}

function Invoke-Build {
    $projects = 'src/NumeraiAws.Engine/NumeraiAws.Engine.csproj', 'src/NumeraiAws.LoadContext/NumeraiAws.LoadContext.csproj', 'src/NumeraiAws/NumeraiAws.csproj'
    foreach ($project in $projects) {
        Invoke-Native dotnet @('build', (Join-Path $root $project), '-c', $Configuration, '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    }
    if (Test-Path $binDir) { Remove-Item $binDir -Recurse -Force }
    New-Item -ItemType Directory -Force -Path $binDir | Out-Null
    # Beside the manifest's RootModule: the cmdlet assembly (netstandard2.0) and, for PowerShell 7, the load context.
    $cmdletOut = Join-Path $root "src/NumeraiAws/bin/$Configuration/netstandard2.0"
    Copy-Item (Join-Path $cmdletOut 'NumeraiAws.dll'), (Join-Path $cmdletOut 'NumeraiAws.pdb') $binDir
    Copy-Item (Join-Path $root "src/NumeraiAws.LoadContext/bin/$Configuration/net8.0/NumeraiAws.LoadContext.dll") $binDir
    # The engine and AWSSDK.* go where only the module's own resolver finds them:
    # core for PowerShell 7.4+ (net8.0), desktop for Windows PowerShell 5.1 (netstandard2.0).
    foreach ($layout in @(@{ Name = 'core'; Tfm = 'net8.0' }, @{ Name = 'desktop'; Tfm = 'netstandard2.0' })) {
        $target = Join-Path $binDir $layout.Name
        Invoke-Native dotnet @('publish', (Join-Path $root 'src/NumeraiAws.Engine/NumeraiAws.Engine.csproj'), '-f', $layout.Tfm,
            '-c', $Configuration, '-o', $target, '-nologo', '-v', 'q', '-clp:ErrorsOnly', '--no-build')
        Get-ChildItem $target -Filter '*.xml' | Remove-Item
        Get-ChildItem $target -Filter '*.deps.json' | Remove-Item
    }
    Copy-Item (Join-Path $root 'src/NumeraiAws/NumeraiAws.Format.ps1xml') $binDir
    # Help is generated into en-US/ beside the manifest (PowerShell looks for a binary module's help in
    # ModuleBase/<culture>), in a child process because it imports the module just built.
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'src/Help/New-MamlHelp.ps1'),
        '-ModuleManifest', (Join-Path $root 'NumeraiAws.psd1'), '-DocsPath', (Join-Path $root 'docs/cmdlets'),
        '-OutputPath', (Join-Path $root 'en-US/NumeraiAws.dll-Help.xml'))
    Write-Host "Built NumeraiAws into $binDir"
}

function Install-Pester {
    $pesterManifest = Join-Path $toolsDir "Pester/$PesterVersion/tools/Pester.psd1"
    if (Test-Path $pesterManifest) { return $pesterManifest }
    New-Item -ItemType Directory -Force -Path $toolsDir | Out-Null
    # PSResourceGet reads the NuGet v3 feed; the NuGet package keeps the module under tools/.
    $repository = 'NumeraiAwsNuGet'
    if (-not (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue)) {
        Register-PSResourceRepository -Name $repository -Uri 'https://api.nuget.org/v3/index.json' -Trusted
    }
    $download = Join-Path $toolsDir 'download'
    New-Item -ItemType Directory -Force -Path $download | Out-Null
    Save-PSResource -Name Pester -Version $PesterVersion -Repository $repository -Path $download -AsNupkg -TrustRepository
    $nupkg = Get-ChildItem $download -Filter "pester.$PesterVersion.nupkg" | Select-Object -First 1
    $target = Join-Path $toolsDir "Pester/$PesterVersion"
    Expand-Archive -Path $nupkg.FullName -DestinationPath $target -Force
    Remove-Item $download -Recurse -Force
    return $pesterManifest
}

function Install-Moto {
    if (Get-Command moto_server -ErrorAction SilentlyContinue) { return }
    Write-Host 'moto_server not found; installing moto[server] with pip'
    Invoke-Native python3 @('-m', 'pip', 'install', '--quiet', 'moto[server]==5.2.1')
    if (-not (Get-Command moto_server -ErrorAction SilentlyContinue)) { throw 'moto_server is still not on PATH after pip install.' }
}

function Invoke-Test {
    Invoke-Build
    $pester = Install-Pester
    Install-Moto
    # The contract host the suites put in front of moto (tests/ContractHost).
    Invoke-Native dotnet @('build', (Join-Path $root 'tests/ContractHost/ContractHost.csproj'), '-c', 'Release', '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    # Other AWSSDK.Core builds for the co-loading tests, into the NuGet cache.
    Invoke-Native dotnet @('restore', (Join-Path $root 'tests/CoLoad/CoLoad.csproj'), '-nologo', '-v', 'q')
    $results = Join-Path $root 'out/test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Force -Path $results | Out-Null

    # xunit: the engine, its request shapes and parsing, against the emulator where it needs one.
    $trx = 'xunit.trx'
    & dotnet test (Join-Path $root 'tests/NumeraiAws.Engine.Tests/NumeraiAws.Engine.Tests.csproj') -c $Configuration -nologo `
        --logger "trx;LogFileName=$trx" --results-directory $results
    $xunitExit = $LASTEXITCODE
    $xunitPassed = 0; $xunitFailed = 0
    $trxFile = Join-Path $results $trx
    if (Test-Path $trxFile) {
        $counters = ([xml](Get-Content $trxFile -Raw)).TestRun.ResultSummary.Counters
        $xunitPassed = [int]$counters.passed
        $xunitFailed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    if ($xunitExit -ne 0 -and $xunitFailed -eq 0) { $xunitFailed = 1 }   # a build or runner failure counts as a failure

    # Pester: the module surface, in a fresh process that imports the built module.
    $summary = Join-Path $results 'pester-summary.json'
    $runner = Join-Path $root 'tests/Invoke-PesterSuite.ps1'
    & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterManifest $pester -SummaryPath $summary -Full:$Full
    $pesterExit = $LASTEXITCODE
    $pesterPassed = 0; $pesterFailed = 0
    if (Test-Path $summary) {
        $counts = Get-Content $summary -Raw | ConvertFrom-Json
        $pesterPassed = [int]$counts.Passed; $pesterFailed = [int]$counts.Failed
    }
    if ($pesterExit -ne 0 -and $pesterFailed -eq 0) { $pesterFailed = 1 }

    Write-Host "xunit: $xunitPassed passed, $xunitFailed failed; Pester: $pesterPassed passed, $pesterFailed failed"
    $passed = $xunitPassed + $pesterPassed
    $failed = $xunitFailed + $pesterFailed
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Install-Moto
    Invoke-Native dotnet @('build', (Join-Path $root 'tests/ContractHost/ContractHost.csproj'), '-c', 'Release', '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'examples/Invoke-Demo.ps1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Bench {
    Invoke-Build
    Install-Moto
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'bench/Invoke-Benchmarks.ps1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Package {
    Invoke-Build
    $version = (Import-PowerShellDataFile (Join-Path $root 'NumeraiAws.psd1')).ModuleVersion
    $moduleDir = Join-Path $root "out/NumeraiAws/$version"
    if (Test-Path (Join-Path $root 'out/NumeraiAws')) { Remove-Item (Join-Path $root 'out/NumeraiAws') -Recurse -Force }
    New-Item -ItemType Directory -Force -Path $moduleDir | Out-Null
    Copy-Item (Join-Path $root 'NumeraiAws.psd1'), (Join-Path $root 'README.md') $moduleDir
    Copy-Item $binDir (Join-Path $moduleDir 'bin') -Recurse
    Copy-Item (Join-Path $root 'en-US') (Join-Path $moduleDir 'en-US') -Recurse
    Test-ModuleManifest (Join-Path $moduleDir 'NumeraiAws.psd1') | Out-Null
    $feed = Join-Path $root 'out'
    Get-ChildItem $feed -Filter 'NumeraiAws.*.nupkg' -ErrorAction SilentlyContinue | Remove-Item
    Compress-PSResource -Path $moduleDir -DestinationPath $feed
    Get-ChildItem $feed -Filter 'NumeraiAws.*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

Push-Location $root
try {
    switch ($Task) {
        'build' { Invoke-Build }
        'test' { Invoke-Test }
        'demo' { Invoke-Demo }
        'bench' { Invoke-Bench }
        'package' { Invoke-Package }
    }
}
finally {
    Pop-Location
}
