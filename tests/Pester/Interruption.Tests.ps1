# The setup script killed part-way and run again: it runs in a child process (dotnet pwsh, the module imported from
# the repository root) that is killed, process tree and all, once the contract host has seen N AWS requests of
# it; a second run must then complete, and the account must hold exactly one of everything (AWS CLI), with no
# delete and a further run making no write call. Untagged: three kill points; 'Full': many.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    Import-Module (Join-Path $PSScriptRoot 'SetupScenario.psm1') -Force
    $script:Password = New-TestPassword

    # How many AWS requests one whole run makes on a fresh account; kill points are fractions of it.
    Reset-TestEmulator
    $work = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-interrupt-$PID-reference"
    New-Item -ItemType Directory -Force -Path $work | Out-Null
    $reference = Invoke-SetupInProcess -ConsolePassword $script:Password -WorkingDirectory $work
    if (-not $reference.Succeeded) { throw "The reference run failed: $($reference.ErrorRecord)" }
    $script:RequestsPerRun = (Get-ContractRequests).Count
    Remove-Item $work -Recurse -Force

    function Invoke-InterruptedScenario {
        <# Kills a child run after -KillAfter requests, then completes the setup in this session. #>
        param([int] $KillAfter)
        Reset-TestEmulator
        $work = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-interrupt-$PID-$KillAfter"
        New-Item -ItemType Directory -Force -Path $work | Out-Null
        $child = Start-SetupChild -ConsolePassword $script:Password -WorkingDirectory $work
        $seen = 0
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        try {
            while (-not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) {
                $seen = (Get-ContractRequests).Count
                if ($seen -ge $KillAfter) { break }
                Start-Sleep -Milliseconds 20
            }
            $killedWhileRunning = -not $child.HasExited
        }
        finally { Stop-SetupChild $child }
        $requestsAtKill = $seen
        $lastRequest = @((Get-ContractRequests).Requests | Select-Object -First ([Math]::Max(1, $seen)))[-1]
        # A request already sent when the child died may still be under way; let the emulator finish it.
        Start-Sleep -Milliseconds 300

        $rerun = Invoke-SetupInProcess -ConsolePassword $script:Password -WorkingDirectory $work
        $state = Get-SetupState
        $writesBefore = Get-WriteCallCount
        $again = Invoke-SetupInProcess -ConsolePassword $script:Password -WorkingDirectory $work
        $writesAgain = (Get-WriteCallCount) - $writesBefore
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
        Write-Host ("  killed after {0} of ~{1} requests (the last: {2} {3}; killed while running: {4}); re-run succeeded: {5}; Git credentials {6}" -f
            $requestsAtKill, $script:RequestsPerRun, $lastRequest.Service, $lastRequest.Operation, $killedWhileRunning, $rerun.Succeeded, $state.Credentials.Count)
        [pscustomobject]@{
            KilledWhileRunning = $killedWhileRunning; RequestsAtKill = $requestsAtKill
            Rerun = $rerun; State = $state; Violations = (Get-SetupInvariantViolations -State $state -AllowTwoCredentials)
            Again = $again; WritesAgain = $writesAgain
        }
    }
}

Describe 'The setup interrupted and run again' {
    Context 'killed after <Percent>% of a run''s requests' -ForEach @(
        @{ Percent = 15 }
        @{ Percent = 45 }
        @{ Percent = 80 }
    ) {
        BeforeAll {
            $script:Scenario = Invoke-InterruptedScenario -KillAfter ([Math]::Max(1, [int]($script:RequestsPerRun * $Percent / 100)))
        }

        It 'was killed before it finished' {
            $script:Scenario.KilledWhileRunning | Should -BeTrue
        }

        It 'completes when run again' {
            $script:Scenario.Rerun.ErrorRecord | Should -BeNullOrEmpty
            $script:Scenario.Rerun.Succeeded | Should -BeTrue
        }

        It 'leaves exactly one of everything, and deletes nothing' {
            $script:Scenario.Violations | Should -BeNullOrEmpty
        }

        It 'then makes no write call' {
            $script:Scenario.Again.Succeeded | Should -BeTrue
            $script:Scenario.WritesAgain | Should -Be 0
        }
    }
}

Describe 'The setup interrupted and run again, at many points' -Tag 'Full' {
    Context 'killed after <Percent>% of a run''s requests' -ForEach @(
        foreach ($percent in 3, 8, 12, 20, 25, 30, 35, 40, 50, 55, 60, 65, 70, 75, 85, 90, 95) { @{ Percent = $percent } }
    ) {
        BeforeAll {
            $script:Scenario = Invoke-InterruptedScenario -KillAfter ([Math]::Max(1, [int]($script:RequestsPerRun * $Percent / 100)))
        }

        It 'completes when run again' {
            $script:Scenario.Rerun.ErrorRecord | Should -BeNullOrEmpty
            $script:Scenario.Rerun.Succeeded | Should -BeTrue
        }

        It 'leaves exactly one of everything, and deletes nothing' {
            $script:Scenario.Violations | Should -BeNullOrEmpty
        }

        It 'then makes no write call' {
            $script:Scenario.Again.Succeeded | Should -BeTrue
            $script:Scenario.WritesAgain | Should -Be 0
        }
    }
}
