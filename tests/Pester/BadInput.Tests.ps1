# Bad input, one row each: bucket names against every S3 naming rule, IAM user, group and policy names, weak
# passwords, unknown regions, a missing profile, expired credentials. Each must end on its exact
# FullyQualifiedErrorId without a write call (names, regions and profiles: without any AWS call), and the account
# must be as empty at the end as at the start (AWS CLI, and the contract host's log of every request).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    Import-Module (Join-Path $PSScriptRoot 'SetupScenario.psm1') -Force
    $script:Strong = New-TestPassword
    $script:ExpiredKey = 'ASIAEXPIREDNUMERAI01'
    Set-ExpiredAccessKey -AccessKeyId $script:ExpiredKey
    $script:StateBefore = Get-SetupState

    # Runs one bad call; returns { ErrorRecord, Calls, Writes } measured from the call history.
    function Invoke-BadCall([scriptblock] $Call) {
        $calls = @(Get-NumeraiAwsCallHistory).Count
        $writes = Get-WriteCallCount
        $record = $null
        try { & $Call | Out-Null }
        catch { $record = $_ }
        [pscustomobject]@{
            ErrorRecord = $record
            Calls = @(Get-NumeraiAwsCallHistory).Count - $calls
            Writes = (Get-WriteCallCount) - $writes
        }
    }

    function Get-WriteRequestsSeenByHost {
        # Writes by name: every request the host saw, less the reads (Get/List/Describe/Head and S3 GETs).
        @((Get-ContractRequests).Requests | Where-Object {
                $_.Operation -notmatch '^(Get|List|Describe|Head)' -and $_.Operation -notmatch '^(GET|HEAD) '
            } | ForEach-Object { "$($_.Service) $($_.Operation)" })
    }
}

AfterAll {
    Set-ExpiredAccessKey -AccessKeyId @()
}

Describe 'Bad input is refused before anything changes' {
    Context 'bucket name <Name> (<Rule>)' -ForEach @(
        @{ Name = 'ab'; Rule = 'shorter than 3' }
        @{ Name = ('n' * 64); Rule = 'longer than 63' }
        @{ Name = 'Numerai-Data'; Rule = 'uppercase' }
        @{ Name = 'numerai_data'; Rule = 'underscore' }
        @{ Name = 'numerai data'; Rule = 'space' }
        @{ Name = 'numerai-dätä'; Rule = 'non-ASCII letter' }
        @{ Name = '-numerai'; Rule = 'starts with a hyphen' }
        @{ Name = '.numerai'; Rule = 'starts with a period' }
        @{ Name = 'numerai-'; Rule = 'ends with a hyphen' }
        @{ Name = 'numerai.'; Rule = 'ends with a period' }
        @{ Name = 'numerai..data'; Rule = 'adjacent periods' }
        @{ Name = '192.168.5.4'; Rule = 'IP address' }
        @{ Name = 'xn--numerai'; Rule = 'reserved prefix xn--' }
        @{ Name = 'sthree-numerai'; Rule = 'reserved prefix sthree-' }
        @{ Name = 'amzn-s3-demo-numerai'; Rule = 'reserved prefix amzn-s3-demo-' }
        @{ Name = 'numerai-s3alias'; Rule = 'reserved suffix -s3alias' }
        @{ Name = 'numerai--ol-s3'; Rule = 'reserved suffix --ol-s3' }
        @{ Name = 'numerai.mrap'; Rule = 'reserved suffix .mrap' }
        @{ Name = 'numerai--x-s3'; Rule = 'reserved suffix --x-s3' }
        @{ Name = 'numerai--table-s3'; Rule = 'reserved suffix --table-s3' }
    ) {
        It 'New-NumeraiBucket refuses it without any AWS call' {
            $result = Invoke-BadCall { New-NumeraiBucket -Name $Name }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be 'InvalidBucketName,NumeraiAws.Commands.NewNumeraiBucketCommand'
            $result.ErrorRecord.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $result.Calls | Should -Be 0
        }

        It 'New-NumeraiBucketPolicy refuses it without any AWS call' {
            $result = Invoke-BadCall { New-NumeraiBucketPolicy -BucketName $Name }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be 'InvalidBucketName,NumeraiAws.Commands.NewNumeraiBucketPolicyCommand'
            $result.Calls | Should -Be 0
        }
    }

    Context '<Cmdlet> <Parameter> <Value> (<Rule>)' -ForEach @(
        @{ Cmdlet = 'New-NumeraiAnalystUser'; Parameter = 'Name'; Value = 'numerai analyst'; Rule = 'space'; Reason = 'InvalidUserName' }
        @{ Cmdlet = 'New-NumeraiAnalystUser'; Parameter = 'Name'; Value = 'numerai/analyst'; Rule = 'slash'; Reason = 'InvalidUserName' }
        @{ Cmdlet = 'New-NumeraiAnalystUser'; Parameter = 'Name'; Value = 'numerai#1'; Rule = 'hash'; Reason = 'InvalidUserName' }
        @{ Cmdlet = 'New-NumeraiAnalystUser'; Parameter = 'Name'; Value = 'nümerai'; Rule = 'non-ASCII letter'; Reason = 'InvalidUserName' }
        @{ Cmdlet = 'New-NumeraiAnalystUser'; Parameter = 'Name'; Value = ('u' * 65); Rule = 'longer than 64'; Reason = 'InvalidUserName' }
        @{ Cmdlet = 'New-NumeraiAnalystUser'; Parameter = 'GroupName'; Value = 'numerai:analysts'; Rule = 'colon'; Reason = 'InvalidGroupName' }
        @{ Cmdlet = 'New-NumeraiAnalystGroup'; Parameter = 'Name'; Value = 'numerai analysts'; Rule = 'space'; Reason = 'InvalidGroupName' }
        @{ Cmdlet = 'New-NumeraiAnalystGroup'; Parameter = 'Name'; Value = ('g' * 65); Rule = 'longer than 64'; Reason = 'InvalidGroupName' }
        @{ Cmdlet = 'New-NumeraiAnalystGroup'; Parameter = 'Name'; Value = 'numerai*'; Rule = 'asterisk'; Reason = 'InvalidGroupName' }
        @{ Cmdlet = 'New-NumeraiBucketPolicy'; Parameter = 'Name'; Value = 'numerai bucket access'; Rule = 'space'; Reason = 'InvalidPolicyName' }
        @{ Cmdlet = 'New-NumeraiBucketPolicy'; Parameter = 'Name'; Value = ('p' * 129); Rule = 'longer than 128'; Reason = 'InvalidPolicyName' }
        @{ Cmdlet = 'New-NumeraiBucketPolicy'; Parameter = 'Name'; Value = 'numerai/access'; Rule = 'slash'; Reason = 'InvalidPolicyName' }
    ) {
        It 'refuses it without any AWS call' {
            $arguments = @{ $Parameter = $Value }
            switch ($Cmdlet) {
                'New-NumeraiAnalystUser' { $arguments.ConsolePassword = $script:Strong }
                'New-NumeraiAnalystGroup' { $arguments.PolicyArn = 'arn:aws:iam::123456789012:policy/numerai/numerai-s3-bucket-access' }
                'New-NumeraiBucketPolicy' { $arguments.BucketName = 'numerai-bad-input-test' }
            }
            $result = Invoke-BadCall { & $Cmdlet @arguments }
            $type = $Cmdlet -replace '-', ''
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be "$Reason,NumeraiAws.Commands.${type}Command"
            $result.ErrorRecord.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $result.Calls | Should -Be 0
        }
    }

    Context 'console password <Rule>' -ForEach @(
        @{ Password = 'Ab1!xyz'; Rule = 'shorter than 8' }
        @{ Password = 'onlylowercaseletters'; Rule = 'one kind of character' }
        @{ Password = 'lowercaseand12345'; Rule = 'two kinds of character' }
        @{ Password = 'UPPERCASE-AND-SYMBOLS!'; Rule = 'two kinds, with symbols' }
    ) {
        It 'New-NumeraiAnalystUser refuses it before any write, and says which rules without the password' {
            $result = Invoke-BadCall { New-NumeraiAnalystUser -ConsolePassword (ConvertTo-SecureString $Password -AsPlainText -Force) }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be 'PasswordPolicyViolation,NumeraiAws.Commands.NewNumeraiAnalystUserCommand'
            $result.ErrorRecord.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $result.Writes | Should -Be 0
            "$($result.ErrorRecord) $($result.ErrorRecord.ErrorDetails.RecommendedAction)" | Should -Not -Match ([regex]::Escape($Password))
        }
    }

    Context 'region <Region>' -ForEach @(
        @{ Region = 'us-east-9' }
        @{ Region = 'mars-north-1' }
        @{ Region = 'US-EAST-1' }
        @{ Region = 'useast1' }
    ) {
        It '<_> refuses it without any AWS call' -ForEach @('Get-NumeraiAwsIdentity', 'New-NumeraiBucket', 'New-NumeraiAnalystGroup') {
            $cmdlet = $_
            $arguments = @{ Region = $Region }
            if ($cmdlet -eq 'New-NumeraiAnalystGroup') { $arguments.PolicyArn = 'arn:aws:iam::123456789012:policy/numerai/numerai-s3-bucket-access' }
            $result = Invoke-BadCall { & $cmdlet @arguments }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be "UnknownRegion,NumeraiAws.Commands.$($cmdlet -replace '-', '')Command"
            $result.Calls | Should -Be 0
        }
    }

    Context 'a profile that does not exist' {
        It '<_> refuses it without any AWS call' -ForEach @('Get-NumeraiAwsIdentity', 'New-NumeraiBucket', 'New-NumeraiAnalystUser') {
            $cmdlet = $_
            $arguments = @{ ProfileName = 'numerai-no-such-profile' }
            if ($cmdlet -eq 'New-NumeraiAnalystUser') { $arguments.ConsolePassword = $script:Strong }
            $result = Invoke-BadCall { & $cmdlet @arguments }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be "ProfileNotFound,NumeraiAws.Commands.$($cmdlet -replace '-', '')Command"
            $result.ErrorRecord.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $result.Calls | Should -Be 0
        }

        It 'the setup script stops at its first step when AWS_PROFILE names it' {
            $saved = @{ Key = $env:AWS_ACCESS_KEY_ID; Secret = $env:AWS_SECRET_ACCESS_KEY; Profile = $env:AWS_PROFILE }
            $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null; $env:AWS_PROFILE = 'numerai-no-such-profile'
            try { $result = Invoke-BadCall { & (Get-SetupScriptPath) -ConsolePassword $script:Strong } }
            finally { $env:AWS_ACCESS_KEY_ID = $saved.Key; $env:AWS_SECRET_ACCESS_KEY = $saved.Secret; $env:AWS_PROFILE = $saved.Profile }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be 'ProfileNotFound,NumeraiAws.Commands.GetNumeraiAwsIdentityCommand'
            $result.Calls | Should -Be 0
        }
    }

    Context 'expired credentials' {
        It '<_> fails on its first read with InvalidCredentials and writes nothing' -ForEach @('Get-NumeraiAwsIdentity', 'New-NumeraiBucket', 'New-NumeraiAnalystUser') {
            $cmdlet = $_
            $arguments = @{ AccessKey = $script:ExpiredKey; SecretKey = 'expired-secret'; SessionToken = 'expired-session-token' }
            if ($cmdlet -eq 'New-NumeraiAnalystUser') { $arguments.ConsolePassword = $script:Strong }
            $result = Invoke-BadCall { & $cmdlet @arguments }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be "InvalidCredentials,NumeraiAws.Commands.$($cmdlet -replace '-', '')Command"
            $result.ErrorRecord.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $result.ErrorRecord.Exception.ErrorCode | Should -Be 'ExpiredToken'
            $result.Calls | Should -Be 1
            $result.Writes | Should -Be 0
        }

        It 'the setup script stops at its first step with them in the environment' {
            $saved = @{ Key = $env:AWS_ACCESS_KEY_ID; Token = $env:AWS_SESSION_TOKEN }
            $env:AWS_ACCESS_KEY_ID = $script:ExpiredKey; $env:AWS_SESSION_TOKEN = 'expired-session-token'
            try { $result = Invoke-BadCall { & (Get-SetupScriptPath) -ConsolePassword $script:Strong } }
            finally { $env:AWS_ACCESS_KEY_ID = $saved.Key; $env:AWS_SESSION_TOKEN = $saved.Token }
            $result.ErrorRecord.FullyQualifiedErrorId | Should -Be 'InvalidCredentials,NumeraiAws.Commands.GetNumeraiAwsIdentityCommand'
            $result.Writes | Should -Be 0
        }
    }

    Context 'afterwards' {
        It 'no write request reached the emulator' {
            Get-WriteRequestsSeenByHost | Should -BeNullOrEmpty
        }

        It 'the account holds nothing of the setup' {
            $state = Get-SetupState
            $state.TaggedBuckets.Count + $state.UntaggedBuckets.Count | Should -Be 0
            $state.Policies.Count | Should -Be 0
            $state.Groups.Count | Should -Be 0
            $state.Users.Count | Should -Be 0
            $state.Credentials.Count | Should -Be 0
            $state.Roles.Count | Should -Be 0
            $state.Profiles.Count | Should -Be 0
            $state.Domains.Count | Should -Be 0
            $state.Repositories.Count | Should -Be 0
            ($state | ConvertTo-Json -Depth 5) | Should -Be ($script:StateBefore | ConvertTo-Json -Depth 5)
        }
    }
}
