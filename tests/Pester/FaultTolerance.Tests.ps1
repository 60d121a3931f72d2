# The setup script (examples/Setup-NumeraiEnvironment.ps1) under injected AWS failures: the contract host answers a
# share of the requests with 500, 503, throttling, a dropped connection, a stall past the client timeout, or a 500
# after the request took effect. Every run must either succeed or end on one of the module's own errors; once the
# faults stop, one more run must converge, and the account must then hold exactly one of everything (checked with
# the AWS CLI), with no policy version churn, no delete, and a further run making no write call.
# Untagged: a short version for CI. Tagged 'Full' (./build.ps1 test -Full): many seeds, all kinds, Stall included.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    Import-Module (Join-Path $PSScriptRoot 'SetupScenario.psm1') -Force

    # A hung request fails its attempt after this long, so that a Stall (longer) costs seconds, not minutes.
    $script:PreviousTimeout = $env:NUMERAIAWS_HTTP_TIMEOUT_SECONDS
    $env:NUMERAIAWS_HTTP_TIMEOUT_SECONDS = '3'
    $script:StallSeconds = 5
    $script:Password = New-TestPassword
    $script:Summary = [System.Collections.Generic.List[object]]::new()

    function Invoke-FaultScenario {
        <#
        On a fresh account: -Runs setup runs with faults at -Rate (each run its own seed, derived from -Seed),
        then, with faults off, one run that must converge and one more that must change nothing.
        #>
        param([double] $Rate, [int] $Seed, [int] $Runs, [string[]] $Kinds)
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Reset-TestEmulator
        $work = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-faults-$PID-$Seed"
        New-Item -ItemType Directory -Force -Path $work | Out-Null
        $injected = @{}
        # (PowerShell names are case-insensitive: the results must not be called $runs.)
        $results = foreach ($i in 1..$Runs) {
            Set-ContractFaults -Rate $Rate -Seed ($Seed * 1000 + $i) -Kinds $Kinds -StallSeconds $script:StallSeconds | Out-Null
            $run = Invoke-SetupInProcess -ConsolePassword $script:Password -WorkingDirectory $work
            $faults = Get-ContractFaults
            foreach ($kind in $faults.Injected.PSObject.Properties) { $injected[$kind.Name] = [int]$injected[$kind.Name] + [int]$kind.Value }
            $run | Add-Member -NotePropertyName Faults -NotePropertyValue $faults.Total -PassThru
        }
        Disable-ContractFaults

        $converge = Invoke-SetupInProcess -ConsolePassword $script:Password -WorkingDirectory $work
        $state = Get-SetupState
        $writesBefore = Get-WriteCallCount
        $again = Invoke-SetupInProcess -ConsolePassword $script:Password -WorkingDirectory $work
        $writesAgain = (Get-WriteCallCount) - $writesBefore
        $stateAgain = Get-SetupState
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue

        $failures = @($results | Where-Object { -not $_.Succeeded })
        $scenario = [pscustomobject]@{
            Rate = $Rate; Seed = $Seed; Runs = @($results); Injected = $injected
            Failures = $failures
            Problems = @($failures | ForEach-Object { Get-FailureProblem $_.ErrorRecord } | Where-Object { $_ })
            Converge = $converge; State = $state; Violations = (Get-SetupInvariantViolations -State $state -AllowTwoCredentials)
            Again = $again; WritesAgain = $writesAgain; StateAgain = $stateAgain
        }
        $reasons = ($failures | Group-Object { Get-FailureReason $_.ErrorRecord } | ForEach-Object { "$($_.Name) x$($_.Count)" }) -join ', '
        $injectedText = ($injected.GetEnumerator() | Where-Object Value | Sort-Object Name | ForEach-Object { "$($_.Name) x$($_.Value)" }) -join ', '
        Write-Host ("  faults {0:P0} seed {1}: {2} runs, {3} succeeded; injected [{4}]; failures [{5}]; converged {6}; Git credentials {7}; violations {8}; {9:0} s" -f
            $Rate, $Seed, $Runs, ($Runs - $failures.Count), $injectedText, $reasons, $converge.Succeeded, $state.Credentials.Count,
            $scenario.Violations.Count, $watch.Elapsed.TotalSeconds)
        $script:Summary.Add($scenario)
        $scenario
    }
}

AfterAll {
    Disable-ContractFaults
    $env:NUMERAIAWS_HTTP_TIMEOUT_SECONDS = $script:PreviousTimeout
}

Describe 'The setup under injected faults' {
    Context 'faults at <Rate>, seed <Seed>' -ForEach @(
        @{ Rate = 0.1; Seed = 11; Runs = 3 }
        @{ Rate = 0.3; Seed = 31; Runs = 3 }
    ) {
        BeforeAll {
            $script:Scenario = Invoke-FaultScenario -Rate $Rate -Seed $Seed -Runs $Runs -Kinds @('500', '503', 'Throttling', 'Reset', 'AfterSuccess500')
        }

        It 'injected faults' {
            ($script:Scenario.Runs | Measure-Object Faults -Sum).Sum | Should -BeGreaterThan 0
        }

        It 'ended every failed run on a NumeraiAws error with a transient reason' {
            $script:Scenario.Problems | Should -BeNullOrEmpty
        }

        It 'converges once the faults stop' {
            $script:Scenario.Converge.ErrorRecord | Should -BeNullOrEmpty
            $script:Scenario.Converge.Succeeded | Should -BeTrue
        }

        It 'leaves exactly one of everything, and deletes nothing' {
            $script:Scenario.Violations | Should -BeNullOrEmpty
        }

        It 'then makes no write call and no new policy version' {
            $script:Scenario.Again.Succeeded | Should -BeTrue
            $script:Scenario.WritesAgain | Should -Be 0
            $script:Scenario.StateAgain.PolicyVersions.Count | Should -Be $script:Scenario.State.PolicyVersions.Count
            $script:Scenario.StateAgain.Credentials.Count | Should -Be $script:Scenario.State.Credentials.Count
        }
    }
}

Describe 'The setup under injected faults, long' -Tag 'Full' {
    Context 'faults at <Rate>, seed <Seed>' -ForEach @(
        foreach ($seed in 101..105) { @{ Rate = 0.1; Seed = $seed; Runs = 5 } }
        foreach ($seed in 301..305) { @{ Rate = 0.3; Seed = $seed; Runs = 5 } }
    ) {
        BeforeAll {
            $script:Scenario = Invoke-FaultScenario -Rate $Rate -Seed $Seed -Runs $Runs `
                -Kinds @('500', '503', 'Throttling', 'Reset', 'Stall', 'AfterSuccess500')
        }

        It 'ended every failed run on a NumeraiAws error with a transient reason' {
            $script:Scenario.Problems | Should -BeNullOrEmpty
        }

        It 'converges once the faults stop' {
            $script:Scenario.Converge.ErrorRecord | Should -BeNullOrEmpty
            $script:Scenario.Converge.Succeeded | Should -BeTrue
        }

        It 'leaves exactly one of everything, and deletes nothing' {
            $script:Scenario.Violations | Should -BeNullOrEmpty
        }

        It 'then makes no write call and no new policy version' {
            $script:Scenario.Again.Succeeded | Should -BeTrue
            $script:Scenario.WritesAgain | Should -Be 0
            $script:Scenario.StateAgain.PolicyVersions.Count | Should -Be $script:Scenario.State.PolicyVersions.Count
        }
    }
}
