# Get-NumeraiAwsIdentity against the emulator, with each credential source AWS Tools users know,
# and the errors for a missing profile, missing credentials and a bad region.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    $script:CommandType = 'NumeraiAws.Commands.GetNumeraiAwsIdentityCommand'
}

Describe 'Get-NumeraiAwsIdentity' {
    AfterEach {
        Set-TestAwsEnvironment
    }

    It 'reads the account and caller from STS, with region, partition and endpoint' {
        $identity = Get-NumeraiAwsIdentity
        $identity.Account | Should -Be '123456789012'
        $identity.Arn | Should -Be 'arn:aws:sts::123456789012:user/moto'
        $identity.IsRoot | Should -BeFalse
        $identity.Region | Should -Be 'us-east-1'
        $identity.Partition | Should -Be 'aws'
        $identity.Endpoint | Should -Be $env:NUMERAIAWS_TEST_ENDPOINT
        $identity.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.AwsIdentity'
    }

    It 'uses environment variables' {
        (Get-NumeraiAwsIdentity).CredentialSource | Should -Match 'AWS_ACCESS_KEY_ID'
    }

    It 'uses -AccessKey/-SecretKey before anything else' {
        $identity = Get-NumeraiAwsIdentity -AccessKey 'AKIAEXPLICIT000001' -SecretKey 'explicit-secret'
        $identity.CredentialSource | Should -Match '-AccessKey'
        $identity.Account | Should -Be '123456789012'
    }

    It 'uses a named profile from -ProfileLocation, with its region' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content $file "[numerai]`naws_access_key_id = AKIAPROFILE0000001`naws_secret_access_key = profile-secret`nregion = eu-west-1"
        $identity = Get-NumeraiAwsIdentity -ProfileName numerai -ProfileLocation $file
        $identity.CredentialSource | Should -Be "the -ProfileName profile 'numerai'"
        $identity.Region | Should -Be 'eu-west-1'
        $identity.RegionSource | Should -Be "profile 'numerai'"
    }

    It 'uses a named profile from the shared credentials file' {
        Set-Content $env:AWS_SHARED_CREDENTIALS_FILE "[shared]`naws_access_key_id = AKIASHARED00000001`naws_secret_access_key = shared-secret"
        (Get-NumeraiAwsIdentity -ProfileName shared).CredentialSource | Should -Be "the -ProfileName profile 'shared'"
    }

    It 'assumes the role of an assume-role profile through STS' {
        Set-Content $env:AWS_SHARED_CREDENTIALS_FILE "[base]`naws_access_key_id = AKIABASE0000000001`naws_secret_access_key = base-secret"
        Set-Content $env:AWS_CONFIG_FILE "[profile analyst]`nrole_arn = arn:aws:iam::123456789012:role/numerai-test-role`nsource_profile = base`nregion = us-west-2"
        $identity = Get-NumeraiAwsIdentity -ProfileName analyst
        $identity.Arn | Should -Match '^arn:aws:sts::123456789012:assumed-role/numerai-test-role/'
        $identity.Region | Should -Be 'us-west-2'
    }

    It 'uses -Credential as a PSCredential' {
        $credential = [pscredential]::new('AKIACREDENTIAL0001', (ConvertTo-SecureString 'credential-secret' -AsPlainText -Force))
        (Get-NumeraiAwsIdentity -Credential $credential).CredentialSource | Should -Be 'the -Credential parameter'
    }

    It 'uses $StoredAWSCredentials holding credentials, as Set-AWSCredential leaves them' {
        class FakeImmutableCredentials { [string] $AccessKey = 'AKIASTORED00000001'; [string] $SecretKey = 'stored-secret'; [string] $Token = '' }
        class FakeAWSCredentials { [object] GetCredentials() { return [FakeImmutableCredentials]::new() } }
        $global:StoredAWSCredentials = [pscustomobject]@{ Credentials = [FakeAWSCredentials]::new(); Name = $null }
        $global:StoredAWSRegion = 'ap-northeast-1'
        $identity = Get-NumeraiAwsIdentity
        $identity.CredentialSource | Should -Be '$StoredAWSCredentials (Set-AWSCredential)'
        $identity.Region | Should -Be 'ap-northeast-1'
        $identity.RegionSource | Should -Match 'StoredAWSRegion'
    }

    It 'uses $StoredAWSCredentials naming a profile' {
        Set-Content $env:AWS_SHARED_CREDENTIALS_FILE "[stored]`naws_access_key_id = AKIASTOREDPROFILE1`naws_secret_access_key = s"
        $global:StoredAWSCredentials = 'stored'
        (Get-NumeraiAwsIdentity).CredentialSource | Should -Be "`$StoredAWSCredentials (profile 'stored')"
    }

    It 'fails with ProfileNotFound for a profile that does not exist, without falling through' {
        $thrown = { Get-NumeraiAwsIdentity -ProfileName no-such-profile } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "ProfileNotFound,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $thrown.Exception.Message | Should -Match 'no-such-profile'
    }

    It 'fails with NoCredentials when there are none at all' {
        $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null
        $thrown = { Get-NumeraiAwsIdentity } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "NoCredentials,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'ProfileName'
    }

    It 'rejects an unknown region before any AWS call' {
        $before = @(Get-NumeraiAwsCallHistory).Count
        $thrown = { Get-NumeraiAwsIdentity -Region 'mars-north-1' } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "UnknownRegion,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-NumeraiAwsCallHistory).Count | Should -Be $before
    }

    It 'rejects -AccessKey without -SecretKey' {
        $thrown = { Get-NumeraiAwsIdentity -AccessKey 'AKIAONLYKEY0000001' } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "IncompleteAccessKey,$script:CommandType"
    }

    It 'completes -Region from the known regions' {
        $line = 'Get-NumeraiAwsIdentity -Region ap-northeast-'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'ap-northeast-1'
        $completion.CompletionMatches.CompletionText | Should -Not -Contain 'us-east-1'
    }

    It 'logs each AWS call on -Verbose with service, operation, milliseconds and request id' {
        $verbose = Get-NumeraiAwsIdentity -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'STS GetCallerIdentity ok in \d+ ms \(request id \S+\)'
    }

    It 'says on -Debug where credentials and region came from, but never a secret' {
        # -Debug on a compiled cmdlet asks to continue at each message; the preference alone does not.
        $DebugPreference = 'Continue'
        $debug = Get-NumeraiAwsIdentity -AccessKey 'AKIADEBUG000000001' -SecretKey 'debug-secret-value' 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $text = $debug.Message -join "`n"
        $text | Should -Match 'Credentials from the -AccessKey/-SecretKey parameters'
        $text | Should -Match "region 'us-east-1' from the AWS_REGION environment variable"
        $text | Should -Not -Match 'debug-secret-value'
    }

    It 'records the call in the session history as a read' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        Get-NumeraiAwsIdentity | Out-Null
        $history = @(Get-NumeraiAwsCallHistory)
        $history.Count | Should -Be 1
        $history[0].Operation | Should -Be 'GetCallerIdentity'
        $history[0].IsWrite | Should -BeFalse
    }

    It 'honours AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL' {
        $env:AWS_ENDPOINT_URL = 'http://127.0.0.1:9'    # nothing listens there
        $env:AWS_ENDPOINT_URL_STS = $env:NUMERAIAWS_TEST_ENDPOINT
        try { (Get-NumeraiAwsIdentity).Endpoint | Should -Be $env:NUMERAIAWS_TEST_ENDPOINT }
        finally { $env:AWS_ENDPOINT_URL_STS = $null }
    }

    It 'honours -EndpointUrl over the environment' {
        $env:AWS_ENDPOINT_URL = 'http://127.0.0.1:9'
        (Get-NumeraiAwsIdentity -EndpointUrl $env:NUMERAIAWS_TEST_ENDPOINT).Endpoint | Should -Be $env:NUMERAIAWS_TEST_ENDPOINT
    }
}
