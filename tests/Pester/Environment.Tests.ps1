# Get-NumeraiEnvironment and Remove-NumeraiEnvironment against an environment laid down with the AWS CLI (an
# independent client), so these tests do not depend on the setup cmdlets they audit.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    function aws { & (Get-Command aws -CommandType Application) --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT @args; if ($LASTEXITCODE) { throw "aws $args failed" } }
    function New-CliEnvironment {
        Reset-TestEmulator
        aws s3api create-bucket --bucket numerai-envtest01 | Out-Null
        aws s3api put-bucket-tagging --bucket numerai-envtest01 --tagging 'TagSet=[{Key=numeraiaws:managed,Value=true},{Key=numeraiaws:component,Value=data-bucket}]'
        aws s3api create-bucket --bucket numerai-not-ours | Out-Null
        $policy = aws iam create-policy --policy-name numerai-s3-bucket-access --path /numerai/ --query Policy.Arn --output text --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::numerai-envtest01"}]}'
        aws iam create-group --group-name numerai-analysts --path /numerai/ | Out-Null
        foreach ($arn in 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess', 'arn:aws:iam::aws:policy/AWSCodeCommitPowerUser', $policy) {
            aws iam attach-group-policy --group-name numerai-analysts --policy-arn $arn
        }
        aws iam create-user --user-name numerai-analyst --path /numerai/ | Out-Null
        aws iam add-user-to-group --group-name numerai-analysts --user-name numerai-analyst
        aws iam create-login-profile --user-name numerai-analyst --password 'Env-Test-Pa55word!' --password-reset-required | Out-Null
        aws iam create-service-specific-credential --user-name numerai-analyst --service-name codecommit.amazonaws.com | Out-Null
        aws iam create-user --user-name someone-else | Out-Null
        aws iam add-user-to-group --group-name numerai-analysts --user-name someone-else
        $role = aws iam create-role --role-name numerai-sagemaker-execution --path /numerai/ --query Role.Arn --output text --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
        aws iam attach-role-policy --role-name numerai-sagemaker-execution --policy-arn arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
        aws iam attach-role-policy --role-name numerai-sagemaker-execution --policy-arn $policy
        $vpc = aws ec2 describe-vpcs --filters 'Name=isDefault,Values=true' --query 'Vpcs[0].VpcId' --output text
        $subnet = aws ec2 describe-subnets --filters "Name=vpc-id,Values=$vpc" --query 'Subnets[0].SubnetId' --output text
        $domain = aws sagemaker create-domain --domain-name numerai --auth-mode IAM --vpc-id $vpc --subnet-ids $subnet --default-user-settings "ExecutionRole=$role" --query DomainArn --output text
        $script:DomainId = $domain.Split('/')[-1]
        aws sagemaker create-user-profile --domain-id $script:DomainId --user-profile-name numerai-analyst | Out-Null
        aws codecommit create-repository --repository-name numerai-tournament | Out-Null
    }
    $script:Removal = 'NumeraiAws.Commands.RemoveNumeraiEnvironmentCommand'
}

Describe 'Get-NumeraiEnvironment' {
    BeforeAll { New-CliEnvironment }

    It 'finds every resource of the environment and nothing else' {
        $found = Get-NumeraiEnvironment
        $found | ForEach-Object { "$($_.Kind):$($_.Name)" } | Sort-Object | Should -Be @(
            'Bucket:numerai-envtest01'
            'BucketPolicy:numerai-s3-bucket-access'
            'CodeCommitCredential:numerai-analyst-at-123456789012'
            'IamGroup:numerai-analysts'
            'IamRole:numerai-sagemaker-execution'
            'IamUser:numerai-analyst'
            'Repository:numerai-tournament'
            'StudioDomain:numerai'
            'StudioUserProfile:numerai-analyst'
        )
    }

    It 'reports drift against what the setup cmdlets would set' {
        $bucket = Get-NumeraiEnvironment | Where-Object Kind -eq Bucket
        # The drift is what New-NumeraiBucket would change: its own ShouldProcess actions.
        $bucket.Drift | Should -Contain 'Block all public access (all four Block Public Access settings)'
        $bucket.Drift | Should -Contain 'Enable versioning'
        ($bucket.Drift -join "`n") | Should -Match 'TLS'
        (Get-NumeraiEnvironment | Where-Object Kind -eq IamGroup).Drift | Should -BeNullOrEmpty
        (Get-NumeraiEnvironment | Where-Object Kind -eq IamRole).Drift | Should -BeNullOrEmpty
    }

    It 'sees a policy detached from the group as drift' {
        aws iam detach-group-policy --group-name numerai-analysts --policy-arn arn:aws:iam::aws:policy/AWSCodeCommitPowerUser
        try {
            (Get-NumeraiEnvironment -DriftOnly | Where-Object Kind -eq IamGroup).Drift |
                Should -Be @('missing policy arn:aws:iam::aws:policy/AWSCodeCommitPowerUser')
        }
        finally { aws iam attach-group-policy --group-name numerai-analysts --policy-arn arn:aws:iam::aws:policy/AWSCodeCommitPowerUser }
    }

    It 'only reads' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        Get-NumeraiEnvironment | Out-Null
        Get-WriteCallCount | Should -Be 0
    }
}

Describe 'Remove-NumeraiEnvironment' {
    # One environment, taken down step by step: each It starts where the one before it left off.
    BeforeAll { New-CliEnvironment }

    It 'makes no write call with -WhatIf' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $results = Remove-NumeraiEnvironment -WhatIf
        Get-WriteCallCount | Should -Be 0
        ($results | Where-Object Outcome -eq Removed) | Should -BeNullOrEmpty
        aws iam get-user --user-name numerai-analyst | Out-Null
    }

    It 'removes identities and Studio, keeps data, and touches nothing outside the environment' {
        $results = Remove-NumeraiEnvironment -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        ($results | Where-Object Outcome -eq Removed | ForEach-Object { "$($_.Kind):$($_.Name)" } | Sort-Object) | Should -Be @(
            'BucketPolicy:numerai-s3-bucket-access', 'IamGroup:numerai-analysts', 'IamRole:numerai-sagemaker-execution',
            'IamUser:numerai-analyst', 'StudioDomain:numerai', 'StudioUserProfile:numerai-analyst')
        ($results | Where-Object Outcome -eq Kept | ForEach-Object Kind | Sort-Object) | Should -Be @('Bucket', 'Repository')
        $warnings.Count | Should -Be 2
        (aws iam list-users --query 'Users[].UserName' --output text) | Should -Be 'someone-else'
        (aws iam list-roles --path-prefix /numerai/ --query 'length(Roles)') | Should -Be '0'
        (aws sagemaker list-domains --query 'length(Domains)') | Should -Be '0'
        aws s3api head-bucket --bucket numerai-envtest01 | Out-Null
        aws codecommit get-repository --repository-name numerai-tournament | Out-Null
    }

    It 'keeps a bucket with objects under -IncludeData without -Force, and deletes it with -Force' {
        'weekly data' | Set-Content (Join-Path $TestDrive 'live.csv')
        aws s3 cp (Join-Path $TestDrive 'live.csv') s3://numerai-envtest01/live.csv | Out-Null
        $kept = Remove-NumeraiEnvironment -IncludeData -Confirm:$false -WarningAction SilentlyContinue | Where-Object Kind -eq Bucket
        $kept.Outcome | Should -Be 'Kept'
        $kept.Detail | Should -Match '-Force'
        (Remove-NumeraiEnvironment -IncludeData -Force -Confirm:$false | Where-Object Kind -eq Bucket).Outcome | Should -Be 'Removed'
        (aws s3api list-buckets --query 'Buckets[].Name' --output text) | Should -Be 'numerai-not-ours'
        { aws codecommit get-repository --repository-name numerai-tournament 2>$null } | Should -Throw
    }

    It 'converges when run again, with no write call' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        Remove-NumeraiEnvironment -IncludeData -Force -Confirm:$false | Should -BeNullOrEmpty
        Get-WriteCallCount | Should -Be 0
    }
}

Describe 'Tab completion from the account' {
    BeforeAll { New-CliEnvironment }

    It 'completes <Parameter> of <Command>' -ForEach @(
        @{ Command = 'New-NumeraiBucket'; Parameter = 'Name'; Typed = 'numerai-e'; Expected = @('numerai-envtest01') }
        @{ Command = 'New-NumeraiAnalystUser'; Parameter = 'GroupName'; Typed = 'numerai'; Expected = @('numerai-analysts') }
    ) {
        $line = "$Command -$Parameter $Typed"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches.CompletionText) | Should -Be $Expected
    }

    It 'completes -DomainId of New-NumeraiStudioUser with the region''s domains' {
        $line = 'New-NumeraiStudioUser -DomainId '
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches.CompletionText) | Should -Be @($script:DomainId)
    }

    It 'offers nothing, and no error, when AWS cannot be reached' {
        $line = 'New-NumeraiAnalystUser -EndpointUrl http://127.0.0.1:9 -GroupName '
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches | Where-Object ResultType -eq ParameterValue).Count | Should -Be 0
    }
}
