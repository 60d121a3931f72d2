# New-NumeraiRepository against moto; what it leaves behind is checked with the AWS CLI.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    $script:CommandType = 'NumeraiAws.Commands.NewNumeraiRepositoryCommand'

    function Invoke-AwsCli {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        $all = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @Arguments 2>&1
        $stdout = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        if ($LASTEXITCODE -ne 0) { throw "aws $($Arguments -join ' ') failed: $($all -join "`n")" }
        if ($stdout) { ($stdout -join "`n") | ConvertFrom-Json }
    }

    function Test-AwsCliFails {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @Arguments 2>&1 | Out-Null
        $LASTEXITCODE -ne 0
    }
}

Describe 'New-NumeraiRepository' {
    Context 'on a fresh account' {
        BeforeAll {
            Reset-TestEmulator
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $script:Repository = New-NumeraiRepository
            $script:FirstRunCalls = @(Get-NumeraiAwsCallHistory | ForEach-Object { "$($_.Operation) $($_.IsWrite)" })
        }

        It 'looks the repository up, then creates it: one write' {
            $script:FirstRunCalls | Should -Be @('GetRepository False', 'CreateRepository True')
        }

        It 'creates numerai-tournament, found by the CLI, with the default description' {
            $metadata = (Invoke-AwsCli codecommit get-repository --repository-name numerai-tournament).repositoryMetadata
            $metadata.repositoryId | Should -Be $script:Repository.RepositoryId
            $metadata.repositoryDescription | Should -Be 'Numerai tournament models and pipelines (NumeraiAws)'
            $metadata.Arn | Should -Be 'arn:aws:codecommit:us-east-1:123456789012:numerai-tournament'
        }

        It 'outputs the three clone URLs' {
            $script:Repository.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiRepository'
            $script:Repository.RepositoryName | Should -Be 'numerai-tournament'
            $script:Repository.Arn | Should -Be 'arn:aws:codecommit:us-east-1:123456789012:numerai-tournament'
            $script:Repository.CloneUrlHttp | Should -Be 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/numerai-tournament'
            $script:Repository.CloneUrlSsh | Should -Be 'ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/numerai-tournament'
            $script:Repository.CloneUrlGrc | Should -Be 'codecommit::us-east-1://numerai-tournament'
            $script:Repository.Created | Should -BeTrue
        }

        It 'makes no write call on the second run and returns the same repository' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $again = New-NumeraiRepository
            Get-WriteCallCount | Should -Be 0
            $again.RepositoryId | Should -Be $script:Repository.RepositoryId
            $again.CloneUrlGrc | Should -Be 'codecommit::us-east-1://numerai-tournament'
            $again.Created | Should -BeFalse
        }

        It 'leaves an existing repository as it is, whatever -Description says' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            New-NumeraiRepository -Description 'something else' | Out-Null
            Get-WriteCallCount | Should -Be 0
            (Invoke-AwsCli codecommit get-repository --repository-name numerai-tournament).repositoryMetadata.repositoryDescription |
                Should -Be 'Numerai tournament models and pipelines (NumeraiAws)'
        }

        It 'makes no write call with -WhatIf once it exists' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            (New-NumeraiRepository -WhatIf).RepositoryId | Should -Be $script:Repository.RepositoryId
            Get-WriteCallCount | Should -Be 0
        }
    }

    It 'makes no write call with -WhatIf, creates nothing and outputs nothing' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $output = New-NumeraiRepository -Name numerai-whatif -WhatIf
        Get-WriteCallCount | Should -Be 0
        $output | Should -BeNullOrEmpty
        Test-AwsCliFails codecommit get-repository --repository-name numerai-whatif | Should -BeTrue
    }

    It 'creates a repository of another name and description, with tags, in another region' {
        $repository = New-NumeraiRepository -Name numerai.signals_v2 -Description 'Signals models' -Tag @{ project = 'signals' } -Region eu-west-1
        $repository.CloneUrlGrc | Should -Be 'codecommit::eu-west-1://numerai.signals_v2'
        $repository.Arn | Should -Be 'arn:aws:codecommit:eu-west-1:123456789012:numerai.signals_v2'
        $metadata = (& aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region eu-west-1 --output json codecommit get-repository --repository-name numerai.signals_v2 | ConvertFrom-Json).repositoryMetadata
        $metadata.repositoryDescription | Should -Be 'Signals models'
    }

    It 'rejects <Case> with <Reason> before any AWS call' -ForEach @(
        @{ Case = 'a name with a space'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = 'numerai tournament' } }
        @{ Case = 'a name ending in .git'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = 'numerai-tournament.git' } }
        @{ Case = 'a name ending in .GIT'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = 'numerai.GIT' } }
        @{ Case = 'a name of 101 characters'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = 'n' * 101 } }
        @{ Case = 'an empty name'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = '' } }
        @{ Case = 'a name with a non-ASCII letter'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = "numer$([char]0x00E4)i" } }
        @{ Case = 'a slash in the name'; Reason = 'InvalidRepositoryName'; Splat = @{ Name = 'numerai/tournament' } }
        @{ Case = 'a description of 1001 characters'; Reason = 'InvalidRepositoryDescription'; Splat = @{ Description = 'd' * 1001 } }
        @{ Case = 'a tag key reserved by AWS'; Reason = 'InvalidTag'; Splat = @{ Tag = @{ 'aws:owner' = 'x' } } }
        @{ Case = 'a tag value of 257 characters'; Reason = 'InvalidTag'; Splat = @{ Tag = @{ owner = 'v' * 257 } } }
    ) {
        $before = @(Get-NumeraiAwsCallHistory).Count
        $thrown = { New-NumeraiRepository @Splat } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        @(Get-NumeraiAwsCallHistory).Count | Should -Be $before
    }

    It 'accepts the longest valid name, 100 characters' {
        $name = 'n' * 100
        (New-NumeraiRepository -Name $name).RepositoryName | Should -Be $name
    }
}
