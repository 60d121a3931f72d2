# New-NumeraiStudioDomain and New-NumeraiStudioUser against moto behind the contract host (which answers the
# user-profile operations moto lacks). What the cmdlets leave behind is checked with the AWS CLI.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    $script:DomainCommand = 'NumeraiAws.Commands.NewNumeraiStudioDomainCommand'
    $script:UserCommand = 'NumeraiAws.Commands.NewNumeraiStudioUserCommand'
    $script:RoleName = 'numerai-sagemaker-execution'
    $script:RoleArn = 'arn:aws:iam::123456789012:role/numerai/numerai-sagemaker-execution'
    $script:FullAccess = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess'

    function Invoke-AwsCli {
        # The CLI is the independent witness: its own SDK (botocore), the same emulator.
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        $all = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region ($script:CliRegion ?? 'us-east-1') --output json @Arguments 2>&1
        $stdout = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        if ($LASTEXITCODE -ne 0) { throw "aws $($Arguments -join ' ') failed: $($all -join "`n")" }
        if ($stdout) { ($stdout -join "`n") | ConvertFrom-Json }
    }

    function Test-AwsCliFails {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @Arguments 2>&1 | Out-Null
        $LASTEXITCODE -ne 0
    }

    function New-BucketPolicyWithCli {
        $document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::numerai-test-bucket"}]}'
        (Invoke-AwsCli iam create-policy --policy-name numerai-s3-bucket-access --path /numerai/ --policy-document $document).Policy.Arn
    }

    function Get-Operations {
        param([switch] $WriteOnly)
        @(Get-NumeraiAwsCallHistory -WriteOnly:$WriteOnly | ForEach-Object { "$($_.Service) $($_.Operation)" })
    }

    function Get-DefaultNetwork {
        $vpc = (Invoke-AwsCli ec2 describe-vpcs --filters 'Name=isDefault,Values=true').Vpcs[0].VpcId
        $subnets = @((Invoke-AwsCli ec2 describe-subnets --filters "Name=vpc-id,Values=$vpc").Subnets.SubnetId)
        [pscustomobject]@{ VpcId = $vpc; SubnetIds = $subnets }
    }
}

Describe 'New-NumeraiStudioDomain' {
    Context 'on a fresh account' {
        BeforeAll {
            Reset-TestEmulator
            $script:PolicyArn = New-BucketPolicyWithCli
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $script:Domain = New-NumeraiStudioDomain -PolicyArn $script:PolicyArn
            $script:FirstRunWrites = Get-Operations -WriteOnly
            $script:Network = Get-DefaultNetwork
        }

        It 'creates the role, attaches both policies and creates the domain: exactly these writes' {
            $script:FirstRunWrites | Should -Be @('IAM CreateRole', 'IAM AttachRolePolicy', 'IAM AttachRolePolicy', 'SageMaker CreateDomain')
        }

        It 'creates one domain named numerai, found by the CLI' {
            $domains = @((Invoke-AwsCli sagemaker list-domains).Domains | Where-Object DomainName -eq 'numerai')
            $domains.Count | Should -Be 1
            $domains[0].DomainId | Should -Be $script:Domain.DomainId
            $domains[0].Status | Should -Be 'InService'
        }

        It 'puts the domain in the default VPC and its subnets, with IAM authentication and the execution role' {
            $network = $script:Network
            $described = Invoke-AwsCli sagemaker describe-domain --domain-id $script:Domain.DomainId
            $described.AuthMode | Should -Be 'IAM'
            $described.VpcId | Should -Be $network.VpcId
            @($described.SubnetIds | Sort-Object) | Should -Be @($network.SubnetIds | Sort-Object)
            $described.DefaultUserSettings.ExecutionRole | Should -Be $script:RoleArn
        }

        It 'tags the domain as managed, component studio-domain' {
            $tags = (Invoke-AwsCli sagemaker list-tags --resource-arn $script:Domain.DomainArn).Tags
            ($tags | Where-Object Key -eq 'numeraiaws:managed').Value | Should -Be 'true'
            ($tags | Where-Object Key -eq 'numeraiaws:component').Value | Should -Be 'studio-domain'
        }

        It 'creates the role under /numerai/, trusted by sagemaker.amazonaws.com' {
            $role = (Invoke-AwsCli iam get-role --role-name $script:RoleName).Role
            $role.Path | Should -Be '/numerai/'
            $role.Arn | Should -Be $script:RoleArn
            $statement = @($role.AssumeRolePolicyDocument.Statement)
            $statement.Count | Should -Be 1
            $statement[0].Effect | Should -Be 'Allow'
            $statement[0].Principal.Service | Should -Be 'sagemaker.amazonaws.com'
            $statement[0].Action | Should -Be 'sts:AssumeRole'
        }

        It 'attaches AmazonSageMakerFullAccess and the bucket policy, and nothing else' {
            $attached = (Invoke-AwsCli iam list-attached-role-policies --role-name $script:RoleName).AttachedPolicies.PolicyArn
            @($attached | Sort-Object) | Should -Be @(@($script:FullAccess, $script:PolicyArn) | Sort-Object)
        }

        It 'outputs the domain with the properties the next cmdlet binds' {
            $network = $script:Network
            $script:Domain.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiStudioDomain'
            $script:Domain.DomainId | Should -Be 'd-numerai'
            $script:Domain.DomainName | Should -Be 'numerai'
            $script:Domain.DomainArn | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:domain/d-numerai'
            $script:Domain.Status | Should -Be 'InService'
            $script:Domain.ExecutionRoleArn | Should -Be $script:RoleArn
            $script:Domain.AuthMode | Should -Be 'IAM'
            $script:Domain.VpcId | Should -Be $network.VpcId
            @($script:Domain.SubnetIds | Sort-Object) | Should -Be @($network.SubnetIds | Sort-Object)
            $script:Domain.Url | Should -Be 'numerai.us-east-1.sagemaker.test.com'
            $script:Domain.Created | Should -BeTrue
        }

        It 'makes no write call on the second run, and finds the same domain' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $again = New-NumeraiStudioDomain -PolicyArn $script:PolicyArn
            Get-WriteCallCount | Should -Be 0
            $again.DomainId | Should -Be $script:Domain.DomainId
            $again.Created | Should -BeFalse
            $again.Status | Should -Be 'InService'
            @((Invoke-AwsCli sagemaker list-domains).Domains).Count | Should -Be 1
        }

        It 'makes no write call with -WhatIf once everything is in place' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $whatIf = New-NumeraiStudioDomain -PolicyArn $script:PolicyArn -WhatIf
            Get-WriteCallCount | Should -Be 0
            $whatIf.DomainId | Should -Be $script:Domain.DomainId
        }

        It 'with -NoWait returns the current status after a single look' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $noWait = New-NumeraiStudioDomain -NoWait
            $noWait.Status | Should -Be 'InService'
            @(Get-Operations | Where-Object { $_ -eq 'SageMaker DescribeDomain' }).Count | Should -Be 1
        }

        It 'attaches a policy that is missing, and never detaches one the user added' {
            Invoke-AwsCli iam attach-role-policy --role-name $script:RoleName --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess | Out-Null
            Invoke-AwsCli iam detach-role-policy --role-name $script:RoleName --policy-arn $script:FullAccess | Out-Null
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            New-NumeraiStudioDomain | Out-Null
            Get-Operations -WriteOnly | Should -Be @('IAM AttachRolePolicy')
            $attached = (Invoke-AwsCli iam list-attached-role-policies --role-name $script:RoleName).AttachedPolicies.PolicyArn
            @($attached | Sort-Object) | Should -Be @(@($script:FullAccess, $script:PolicyArn, 'arn:aws:iam::aws:policy/ReadOnlyAccess') | Sort-Object)
        }
    }

    Context '-WhatIf on a fresh account' {
        BeforeAll { Reset-TestEmulator }

        It 'makes no write call, creates nothing and outputs nothing' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $output = New-NumeraiStudioDomain -WhatIf
            Get-WriteCallCount | Should -Be 0
            $output | Should -BeNullOrEmpty
            @((Invoke-AwsCli sagemaker list-domains).Domains).Count | Should -Be 0
            Test-AwsCliFails iam get-role --role-name $script:RoleName | Should -BeTrue
        }

        It 'does not read the attachments of a role it did not create' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            New-NumeraiStudioDomain -WhatIf | Out-Null
            Get-Operations | Should -Not -Contain 'IAM ListAttachedRolePolicies'
        }
    }

    Context 'pipeline binding' {
        BeforeAll {
            Reset-TestEmulator
            $script:PipedPolicyArn = New-BucketPolicyWithCli
        }

        It 'binds PolicyArn by name and hands DomainId on to New-NumeraiStudioUser' {
            $user = [pscustomobject]@{ PolicyArn = $script:PipedPolicyArn } | New-NumeraiStudioDomain | New-NumeraiStudioUser
            $user.DomainId | Should -Be 'd-numerai'
            $user.UserProfileName | Should -Be 'numerai-analyst'
            $user.Status | Should -Be 'InService'
            $attached = (Invoke-AwsCli iam list-attached-role-policies --role-name $script:RoleName).AttachedPolicies.PolicyArn
            $attached | Should -Contain $script:PipedPolicyArn
            (Invoke-AwsCli sagemaker describe-user-profile --domain-id d-numerai --user-profile-name numerai-analyst).Status | Should -Be 'InService'
        }

        It 'makes no write call when the pipeline runs again' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $user = [pscustomobject]@{ PolicyArn = $script:PipedPolicyArn } | New-NumeraiStudioDomain | New-NumeraiStudioUser
            Get-WriteCallCount | Should -Be 0
            $user.Created | Should -BeFalse
        }
    }

    Context 'an interrupted run: the role exists, the domain does not' {
        BeforeAll { Reset-TestEmulator }

        It 'keeps an equivalent trust policy written differently, attaches the policies and creates the domain' {
            # The same grant as the module's, spelt as the console or a person might: a Sid, a list, one statement object.
            $trust = '{"Version":"2012-10-17","Statement":{"Sid":"SageMaker","Effect":"Allow","Principal":{"Service":["sagemaker.amazonaws.com"]},"Action":["sts:AssumeRole"]}}'
            Invoke-AwsCli iam create-role --role-name $script:RoleName --path /numerai/ --assume-role-policy-document $trust | Out-Null
            Get-NumeraiAwsCallHistory -Clear | Out-Null

            $domain = New-NumeraiStudioDomain

            Get-Operations -WriteOnly | Should -Be @('IAM AttachRolePolicy', 'SageMaker CreateDomain')
            $domain.Created | Should -BeTrue
            $domain.ExecutionRoleArn | Should -Be $script:RoleArn
            @((Invoke-AwsCli sagemaker list-domains).Domains.DomainName) | Should -Be @('numerai')
            (Invoke-AwsCli iam list-attached-role-policies --role-name $script:RoleName).AttachedPolicies.PolicyArn | Should -Be $script:FullAccess
        }

        It 'then converges: the next run makes no write call' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            New-NumeraiStudioDomain | Out-Null
            Get-WriteCallCount | Should -Be 0
        }
    }

    Context 'a role that trusts something else' {
        BeforeAll { Reset-TestEmulator }

        It 'replaces the trust policy once, and only then' {
            $trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
            Invoke-AwsCli iam create-role --role-name $script:RoleName --path /numerai/ --assume-role-policy-document $trust | Out-Null
            Get-NumeraiAwsCallHistory -Clear | Out-Null

            New-NumeraiStudioDomain | Out-Null

            @(Get-Operations -WriteOnly | Where-Object { $_ -eq 'IAM UpdateAssumeRolePolicy' }).Count | Should -Be 1
            $role = (Invoke-AwsCli iam get-role --role-name $script:RoleName).Role
            @($role.AssumeRolePolicyDocument.Statement)[0].Principal.Service | Should -Be 'sagemaker.amazonaws.com'

            Get-NumeraiAwsCallHistory -Clear | Out-Null
            New-NumeraiStudioDomain | Out-Null
            Get-WriteCallCount | Should -Be 0
        }
    }

    Context 'an existing domain that differs' {
        BeforeAll { Reset-TestEmulator }

        It 'warns about its authentication mode, VPC and role and leaves it as it is' {
            Invoke-AwsCli sagemaker create-domain --domain-name numerai --auth-mode SSO --vpc-id vpc-0feedc0de0000001 `
                --subnet-ids subnet-0feedc0de0000001 --default-user-settings ExecutionRole=arn:aws:iam::123456789012:role/someone-elses | Out-Null
            Get-NumeraiAwsCallHistory -Clear | Out-Null

            $domain = New-NumeraiStudioDomain -WarningVariable warnings -WarningAction SilentlyContinue

            Get-Operations -WriteOnly | Should -Not -Contain 'SageMaker CreateDomain'
            Get-Operations | Should -Not -Match 'UpdateDomain|DeleteDomain'
            @($warnings).Count | Should -Be 3
            ($warnings -join "`n") | Should -Match 'uses AuthMode SSO, not IAM'
            ($warnings -join "`n") | Should -Match 'is in VPC vpc-0feedc0de0000001, not vpc-'
            ($warnings -join "`n") | Should -Match 'runs as arn:aws:iam::123456789012:role/someone-elses'
            $domain.VpcId | Should -Be 'vpc-0feedc0de0000001'
            $domain.ExecutionRoleArn | Should -Be 'arn:aws:iam::123456789012:role/someone-elses'
            $domain.Created | Should -BeFalse
            $described = Invoke-AwsCli sagemaker describe-domain --domain-id d-numerai
            $described.VpcId | Should -Be 'vpc-0feedc0de0000001'
            $described.AuthMode | Should -Be 'SSO'
        }
    }

    Context 'a region without a default VPC' {
        BeforeAll {
            Reset-TestEmulator
            $script:CliRegion = 'eu-west-3'
            $vpc = (Invoke-AwsCli ec2 describe-vpcs --filters 'Name=isDefault,Values=true').Vpcs[0].VpcId
            foreach ($subnet in (Invoke-AwsCli ec2 describe-subnets --filters "Name=vpc-id,Values=$vpc").Subnets.SubnetId) {
                Invoke-AwsCli ec2 delete-subnet --subnet-id $subnet | Out-Null
            }
            foreach ($gateway in (Invoke-AwsCli ec2 describe-internet-gateways --filters "Name=attachment.vpc-id,Values=$vpc").InternetGateways.InternetGatewayId) {
                Invoke-AwsCli ec2 detach-internet-gateway --internet-gateway-id $gateway --vpc-id $vpc | Out-Null
                Invoke-AwsCli ec2 delete-internet-gateway --internet-gateway-id $gateway | Out-Null
            }
            Invoke-AwsCli ec2 delete-vpc --vpc-id $vpc | Out-Null
        }
        AfterAll { $script:CliRegion = $null }

        It 'fails with NoDefaultVpc, a recommended action, and no write call' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $thrown = { New-NumeraiStudioDomain -Region eu-west-3 } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "NoDefaultVpc,$script:DomainCommand"
            $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $thrown.ErrorDetails.RecommendedAction | Should -Match 'create-default-vpc'
            $thrown.ErrorDetails.RecommendedAction | Should -Match '-VpcId and -SubnetId'
            Get-WriteCallCount | Should -Be 0
        }

        It 'uses -VpcId and -SubnetId instead' {
            $vpc = (Invoke-AwsCli ec2 create-vpc --cidr-block 10.20.0.0/16).Vpc.VpcId
            $subnet = (Invoke-AwsCli ec2 create-subnet --vpc-id $vpc --cidr-block 10.20.1.0/24).Subnet.SubnetId

            $domain = New-NumeraiStudioDomain -Region eu-west-3 -VpcId $vpc -SubnetId $subnet

            $domain.VpcId | Should -Be $vpc
            $domain.SubnetIds | Should -Be @($subnet)
            $described = Invoke-AwsCli sagemaker describe-domain --domain-id $domain.DomainId
            $described.VpcId | Should -Be $vpc
            $described.SubnetIds | Should -Be @($subnet)
        }
    }

    Context 'bad input' {
        It 'rejects <Case> with <Reason> before any AWS call' -ForEach @(
            @{ Case = 'a domain name with an underscore'; Reason = 'InvalidDomainName'; Splat = @{ Name = 'numerai_domain' } }
            @{ Case = 'a domain name ending in a hyphen'; Reason = 'InvalidDomainName'; Splat = @{ Name = 'numerai-' } }
            @{ Case = 'an empty domain name'; Reason = 'InvalidDomainName'; Splat = @{ Name = '' } }
            @{ Case = 'a role name with a space'; Reason = 'InvalidRoleName'; Splat = @{ ExecutionRoleName = 'numerai role' } }
            @{ Case = 'a role name of 65 characters'; Reason = 'InvalidRoleName'; Splat = @{ ExecutionRoleName = 'r' * 65 } }
            @{ Case = 'a policy ARN that is not one'; Reason = 'InvalidPolicyArn'; Splat = @{ PolicyArn = 'numerai-s3-bucket-access' } }
            @{ Case = 'a bucket ARN as policy'; Reason = 'InvalidPolicyArn'; Splat = @{ PolicyArn = 'arn:aws:s3:::numerai-bucket' } }
            @{ Case = '-VpcId without -SubnetId'; Reason = 'VpcAndSubnetsTogether'; Splat = @{ VpcId = 'vpc-0abc1234' } }
            @{ Case = 'a subnet id as VPC id'; Reason = 'InvalidVpcId'; Splat = @{ VpcId = 'subnet-0abc1234'; SubnetId = 'subnet-0abc1234' } }
            @{ Case = 'a VPC id as subnet id'; Reason = 'InvalidSubnetId'; Splat = @{ VpcId = 'vpc-0abc1234'; SubnetId = 'vpc-0abc1234' } }
            @{ Case = 'a zero timeout'; Reason = 'InvalidTimeout'; Splat = @{ TimeoutSeconds = 0 } }
        ) {
            $before = @(Get-NumeraiAwsCallHistory).Count
            $thrown = { New-NumeraiStudioDomain @Splat } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:DomainCommand"
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            @(Get-NumeraiAwsCallHistory).Count | Should -Be $before
        }
    }
}

Describe 'New-NumeraiStudioUser' {
    BeforeAll {
        Reset-TestEmulator
        $script:DomainId = (New-NumeraiStudioDomain).DomainId
    }

    Context 'a new profile' {
        BeforeAll {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $script:User = New-NumeraiStudioUser -DomainId $script:DomainId
            $script:UserCalls = Get-Operations
        }

        It 'creates the profile named numerai-analyst, found by the CLI' {
            $profile = Invoke-AwsCli sagemaker describe-user-profile --domain-id $script:DomainId --user-profile-name numerai-analyst
            $profile.Status | Should -Be 'InService'
            $profile.UserProfileArn | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-numerai/numerai-analyst'
        }

        It 'looks, creates, then waits until InService' {
            $script:UserCalls | Should -Be @('SageMaker DescribeUserProfile', 'SageMaker CreateUserProfile', 'SageMaker DescribeUserProfile', 'SageMaker DescribeUserProfile')
        }

        It 'outputs the profile' {
            $script:User.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiStudioUser'
            $script:User.DomainId | Should -Be $script:DomainId
            $script:User.UserProfileName | Should -Be 'numerai-analyst'
            $script:User.UserProfileArn | Should -Be 'arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-numerai/numerai-analyst'
            $script:User.Status | Should -Be 'InService'
            $script:User.Created | Should -BeTrue
        }

        It 'makes no write call on the second run' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $again = New-NumeraiStudioUser -DomainId $script:DomainId
            Get-WriteCallCount | Should -Be 0
            $again.Created | Should -BeFalse
            $again.Status | Should -Be 'InService'
            @((Invoke-AwsCli sagemaker list-user-profiles --domain-id-equals $script:DomainId).UserProfiles).Count | Should -Be 1
        }
    }

    It 'makes no write call with -WhatIf, and creates nothing' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $output = New-NumeraiStudioUser -DomainId $script:DomainId -Name numerai-whatif -WhatIf
        Get-WriteCallCount | Should -Be 0
        $output | Should -BeNullOrEmpty
        Test-AwsCliFails sagemaker describe-user-profile --domain-id $script:DomainId --user-profile-name numerai-whatif | Should -BeTrue
    }

    It 'with -NoWait returns Pending at once' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $user = New-NumeraiStudioUser -DomainId $script:DomainId -Name numerai-nowait -NoWait
        $user.Status | Should -Be 'Pending'
        $user.Created | Should -BeTrue
        Get-Operations | Should -Be @('SageMaker DescribeUserProfile', 'SageMaker CreateUserProfile', 'SageMaker DescribeUserProfile')
    }

    It 'waits for a Pending profile it finds, instead of creating another' {
        # Made elsewhere (here: the CLI) and still Pending: the host reports InService on its second Describe.
        Invoke-AwsCli sagemaker create-user-profile --domain-id $script:DomainId --user-profile-name numerai-elsewhere | Out-Null
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $user = New-NumeraiStudioUser -DomainId $script:DomainId -Name numerai-elsewhere
        $user.Status | Should -Be 'InService'
        $user.Created | Should -BeFalse
        Get-Operations | Should -Be @('SageMaker DescribeUserProfile', 'SageMaker DescribeUserProfile')
    }

    It 'reports progress while it waits' {
        # Progress cannot be redirected like the other streams; a runspace of its own collects the records.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddArgument((Join-Path $PSScriptRoot '../../NumeraiAws.psd1')).AddStatement().
                AddCommand('New-NumeraiStudioUser').AddParameter('DomainId', $script:DomainId).AddParameter('Name', 'numerai-progress')
            $output = $shell.Invoke()
            $progress = @($shell.Streams.Progress)
        }
        finally { $shell.Dispose() }
        $output[0].Status | Should -Be 'InService'
        $waiting = @($progress | Where-Object { $_.RecordType -eq 'Processing' })
        $waiting.Count | Should -BeGreaterThan 0
        $waiting[0].Activity | Should -Be "Waiting for SageMaker user profile 'numerai-progress' in $script:DomainId to be InService"
        $waiting[0].StatusDescription | Should -Match '^Status Pending; \d+(\.\d)? s elapsed, checking again in 1 s \(gives up after 900 s\)$'
        @($progress | Where-Object { $_.RecordType -eq 'Completed' }).Count | Should -Be 1
    }

    It 'reports a Failed profile with the FailureReason AWS gives' {
        Invoke-RestMethod -Method Post -Uri "$env:NUMERAIAWS_TEST_ENDPOINT/_contract/sagemaker/fail-next-user-profile" `
            -ContentType 'application/json' -Body '{"FailureReason":"ResourceLimitExceeded: the account has no quota left for user profiles"}' | Out-Null
        $thrown = { New-NumeraiStudioUser -DomainId $script:DomainId -Name numerai-failing } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "UserProfileFailed,$script:UserCommand"
        $thrown.Exception.Message | Should -Match 'failed: ResourceLimitExceeded: the account has no quota left for user profiles'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'delete-user-profile --domain-id d-numerai --user-profile-name numerai-failing'

        # Re-running finds the failed profile and says so again, without writing.
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $again = { New-NumeraiStudioUser -DomainId $script:DomainId -Name numerai-failing } | Should -Throw -PassThru
        $again.FullyQualifiedErrorId | Should -Be "UserProfileFailed,$script:UserCommand"
        Get-WriteCallCount | Should -Be 0
    }

    It 'says DomainNotFound for a domain that does not exist' {
        $thrown = { New-NumeraiStudioUser -DomainId d-nosuchdomain } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "DomainNotFound,$script:UserCommand"
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'New-NumeraiStudioDomain'
    }

    It 'rejects <Case> with <Reason> before any AWS call' -ForEach @(
        @{ Case = 'a profile name with an underscore'; Reason = 'InvalidUserProfileName'; Splat = @{ DomainId = 'd-numerai'; Name = 'numerai_analyst' } }
        @{ Case = 'a profile name of 64 characters'; Reason = 'InvalidUserProfileName'; Splat = @{ DomainId = 'd-numerai'; Name = 'a' * 64 } }
        @{ Case = 'a domain name as domain id'; Reason = 'InvalidDomainId'; Splat = @{ DomainId = 'numerai' } }
        @{ Case = 'an upper-case domain id'; Reason = 'InvalidDomainId'; Splat = @{ DomainId = 'd-NUMERAI' } }
        @{ Case = 'a negative timeout'; Reason = 'InvalidTimeout'; Splat = @{ DomainId = 'd-numerai'; TimeoutSeconds = -1 } }
    ) {
        $before = @(Get-NumeraiAwsCallHistory).Count
        $thrown = { New-NumeraiStudioUser @Splat } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:UserCommand"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-NumeraiAwsCallHistory).Count | Should -Be $before
    }
}
