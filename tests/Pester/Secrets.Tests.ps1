# Secrets never leak: the setup script runs with -Verbose and debug output on, under Start-Transcript, on a fresh
# account (so it mints the CodeCommit credential), again (nothing to do), and under injected faults (so error
# paths run too). Then the transcript, $Error, every output object in each of its text forms and every file the
# runs wrote are searched for the console password and the CodeCommit password. The credential file is the one
# place the CodeCommit password belongs, and it must be readable by its owner only.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    Import-Module (Join-Path $PSScriptRoot 'SetupScenario.psm1') -Force

    $script:ConsolePassword = New-TestPassword
    $script:ConsolePasswordText = [pscredential]::new('x', $script:ConsolePassword).GetNetworkCredential().Password
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) "numeraiaws-secrets-$PID"
    if (Test-Path $script:Work) { Remove-Item $script:Work -Recurse -Force }
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $script:Transcript = Join-Path $script:Work 'transcript.txt'
    $script:CredentialFile = Join-Path $script:Work 'codecommit-credentials.csv'
    $setup = Get-SetupScriptPath

    $Error.Clear()
    $script:Outputs = [System.Collections.Generic.List[object]]::new()
    $script:Failures = [System.Collections.Generic.List[object]]::new()
    $previous = @{ Verbose = $VerbosePreference; Debug = $DebugPreference }
    Start-Transcript -Path $script:Transcript -Force | Out-Null
    Push-Location $script:Work
    try {
        # -Debug would make compiled cmdlets ask before each debug record; the preference variable does not.
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        foreach ($run in 1..2) {
            foreach ($item in & $setup -ConsolePassword $script:ConsolePassword -Verbose) { $script:Outputs.Add($item) }
        }
        # Error paths: faults make some calls fail after the SDK's retries, with AWS's messages in the errors.
        Set-ContractFaults -Rate 0.4 -Seed 7 -Kinds @('500', 'Throttling', 'AfterSuccess500') | Out-Null
        foreach ($run in 1..3) {
            try { foreach ($item in & $setup -ConsolePassword $script:ConsolePassword -Verbose) { $script:Outputs.Add($item) } }
            catch { $script:Failures.Add($_) }
        }
        Disable-ContractFaults
        # A refused password: the error must name the unmet rules, not the password.
        $script:WeakPassword = 'weakpasswordonly'
        try { New-NumeraiAnalystUser -Name 'numerai-secrets-weak' -ConsolePassword (ConvertTo-SecureString $script:WeakPassword -AsPlainText -Force) -Verbose }
        catch { $script:Failures.Add($_) }
    }
    finally {
        Disable-ContractFaults
        Pop-Location
        $VerbosePreference = $previous.Verbose
        $DebugPreference = $previous.Debug
        Stop-Transcript | Out-Null
    }
    $script:ErrorsSeen = @($Error)

    # The CodeCommit password, from the first run's output only: it is shown once, when minted.
    $credential = @($script:Outputs | Where-Object { $_.PSObject.TypeNames[0] -eq 'NumeraiAws.Engine.Model.NumeraiCodeCommitCredential' -and $_.Password })
    $script:MintedCount = $credential.Count
    $script:GitPasswordText = if ($credential) { [pscredential]::new('x', $credential[0].Password).GetNetworkCredential().Password }

    # Every text form an output object can take.
    function Get-TextForms($Item) {
        ($Item | Out-String)
        ($Item | Format-List * -Force | Out-String)
        ($Item | Format-Table * | Out-String)
        ($Item | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue)
        ($Item | ConvertTo-Csv -NoTypeInformation | Out-String)
        "$Item"
    }

    function Get-ErrorTexts($Record) {
        ($Record | Format-List * -Force | Out-String)
        ($Record.Exception | Format-List * -Force | Out-String)
        ($Record.ErrorDetails | Format-List * -Force | Out-String)
        ($Record.InvocationInfo | Format-List * -Force | Out-String)
        "$Record"
        for ($e = $Record.Exception; $e; $e = $e.InnerException) { $e.ToString() }
    }

    function Find-Secret([string[]] $Texts, [string] $Secret) {
        @($Texts | Where-Object { $_ -and $_.Contains($Secret) }).Count
    }
}

AfterAll {
    Remove-Item $script:Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Secrets in the setup''s output, logs and files' {
    It 'minted one CodeCommit credential and wrote it to the credential file' {
        $script:MintedCount | Should -Be 1
        $script:GitPasswordText | Should -Not -BeNullOrEmpty
        Test-Path $script:CredentialFile | Should -BeTrue
    }

    It 'recorded verbose and debug output, and the fault runs' {
        $text = Get-Content $script:Transcript -Raw
        $text | Should -Match 'VERBOSE: AWS call:'
        $text | Should -Match 'DEBUG: Credentials from'
        ($script:Failures.Count + $script:ErrorsSeen.Count) | Should -BeGreaterThan 0
    }

    It 'keeps both passwords out of the transcript' {
        $text = Get-Content $script:Transcript -Raw
        $text.Contains($script:ConsolePasswordText) | Should -BeFalse
        $text.Contains($script:GitPasswordText) | Should -BeFalse
    }

    It 'keeps both passwords out of every error' {
        $texts = @($script:ErrorsSeen + $script:Failures | ForEach-Object { Get-ErrorTexts $_ })
        $texts.Count | Should -BeGreaterThan 0
        Find-Secret $texts $script:ConsolePasswordText | Should -Be 0
        Find-Secret $texts $script:GitPasswordText | Should -Be 0
        Find-Secret $texts $script:WeakPassword | Should -Be 0
    }

    It 'keeps both passwords out of every output object in every text form' {
        $texts = @($script:Outputs | ForEach-Object { Get-TextForms $_ })
        $texts.Count | Should -BeGreaterThan 0
        Find-Secret $texts $script:ConsolePasswordText | Should -Be 0
        Find-Secret $texts $script:GitPasswordText | Should -Be 0
    }

    It 'writes the CodeCommit password only to the credential file, and the console password nowhere' {
        $files = @(Get-ChildItem $script:Work -Recurse -File)
        $files.Name | Should -Contain 'codecommit-credentials.csv'
        foreach ($file in $files) {
            $text = [System.IO.File]::ReadAllText($file.FullName)
            $text.Contains($script:ConsolePasswordText) | Should -BeFalse -Because $file.Name
            if ($file.FullName -ne $script:CredentialFile) { $text.Contains($script:GitPasswordText) | Should -BeFalse -Because $file.Name }
        }
        [System.IO.File]::ReadAllText($script:CredentialFile).Contains($script:GitPasswordText) | Should -BeTrue
    }

    It 'makes the credential file readable and writable by its owner only' -Skip:($IsWindows) {
        (Get-Item $script:CredentialFile).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }
}
