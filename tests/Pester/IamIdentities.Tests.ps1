# New-NumeraiBucketPolicy, New-NumeraiAnalystGroup, New-NumeraiAnalystUser and New-NumeraiAdminUser against the
# emulator: what they leave behind (checked with the AWS CLI), re-runs without writes, -WhatIf, bad input before any
# AWS call, and entities of the same name that NumeraiAws did not make.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession

    $script:Account = '123456789012'
    $script:PolicyArn = "arn:aws:iam::$($script:Account):policy/numerai/numerai-s3-bucket-access"
    $script:Password = ConvertTo-SecureString 'Analyst-Initial-Pa55!' -AsPlainText -Force

    # The AWS CLI as an independent check of what the cmdlets left behind; JSON output as objects.
    function Invoke-Aws {
        $stderr = New-TemporaryFile
        try {
            $output = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @args 2> $stderr
            if ($LASTEXITCODE -ne 0) { throw "aws $args failed: $(Get-Content $stderr -Raw)" }
            if ($output) { ($output -join "`n") | ConvertFrom-Json }
        }
        finally { Remove-Item $stderr }
    }

    # True when the CLI call succeeds (the entity exists), false when AWS answers an error.
    function Test-Aws {
        & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @args 2>&1 | Out-Null
        $LASTEXITCODE -eq 0
    }

    function Get-CallCount { @(Get-NumeraiAwsCallHistory).Count }

    function Get-PolicyDocument([string] $Arn, [string] $VersionId) {
        (Invoke-Aws iam get-policy-version --policy-arn $Arn --version-id $VersionId).PolicyVersion.Document
    }
}

Describe 'New-NumeraiBucketPolicy' {
    BeforeAll {
        Reset-TestEmulator
        Invoke-Aws s3api create-bucket --bucket numerai-policy-one | Out-Null
        $script:CommandType = 'NumeraiAws.Commands.NewNumeraiBucketPolicyCommand'
    }

    It 'creates the policy under /numerai/ with exactly the analyst''s S3 actions on the bucket' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $policy = New-NumeraiBucketPolicy -BucketName numerai-policy-one
        $policy.PolicyName | Should -Be 'numerai-s3-bucket-access'
        $policy.PolicyArn | Should -Be $script:PolicyArn
        $policy.Path | Should -Be '/numerai/'
        $policy.BucketName | Should -Be 'numerai-policy-one'
        $policy.DefaultVersionId | Should -Be 'v1'
        $policy.Created | Should -BeTrue
        $policy.Changed | Should -Be @('Policy')
        $policy.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiBucketPolicy'
        Get-WriteCallCount | Should -Be 1

        $iamPolicy = (Invoke-Aws iam get-policy --policy-arn $script:PolicyArn).Policy
        $iamPolicy.Path | Should -Be '/numerai/'
        $iamPolicy.DefaultVersionId | Should -Be 'v1'
        $document = Get-PolicyDocument $script:PolicyArn v1
        $document.Version | Should -Be '2012-10-17'
        $statements = @($document.Statement)
        $statements.Count | Should -Be 2
        $bucket = $statements | Where-Object Resource -EQ 'arn:aws:s3:::numerai-policy-one'
        $objects = $statements | Where-Object Resource -EQ 'arn:aws:s3:::numerai-policy-one/*'
        $bucket.Effect | Should -Be 'Allow'
        @($bucket.Action | Sort-Object) | Should -Be @('s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads')
        $objects.Effect | Should -Be 'Allow'
        @($objects.Action | Sort-Object) | Should -Be @('s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject')
        $tags = (Invoke-Aws iam list-policy-tags --policy-arn $script:PolicyArn).Tags
        ($tags | Where-Object Key -EQ 'numeraiaws:managed').Value | Should -Be 'true'
    }

    It 'makes no write call on a second run' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $policy = New-NumeraiBucketPolicy -BucketName numerai-policy-one
        Get-WriteCallCount | Should -Be 0
        $policy.Created | Should -BeFalse
        $policy.Changed | Should -BeNullOrEmpty
        $policy.DefaultVersionId | Should -Be 'v1'
        $policy.PolicyArn | Should -Be $script:PolicyArn
    }

    It 'sees a reformatted document with the same meaning as unchanged' {
        # Statements, actions and members in another order, a single action as a list, pretty-printed.
        $same = @'
{
  "Statement": [
    { "Resource": ["arn:aws:s3:::numerai-policy-one/*"], "Effect": "Allow", "Sid": "ReadWriteNumeraiObjects",
      "Action": ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:DeleteObject", "s3:AbortMultipartUpload"] },
    { "Sid": "ListTheNumeraiBucket", "Effect": "Allow", "Resource": "arn:aws:s3:::numerai-policy-one",
      "Action": ["s3:ListBucketMultipartUploads", "s3:ListBucket", "s3:GetBucketLocation"] }
  ],
  "Version": "2012-10-17"
}
'@
        $file = Join-Path $TestDrive 'same.json'
        Set-Content -Path $file -Value $same
        Invoke-Aws iam create-policy-version --policy-arn $script:PolicyArn --policy-document "file://$file" --set-as-default | Out-Null

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $policy = New-NumeraiBucketPolicy -BucketName numerai-policy-one
        Get-WriteCallCount | Should -Be 0
        $policy.DefaultVersionId | Should -Be 'v2'
    }

    It 'makes a new default version for another bucket' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $policy = New-NumeraiBucketPolicy -BucketName numerai-policy-two
        $policy.Changed | Should -Be @('PolicyVersion v3')
        $policy.DefaultVersionId | Should -Be 'v3'
        $policy.Created | Should -BeFalse
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('CreatePolicyVersion')
        (Invoke-Aws iam get-policy --policy-arn $script:PolicyArn).Policy.DefaultVersionId | Should -Be 'v3'
        @((Get-PolicyDocument $script:PolicyArn v3).Statement.Resource | Sort-Object) |
            Should -Be @('arn:aws:s3:::numerai-policy-two', 'arn:aws:s3:::numerai-policy-two/*')
    }

    It 'deletes the oldest non-default version first when the policy has IAM''s five' {
        $other = Join-Path $TestDrive 'other.json'
        Set-Content -Path $other -Value '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::elsewhere/*"}]}'
        Invoke-Aws iam create-policy-version --policy-arn $script:PolicyArn --policy-document "file://$other" | Out-Null   # v4
        Invoke-Aws iam create-policy-version --policy-arn $script:PolicyArn --policy-document "file://$other" | Out-Null   # v5
        @((Invoke-Aws iam list-policy-versions --policy-arn $script:PolicyArn).Versions).Count | Should -Be 5

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $policy = New-NumeraiBucketPolicy -BucketName numerai-policy-one
        $policy.Changed | Should -Be @('DeletedVersion v1', 'PolicyVersion v6')
        $policy.DefaultVersionId | Should -Be 'v6'
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('DeletePolicyVersion', 'CreatePolicyVersion')
        $versions = (Invoke-Aws iam list-policy-versions --policy-arn $script:PolicyArn).Versions
        @($versions.VersionId | Sort-Object) | Should -Be @('v2', 'v3', 'v4', 'v5', 'v6')
        ($versions | Where-Object IsDefaultVersion).VersionId | Should -Be 'v6'
    }

    It 'makes no write call with -WhatIf, for a new policy and for a new version' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $new = New-NumeraiBucketPolicy -BucketName numerai-policy-one -Name numerai-whatif-policy -WhatIf
        $changed = New-NumeraiBucketPolicy -BucketName numerai-policy-three -WhatIf
        Get-WriteCallCount | Should -Be 0
        $new.Created | Should -BeFalse
        $new.DefaultVersionId | Should -BeNullOrEmpty
        $changed.DefaultVersionId | Should -Be 'v6'
        Test-Aws iam get-policy --policy-arn "arn:aws:iam::$($script:Account):policy/numerai/numerai-whatif-policy" | Should -BeFalse
        (Invoke-Aws iam get-policy --policy-arn $script:PolicyArn).Policy.DefaultVersionId | Should -Be 'v6'
    }

    It 'leaves a policy of the same name outside /numerai/ alone and says to use -Name' {
        $document = Join-Path $TestDrive 'theirs.json'
        Set-Content -Path $document -Value '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}'
        $theirs = (Invoke-Aws iam create-policy --policy-name team-data-access --policy-document "file://$document").Policy

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiBucketPolicy -BucketName numerai-policy-one -Name team-data-access } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "PolicyNameInUse,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'ResourceExists'
        $thrown.Exception.Message | Should -Match ([regex]::Escape($theirs.Arn))
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-Name'
        Get-WriteCallCount | Should -Be 0
        (Invoke-Aws iam get-policy --policy-arn $theirs.Arn).Policy.DefaultVersionId | Should -Be 'v1'
    }

    It 'rejects <Case> before any AWS call' -ForEach @(
        @{ Case = 'a bucket name with capitals'; Bucket = 'Numerai_Data'; Name = 'numerai-s3-bucket-access'; Reason = 'InvalidBucketName' }
        @{ Case = 'a bucket name too short'; Bucket = 'nd'; Name = 'numerai-s3-bucket-access'; Reason = 'InvalidBucketName' }
        @{ Case = 'a policy name with a space'; Bucket = 'numerai-policy-one'; Name = 'numerai policy'; Reason = 'InvalidPolicyName' }
        @{ Case = 'a policy name of 129 characters'; Bucket = 'numerai-policy-one'; Name = ('p' * 129); Reason = 'InvalidPolicyName' }
        @{ Case = 'a policy name with a slash'; Bucket = 'numerai-policy-one'; Name = 'numerai/policy'; Reason = 'InvalidPolicyName' }
    ) {
        $before = Get-CallCount
        $thrown = { New-NumeraiBucketPolicy -BucketName $Bucket -Name $Name } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CallCount | Should -Be $before
    }

    It 'binds BucketName from piped objects' {
        $policy = [pscustomobject]@{ BucketName = 'numerai-piped'; Region = 'us-east-1' } | New-NumeraiBucketPolicy -Name numerai-piped-access
        $policy.BucketName | Should -Be 'numerai-piped'
        $policy.Created | Should -BeTrue
        @((Get-PolicyDocument $policy.PolicyArn v1).Statement.Resource) | Should -Contain 'arn:aws:s3:::numerai-piped'
    }
}

Describe 'New-NumeraiAnalystGroup' {
    BeforeAll {
        Reset-TestEmulator
        $script:CommandType = 'NumeraiAws.Commands.NewNumeraiAnalystGroupCommand'
        $script:SageMaker = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess'
        $script:CodeCommit = 'arn:aws:iam::aws:policy/AWSCodeCommitPowerUser'
        $script:Policy = New-NumeraiBucketPolicy -BucketName numerai-group-data
    }

    It 'creates the group under /numerai/ with SageMaker, CodeCommit and the piped bucket policy' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $group = $script:Policy | New-NumeraiAnalystGroup
        $group.GroupName | Should -Be 'numerai-analysts'
        $group.GroupArn | Should -Be "arn:aws:iam::$($script:Account):group/numerai/numerai-analysts"
        $group.Path | Should -Be '/numerai/'
        $group.Created | Should -BeTrue
        $group.AttachedPolicyArns | Should -Be @($script:PolicyArn, $script:CodeCommit, $script:SageMaker)
        $group.Changed | Should -Be @('Group', "Attached $script:SageMaker", "Attached $script:CodeCommit", "Attached $script:PolicyArn")
        $group.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiIamGroup'
        Get-WriteCallCount | Should -Be 4

        (Invoke-Aws iam get-group --group-name numerai-analysts).Group.Path | Should -Be '/numerai/'
        $attached = (Invoke-Aws iam list-attached-group-policies --group-name numerai-analysts).AttachedPolicies.PolicyArn
        @($attached | Sort-Object) | Should -Be @(@($script:PolicyArn, $script:CodeCommit, $script:SageMaker) | Sort-Object)
    }

    It 'makes no write call on a second run' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $group = $script:Policy | New-NumeraiAnalystGroup
        Get-WriteCallCount | Should -Be 0
        $group.Created | Should -BeFalse
        $group.Changed | Should -BeNullOrEmpty
        $group.AttachedPolicyArns.Count | Should -Be 3
    }

    It 'attaches only what is missing and never detaches a policy someone else attached' {
        Invoke-Aws iam detach-group-policy --group-name numerai-analysts --policy-arn $script:CodeCommit | Out-Null
        Invoke-Aws iam attach-group-policy --group-name numerai-analysts --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess | Out-Null

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $group = $script:Policy | New-NumeraiAnalystGroup
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('AttachGroupPolicy')
        $group.Changed | Should -Be @("Attached $script:CodeCommit")
        $attached = @((Invoke-Aws iam list-attached-group-policies --group-name numerai-analysts).AttachedPolicies.PolicyArn)
        $attached.Count | Should -Be 4
        $attached | Should -Contain 'arn:aws:iam::aws:policy/ReadOnlyAccess'
        $attached | Should -Contain $script:CodeCommit
        $group.AttachedPolicyArns | Should -Contain 'arn:aws:iam::aws:policy/ReadOnlyAccess'
    }

    It 'attaches -AdditionalPolicyArn too' {
        $athena = 'arn:aws:iam::aws:policy/AmazonAthenaFullAccess'
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $group = New-NumeraiAnalystGroup -AdditionalPolicyArn $athena
        $group.Changed | Should -Be @("Attached $athena")
        Get-WriteCallCount | Should -Be 1
        (Invoke-Aws iam list-attached-group-policies --group-name numerai-analysts).AttachedPolicies.PolicyArn | Should -Contain $athena
    }

    It 'makes no write call with -WhatIf and reads nothing of a group that does not exist' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $group = $script:Policy | New-NumeraiAnalystGroup -Name numerai-whatif-group -WhatIf
        Get-WriteCallCount | Should -Be 0
        (Get-NumeraiAwsCallHistory).Operation | Should -Not -Contain 'ListAttachedGroupPolicies'
        $group.Created | Should -BeFalse
        $group.GroupArn | Should -BeNullOrEmpty
        Test-Aws iam get-group --group-name numerai-whatif-group | Should -BeFalse
    }

    It 'leaves a group of the same name outside /numerai/ alone' {
        Invoke-Aws iam create-group --group-name data-team | Out-Null
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiAnalystGroup -Name data-team } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "GroupNameInUse,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'ResourceExists'
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-Name'
        Get-WriteCallCount | Should -Be 0
        (Invoke-Aws iam list-attached-group-policies --group-name data-team).AttachedPolicies | Should -BeNullOrEmpty
    }

    It 'rejects <Case> before any AWS call' -ForEach @(
        @{ Case = 'a group name with a space'; Arguments = @{ Name = 'numerai analysts' }; Reason = 'InvalidGroupName' }
        @{ Case = 'a group name of 65 characters'; Arguments = @{ Name = ('g' * 65) }; Reason = 'InvalidGroupName' }
        @{ Case = 'a policy ARN that is not one'; Arguments = @{ PolicyArn = 'numerai-s3-bucket-access' }; Reason = 'InvalidPolicyArn' }
        @{ Case = 'an S3 ARN as an additional policy'; Arguments = @{ AdditionalPolicyArn = 'arn:aws:s3:::numerai-data' }; Reason = 'InvalidPolicyArn' }
    ) {
        $before = Get-CallCount
        $thrown = { New-NumeraiAnalystGroup @Arguments } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CallCount | Should -Be $before
    }
}

Describe 'New-NumeraiAnalystUser' {
    BeforeAll {
        Reset-TestEmulator
        $script:CommandType = 'NumeraiAws.Commands.NewNumeraiAnalystUserCommand'
        $script:Group = New-NumeraiAnalystGroup
    }

    It 'creates the user under /numerai/ in the piped group with console access and no policy of its own' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $user = $script:Group | New-NumeraiAnalystUser -ConsolePassword $script:Password
        $user.UserName | Should -Be 'numerai-analyst'
        $user.UserArn | Should -Be "arn:aws:iam::$($script:Account):user/numerai/numerai-analyst"
        $user.Path | Should -Be '/numerai/'
        $user.GroupName | Should -Be 'numerai-analysts'
        $user.ConsoleAccess | Should -BeTrue
        $user.SignInUrl | Should -Be "https://$($script:Account).signin.aws.amazon.com/console"
        $user.GeneratedPassword | Should -BeNullOrEmpty
        $user.Created | Should -BeTrue
        $user.Changed | Should -Be @('User', 'GroupMembership', 'LoginProfile')
        $user.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiIamUser'
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('CreateUser', 'AddUserToGroup', 'CreateLoginProfile')

        $iamUser = (Invoke-Aws iam get-user --user-name numerai-analyst).User
        $iamUser.Path | Should -Be '/numerai/'
        ($iamUser.Tags | Where-Object Key -EQ 'numeraiaws:component').Value | Should -Be 'analyst-user'
        (Invoke-Aws iam list-groups-for-user --user-name numerai-analyst).Groups.GroupName | Should -Be @('numerai-analysts')
        (Invoke-Aws iam get-login-profile --user-name numerai-analyst).LoginProfile.UserName | Should -Be 'numerai-analyst'
        (Invoke-Aws iam list-attached-user-policies --user-name numerai-analyst).AttachedPolicies | Should -BeNullOrEmpty
        (Invoke-Aws iam list-user-policies --user-name numerai-analyst).PolicyNames | Should -BeNullOrEmpty
    }

    It 'makes no write call on a second run, and never resets an existing console password' {
        $other = ConvertTo-SecureString 'Another-Pa55word!' -AsPlainText -Force
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $user = $script:Group | New-NumeraiAnalystUser -ConsolePassword $other
        Get-WriteCallCount | Should -Be 0
        $user.Created | Should -BeFalse
        $user.Changed | Should -BeNullOrEmpty
        $user.ConsoleAccess | Should -BeTrue
        (Get-NumeraiAwsCallHistory).Operation | Should -Not -Contain 'GetAccountPasswordPolicy'
    }

    It 'creates no console access without a password option, and leaves an existing one alone' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $api = New-NumeraiAnalystUser -Name numerai-api-only
        $api.ConsoleAccess | Should -BeFalse
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('CreateUser', 'AddUserToGroup')
        Test-Aws iam get-login-profile --user-name numerai-api-only | Should -BeFalse

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $existing = New-NumeraiAnalystUser
        $existing.ConsoleAccess | Should -BeTrue
        Get-WriteCallCount | Should -Be 0
    }

    It 'converges after an interrupted run: adds what is missing to a user that exists' {
        Invoke-Aws iam create-user --user-name numerai-half --path /numerai/ | Out-Null
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $user = New-NumeraiAnalystUser -Name numerai-half -ConsolePassword $script:Password
        $user.Created | Should -BeFalse
        $user.Changed | Should -Be @('GroupMembership', 'LoginProfile')
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('AddUserToGroup', 'CreateLoginProfile')
        (Invoke-Aws iam list-groups-for-user --user-name numerai-half).Groups.GroupName | Should -Be @('numerai-analysts')
    }

    It 'generates a strong password, returns it once as a SecureString, and none on a second run' {
        $user = New-NumeraiAnalystUser -Name numerai-generated -GeneratePassword
        $user.GeneratedPassword | Should -BeOfType [securestring]
        $plain = $user.GeneratedPassword | ConvertFrom-SecureString -AsPlainText
        $plain.Length | Should -Be 24
        $plain | Should -MatchExactly '[A-Z]'
        $plain | Should -MatchExactly '[a-z]'
        $plain | Should -Match '[0-9]'
        $plain | Should -Match "[!@#$%^&*()_+\-=\[\]{}|']"
        ($user | Out-String) | Should -Not -Match ([regex]::Escape($plain))
        Test-Aws iam get-login-profile --user-name numerai-generated | Should -BeTrue

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $again = New-NumeraiAnalystUser -Name numerai-generated -GeneratePassword
        $again.GeneratedPassword | Should -BeNullOrEmpty
        Get-WriteCallCount | Should -Be 0
    }

    It 'generates a password as long as a stricter account policy asks' {
        Invoke-Aws iam update-account-password-policy --minimum-password-length 40 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters | Out-Null
        try {
            $user = New-NumeraiAnalystUser -Name numerai-long -GeneratePassword
            ($user.GeneratedPassword | ConvertFrom-SecureString -AsPlainText).Length | Should -Be 40
        }
        finally { Invoke-Aws iam delete-account-password-policy | Out-Null }
    }

    It 'rejects a password that breaks AWS''s default policy before any write, without showing it' {
        $weak = ConvertTo-SecureString 'lowercaseonly' -AsPlainText -Force
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiAnalystUser -Name numerai-weak -ConsolePassword $weak } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'PasswordPolicyViolation,NumeraiAws.Commands.NewNumeraiAnalystUserCommand'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'at least 3 of: uppercase letters, lowercase letters, digits, symbols'
        $thrown.Exception.Message | Should -Match 'default password policy'
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-GeneratePassword'
        ($thrown | Out-String) + $thrown.Exception.Message + $thrown.ErrorDetails.Message | Should -Not -Match 'lowercaseonly'
        Get-WriteCallCount | Should -Be 0
        Test-Aws iam get-user --user-name numerai-weak | Should -BeFalse
    }

    It 'checks the password against the account''s own policy' {
        Invoke-Aws iam update-account-password-policy --minimum-password-length 20 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters | Out-Null
        try {
            $short = ConvertTo-SecureString 'Short-Pa55!' -AsPlainText -Force
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $thrown = { New-NumeraiAnalystUser -Name numerai-short -ConsolePassword $short } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be 'PasswordPolicyViolation,NumeraiAws.Commands.NewNumeraiAnalystUserCommand'
            $thrown.Exception.Message | Should -Match "the account's password policy: it must be at least 20 characters long\."
            $thrown.Exception.Message | Should -Not -Match 'Short-Pa55'
            Get-WriteCallCount | Should -Be 0

            $noSymbol = ConvertTo-SecureString 'LongEnoughButNoSymbol123' -AsPlainText -Force
            $thrown = { New-NumeraiAnalystUser -Name numerai-short -ConsolePassword $noSymbol } | Should -Throw -PassThru
            $thrown.Exception.Message | Should -Match 'it must contain a symbol'
            Get-WriteCallCount | Should -Be 0
        }
        finally { Invoke-Aws iam delete-account-password-policy | Out-Null }
    }

    It 'uses the account alias in the sign-in URL when there is one' {
        Invoke-Aws iam create-account-alias --account-alias numerai-lab | Out-Null
        try {
            (New-NumeraiAnalystUser).SignInUrl | Should -Be 'https://numerai-lab.signin.aws.amazon.com/console'
        }
        finally { Invoke-Aws iam delete-account-alias --account-alias numerai-lab | Out-Null }
    }

    It 'makes no write call with -WhatIf and reads nothing of a user that does not exist' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $user = New-NumeraiAnalystUser -Name numerai-whatif-user -ConsolePassword $script:Password -WhatIf
        Get-WriteCallCount | Should -Be 0
        $operations = (Get-NumeraiAwsCallHistory).Operation
        $operations | Should -Not -Contain 'ListGroupsForUser'
        $operations | Should -Not -Contain 'GetLoginProfile'
        $user.Created | Should -BeFalse
        $user.ConsoleAccess | Should -BeFalse
        Test-Aws iam get-user --user-name numerai-whatif-user | Should -BeFalse
    }

    It 'leaves a user of the same name outside /numerai/ alone' {
        Invoke-Aws iam create-user --user-name someone | Out-Null
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiAnalystUser -Name someone -ConsolePassword $script:Password } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "UserNameInUse,$script:CommandType"
        Get-WriteCallCount | Should -Be 0
        Test-Aws iam get-login-profile --user-name someone | Should -BeFalse
    }

    It 'rejects <Case> before any AWS call' -ForEach @(
        @{ Case = 'a user name with a space'; Arguments = @{ Name = 'numerai analyst' }; Reason = 'InvalidUserName' }
        @{ Case = 'a user name of 65 characters'; Arguments = @{ Name = ('u' * 65) }; Reason = 'InvalidUserName' }
        @{ Case = 'a user name with a non-ASCII letter'; Arguments = @{ Name = 'numerai-analystë' }; Reason = 'InvalidUserName' }
        @{ Case = 'a group name with a slash'; Arguments = @{ GroupName = 'numerai/analysts' }; Reason = 'InvalidGroupName' }
        @{ Case = 'both password options'; Arguments = @{ GeneratePassword = $true; ConsolePassword = (ConvertTo-SecureString 'Analyst-Initial-Pa55!' -AsPlainText -Force) }; Reason = 'ConflictingPasswordOptions' }
    ) {
        $before = Get-CallCount
        $thrown = { New-NumeraiAnalystUser @Arguments } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CallCount | Should -Be $before
    }
}

Describe 'New-NumeraiAdminUser' {
    BeforeAll {
        Reset-TestEmulator
        $script:CommandType = 'NumeraiAws.Commands.NewNumeraiAdminUserCommand'
    }

    It 'creates Administrators with AdministratorAccess and the administrator in it, with console access' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $admin = New-NumeraiAdminUser -ConsolePassword $script:Password
        $admin.UserName | Should -Be 'numerai-admin'
        $admin.UserArn | Should -Be "arn:aws:iam::$($script:Account):user/numerai/numerai-admin"
        $admin.GroupName | Should -Be 'Administrators'
        $admin.ConsoleAccess | Should -BeTrue
        $admin.Changed | Should -Be @('User', 'GroupMembership', 'LoginProfile')
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('CreateGroup', 'AttachGroupPolicy', 'CreateUser', 'AddUserToGroup', 'CreateLoginProfile')

        (Invoke-Aws iam get-group --group-name Administrators).Group.Path | Should -Be '/numerai/'
        (Invoke-Aws iam list-attached-group-policies --group-name Administrators).AttachedPolicies.PolicyArn |
            Should -Be @('arn:aws:iam::aws:policy/AdministratorAccess')
        (Invoke-Aws iam list-groups-for-user --user-name numerai-admin).Groups.GroupName | Should -Be @('Administrators')
        (Invoke-Aws iam get-login-profile --user-name numerai-admin).LoginProfile.UserName | Should -Be 'numerai-admin'
        (Invoke-Aws iam list-attached-user-policies --user-name numerai-admin).AttachedPolicies | Should -BeNullOrEmpty
    }

    It 'makes no write call on a second run' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $admin = New-NumeraiAdminUser -GeneratePassword
        Get-WriteCallCount | Should -Be 0
        $admin.GeneratedPassword | Should -BeNullOrEmpty
        $admin.Changed | Should -BeNullOrEmpty
    }

    It 'checks the password before it creates the group' {
        $weak = ConvertTo-SecureString 'Admin1' -AsPlainText -Force
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiAdminUser -Name second-admin -GroupName SecondAdmins -ConsolePassword $weak } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "PasswordPolicyViolation,$script:CommandType"
        $thrown.Exception.Message | Should -Match 'at least 8 characters long'
        $thrown.Exception.Message | Should -Not -Match 'Admin1'
        Get-WriteCallCount | Should -Be 0
        Test-Aws iam get-group --group-name SecondAdmins | Should -BeFalse
    }

    It 'makes no write call with -WhatIf' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $admin = New-NumeraiAdminUser -Name other-admin -GroupName OtherAdmins -GeneratePassword -WhatIf
        Get-WriteCallCount | Should -Be 0
        $admin.GeneratedPassword | Should -BeNullOrEmpty
        Test-Aws iam get-group --group-name OtherAdmins | Should -BeFalse
        Test-Aws iam get-user --user-name other-admin | Should -BeFalse
    }

    It 'returns a generated password for a new administrator' {
        $admin = New-NumeraiAdminUser -Name third-admin -GeneratePassword
        ($admin.GeneratedPassword | ConvertFrom-SecureString -AsPlainText).Length | Should -Be 24
        $admin.GroupName | Should -Be 'Administrators'
    }

    It 'rejects <Case> before any AWS call' -ForEach @(
        @{ Case = 'a user name with a colon'; Arguments = @{ Name = 'admin:root' }; Reason = 'InvalidUserName' }
        @{ Case = 'an empty-looking group name'; Arguments = @{ GroupName = ' ' }; Reason = 'InvalidGroupName' }
    ) {
        $before = Get-CallCount
        $thrown = { New-NumeraiAdminUser @Arguments } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:CommandType"
        Get-CallCount | Should -Be $before
    }
}
