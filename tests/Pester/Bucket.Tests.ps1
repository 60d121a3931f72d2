# New-NumeraiBucket against the emulator: what a first run creates and sets (checked independently with the AWS
# CLI), that a second run and -WhatIf write nothing, that the user's own settings survive, region quirks, naming
# rules, and the errors for names that are taken or buckets that are ambiguous.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    $script:CommandType = 'NumeraiAws.Commands.NewNumeraiBucketCommand'
    $script:AllChanges = @('Bucket', 'PublicAccessBlock', 'OwnershipControls', 'Encryption', 'Versioning', 'Lifecycle', 'Policy', 'Tags')

    # The AWS CLI, as a second opinion on what the module did. Returns the parsed JSON output (or nothing).
    function Invoke-S3Api {
        param(
            [Parameter(Mandatory)] [string] $Operation,
            [string[]] $Arguments = @(),
            [string] $Region = 'us-east-1',
            [string] $Service = 's3api'
        )
        $stderr = [System.IO.Path]::GetTempFileName()
        try {
            $output = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region $Region --output json $Service $Operation @Arguments 2> $stderr
            if ($LASTEXITCODE -ne 0) { throw "aws $Service $Operation $Arguments failed: $(Get-Content $stderr -Raw)" }
        }
        finally { Remove-Item $stderr -ErrorAction SilentlyContinue }
        $text = ($output | Out-String).Trim()
        if ($text) { $text | ConvertFrom-Json }
    }

    # The error code the AWS CLI reports for a call that is expected to fail.
    function Get-S3ApiErrorCode {
        param([Parameter(Mandatory)] [string] $Operation, [string[]] $Arguments = @())
        $output = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 s3api $Operation @Arguments 2>&1 | Out-String
        if ($LASTEXITCODE -eq 0) { return $null }
        if ($output -match '\((?<code>[A-Za-z]+)\)') { return $Matches.code }
        return "exit $LASTEXITCODE"
    }

    function Get-BucketPolicyDocument([string] $Bucket) {
        (Invoke-S3Api get-bucket-policy @('--bucket', $Bucket)).Policy | ConvertFrom-Json
    }

    function Get-BucketTagTable([string] $Bucket) {
        $tags = @{}
        foreach ($tag in (Invoke-S3Api get-bucket-tagging @('--bucket', $Bucket)).TagSet) { $tags[$tag.Key] = $tag.Value }
        $tags
    }

    function Get-OperationsSince([int] $Index) {
        @(Get-NumeraiAwsCallHistory | Select-Object -Skip $Index | ForEach-Object Operation)
    }
}

Describe 'New-NumeraiBucket' {
    Context 'a first run on a new name' {
        BeforeAll {
            $script:Name = 'numerai-test-hardened'
            $script:HistoryBefore = @(Get-NumeraiAwsCallHistory).Count
            $script:Bucket = New-NumeraiBucket -Name $script:Name
        }

        It 'creates the bucket and reports what it did' {
            $script:Bucket.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiBucket'
            $script:Bucket.BucketName | Should -Be $script:Name
            $script:Bucket.Region | Should -Be 'us-east-1'
            $script:Bucket.Arn | Should -Be "arn:aws:s3:::$script:Name"
            $script:Bucket.Created | Should -BeTrue
            $script:Bucket.Changed | Should -Be $script:AllChanges
            $script:Bucket.Encryption | Should -Be 'AES256'
            $script:Bucket.KmsKeyId | Should -BeNullOrEmpty
            $script:Bucket.VersioningEnabled | Should -BeTrue
            $script:Bucket.NoncurrentVersionExpirationDays | Should -Be 30
            $script:Bucket.AbortIncompleteMultipartUploadDays | Should -Be 7
        }

        It 'reads each setting before writing it, and writes each once' {
            Get-OperationsSince $script:HistoryBefore | Should -Be @(
                'ListBuckets', 'PutBucket',
                'GetPublicAccessBlock', 'PutPublicAccessBlock',
                'GetBucketOwnershipControls', 'PutBucketOwnershipControls',
                'GetBucketEncryption', 'PutBucketEncryption',
                'GetBucketVersioning', 'PutBucketVersioning',
                'GetLifecycleConfiguration', 'PutLifecycleConfiguration',
                'GetBucketPolicy', 'PutBucketPolicy',
                'GetBucketTagging', 'PutBucketTagging')
        }

        It 'creates it in us-east-1 without a LocationConstraint' {
            (Invoke-S3Api get-bucket-location @('--bucket', $script:Name)).LocationConstraint | Should -BeNullOrEmpty
        }

        It 'turns on all four Block Public Access settings' {
            $block = (Invoke-S3Api get-public-access-block @('--bucket', $script:Name)).PublicAccessBlockConfiguration
            $block.BlockPublicAcls | Should -BeTrue
            $block.IgnorePublicAcls | Should -BeTrue
            $block.BlockPublicPolicy | Should -BeTrue
            $block.RestrictPublicBuckets | Should -BeTrue
        }

        It 'sets default encryption to SSE-S3' {
            $rules = @((Invoke-S3Api get-bucket-encryption @('--bucket', $script:Name)).ServerSideEncryptionConfiguration.Rules)
            $rules.Count | Should -Be 1
            $rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm | Should -Be 'AES256'
        }

        It 'disables ACLs with BucketOwnerEnforced' {
            $rules = @((Invoke-S3Api get-bucket-ownership-controls @('--bucket', $script:Name)).OwnershipControls.Rules)
            $rules.Count | Should -Be 1
            $rules[0].ObjectOwnership | Should -Be 'BucketOwnerEnforced'
        }

        It 'denies every request made without TLS, on the bucket and its objects' {
            $policy = Get-BucketPolicyDocument $script:Name
            $policy.Version | Should -Be '2012-10-17'
            $statements = @($policy.Statement)
            $statements.Count | Should -Be 1
            $statements[0].Sid | Should -Be 'NumeraiAwsDenyInsecureTransport'
            $statements[0].Effect | Should -Be 'Deny'
            $statements[0].Principal | Should -Be '*'
            $statements[0].Action | Should -Be 's3:*'
            $statements[0].Resource | Should -Be @("arn:aws:s3:::$script:Name", "arn:aws:s3:::$script:Name/*")
            $statements[0].Condition.Bool.'aws:SecureTransport' | Should -Be 'false'
        }

        It 'enables versioning' {
            (Invoke-S3Api get-bucket-versioning @('--bucket', $script:Name)).Status | Should -Be 'Enabled'
        }

        It 'adds lifecycle rules that abort stale uploads and expire old versions, for the whole bucket' {
            $rules = @((Invoke-S3Api get-bucket-lifecycle-configuration @('--bucket', $script:Name)).Rules)
            $rules.ID | Should -Be @('numeraiaws-abort-incomplete-multipart', 'numeraiaws-expire-noncurrent')
            $rules.Status | Should -Be @('Enabled', 'Enabled')
            $rules[0].Filter.Prefix | Should -Be ''
            $rules[0].AbortIncompleteMultipartUpload.DaysAfterInitiation | Should -Be 7
            $rules[0].PSObject.Properties.Name | Should -Not -Contain 'NoncurrentVersionExpiration'
            $rules[1].Filter.Prefix | Should -Be ''
            $rules[1].NoncurrentVersionExpiration.NoncurrentDays | Should -Be 30
            $rules[1].PSObject.Properties.Name | Should -Not -Contain 'AbortIncompleteMultipartUpload'
        }

        It 'tags the bucket as the module''s data bucket' {
            $tags = Get-BucketTagTable $script:Name
            $tags.Count | Should -Be 2
            $tags['numeraiaws:managed'] | Should -Be 'true'
            $tags['numeraiaws:component'] | Should -Be 'data-bucket'
        }
    }

    Context 'a second run' {
        It 'makes no write call, creates nothing and changes nothing' {
            $name = 'numerai-test-rerun'
            New-NumeraiBucket -Name $name | Out-Null
            $writes = Get-WriteCallCount
            $again = New-NumeraiBucket -Name $name
            Get-WriteCallCount | Should -Be $writes
            $again.Created | Should -BeFalse
            @($again.Changed).Count | Should -Be 0
            $again.Encryption | Should -Be 'AES256'
            $again.VersioningEnabled | Should -BeTrue
            $again.NoncurrentVersionExpirationDays | Should -Be 30
            $again.AbortIncompleteMultipartUploadDays | Should -Be 7
        }

        It 'says on -Verbose that the bucket was already hardened' {
            $name = 'numerai-test-rerun'
            $verbose = New-NumeraiBucket -Name $name -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match "Bucket $name was already in the hardened state; nothing changed\."
        }
    }

    Context '-WhatIf' {
        It 'creates nothing, writes nothing and reads no settings of a bucket that does not exist' {
            $name = 'numerai-test-whatif-new'
            $writes = Get-WriteCallCount
            $index = @(Get-NumeraiAwsCallHistory).Count
            $output = New-NumeraiBucket -Name $name -WhatIf
            $output | Should -BeNullOrEmpty
            Get-WriteCallCount | Should -Be $writes
            Get-OperationsSince $index | Should -Be @('ListBuckets')
            Get-S3ApiErrorCode head-bucket @('--bucket', $name) | Should -Not -BeNullOrEmpty
            (Invoke-S3Api list-buckets).Buckets.Name | Should -Not -Contain $name
        }

        It 'on an existing bucket: writes nothing, reports the settings as they are, and says what it would change' {
            $name = 'numerai-test-whatif-existing'
            Invoke-S3Api create-bucket @('--bucket', $name) | Out-Null
            $writes = Get-WriteCallCount
            $verbose = New-NumeraiBucket -Name $name -WhatIf -Verbose 4>&1
            $bucket = $verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
            $messages = ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
            Get-WriteCallCount | Should -Be $writes
            $bucket.Created | Should -BeFalse
            @($bucket.Changed).Count | Should -Be 0
            $bucket.VersioningEnabled | Should -BeFalse
            $messages | Should -Match 'Skipped: Enable versioning\.'
            $messages | Should -Match 'Skipped: Block all public access'
            Get-S3ApiErrorCode get-public-access-block @('--bucket', $name) | Should -Be 'NoSuchPublicAccessBlockConfiguration'
            Get-S3ApiErrorCode get-bucket-policy @('--bucket', $name) | Should -Be 'NoSuchBucketPolicy'
        }
    }

    Context 'a bucket that already exists in the account' {
        It 'is hardened without being created again, and reported as not created' {
            $name = 'numerai-test-preexisting'
            Invoke-S3Api create-bucket @('--bucket', $name) | Out-Null
            $index = @(Get-NumeraiAwsCallHistory).Count
            $bucket = New-NumeraiBucket -Name $name
            $bucket.Created | Should -BeFalse
            $bucket.Changed | Should -Be ($script:AllChanges | Where-Object { $_ -ne 'Bucket' })
            # No CreateBucket for a bucket we own: in us-east-1 S3 answers it with 200 and resets the bucket's ACLs.
            Get-OperationsSince $index | Should -Not -Contain 'PutBucket'
            (Invoke-S3Api get-public-access-block @('--bucket', $name)).PublicAccessBlockConfiguration.BlockPublicPolicy | Should -BeTrue
            (Invoke-S3Api get-bucket-versioning @('--bucket', $name)).Status | Should -Be 'Enabled'
            @((Get-BucketPolicyDocument $name).Statement).Sid | Should -Be @('NumeraiAwsDenyInsecureTransport')
        }
    }

    Context 'the user''s own policy statements, lifecycle rules and tags' {
        BeforeAll {
            $script:MergeName = 'numerai-test-merge'
            Invoke-S3Api create-bucket @('--bucket', $script:MergeName) | Out-Null
            $userPolicy = @{
                Version   = '2012-10-17'
                Statement = @(@{
                        Sid       = 'UserReadOnly'
                        Effect    = 'Allow'
                        Principal = @{ AWS = 'arn:aws:iam::123456789012:root' }
                        Action    = 's3:GetObject'
                        Resource  = "arn:aws:s3:::$script:MergeName/*"
                    })
            } | ConvertTo-Json -Depth 5 -Compress
            Invoke-S3Api put-bucket-policy @('--bucket', $script:MergeName, '--policy', $userPolicy) | Out-Null
            # The user's own rule, and an outdated copy of one of ours (60 days) that must be brought back to 30.
            $lifecycle = @{
                Rules = @(
                    @{ ID = 'user-expire-logs'; Status = 'Enabled'; Filter = @{ Prefix = 'logs/' }; Expiration = @{ Days = 90 } }
                    @{ ID = 'numeraiaws-expire-noncurrent'; Status = 'Enabled'; Filter = @{ Prefix = '' }; NoncurrentVersionExpiration = @{ NoncurrentDays = 60 } }
                )
            } | ConvertTo-Json -Depth 5 -Compress
            Invoke-S3Api put-bucket-lifecycle-configuration @('--bucket', $script:MergeName, '--lifecycle-configuration', $lifecycle) | Out-Null
            Invoke-S3Api put-bucket-tagging @('--bucket', $script:MergeName, '--tagging', 'TagSet=[{Key=owner,Value=alice}]') | Out-Null
            $script:MergeResult = New-NumeraiBucket -Name $script:MergeName -Tag @{ project = 'numerai' }
        }

        It 'adds its policy statement and keeps the user''s' {
            $script:MergeResult.Changed | Should -Contain 'Policy'
            $statements = @((Get-BucketPolicyDocument $script:MergeName).Statement)
            $statements.Sid | Should -Be @('UserReadOnly', 'NumeraiAwsDenyInsecureTransport')
            $statements[0].Effect | Should -Be 'Allow'
            $statements[0].Principal.AWS | Should -Be 'arn:aws:iam::123456789012:root'
            $statements[0].Action | Should -Be 's3:GetObject'
            $statements[0].Resource | Should -Be "arn:aws:s3:::$script:MergeName/*"
        }

        It 'keeps the user''s lifecycle rule, corrects its own outdated one and adds the missing one' {
            $script:MergeResult.Changed | Should -Contain 'Lifecycle'
            $script:MergeResult.NoncurrentVersionExpirationDays | Should -Be 30
            $rules = @((Invoke-S3Api get-bucket-lifecycle-configuration @('--bucket', $script:MergeName)).Rules)
            $rules.ID | Should -Be @('user-expire-logs', 'numeraiaws-expire-noncurrent', 'numeraiaws-abort-incomplete-multipart')
            $rules[0].Filter.Prefix | Should -Be 'logs/'
            $rules[0].Expiration.Days | Should -Be 90
            $rules[1].NoncurrentVersionExpiration.NoncurrentDays | Should -Be 30
            $rules[2].AbortIncompleteMultipartUpload.DaysAfterInitiation | Should -Be 7
        }

        It 'merges -Tag and its own tags into the user''s tags' {
            $tags = Get-BucketTagTable $script:MergeName
            $tags.Count | Should -Be 4
            $tags['owner'] | Should -Be 'alice'
            $tags['project'] | Should -Be 'numerai'
            $tags['numeraiaws:managed'] | Should -Be 'true'
            $tags['numeraiaws:component'] | Should -Be 'data-bucket'
        }

        It 'then makes no write call on a re-run' {
            $writes = Get-WriteCallCount
            $again = New-NumeraiBucket -Name $script:MergeName -Tag @{ project = 'numerai' }
            Get-WriteCallCount | Should -Be $writes
            @($again.Changed).Count | Should -Be 0
        }

        It 'puts back its statement when someone weakened it, without duplicating it' {
            $policy = Get-BucketPolicyDocument $script:MergeName
            $ours = $policy.Statement | Where-Object Sid -EQ 'NumeraiAwsDenyInsecureTransport'
            $ours.Resource = "arn:aws:s3:::$script:MergeName"      # the objects are no longer covered
            Invoke-S3Api put-bucket-policy @('--bucket', $script:MergeName, '--policy', ($policy | ConvertTo-Json -Depth 6 -Compress)) | Out-Null
            $result = New-NumeraiBucket -Name $script:MergeName -Tag @{ project = 'numerai' }
            $result.Changed | Should -Be @('Policy')
            $statements = @((Get-BucketPolicyDocument $script:MergeName).Statement)
            $statements.Sid | Should -Be @('UserReadOnly', 'NumeraiAwsDenyInsecureTransport')
            $statements[1].Resource | Should -Be @("arn:aws:s3:::$script:MergeName", "arn:aws:s3:::$script:MergeName/*")
        }
    }

    Context 'regions' {
        It 'creates the bucket with a LocationConstraint outside us-east-1' {
            $name = 'numerai-test-eu'
            $bucket = New-NumeraiBucket -Name $name -Region eu-west-1
            $bucket.Region | Should -Be 'eu-west-1'
            $bucket.Created | Should -BeTrue
            (Invoke-S3Api get-bucket-location @('--bucket', $name) -Region eu-west-1).LocationConstraint | Should -Be 'eu-west-1'
        }

        It 'makes no write call on a re-run in that region' {
            $writes = Get-WriteCallCount
            (New-NumeraiBucket -Name 'numerai-test-eu' -Region eu-west-1).Created | Should -BeFalse
            Get-WriteCallCount | Should -Be $writes
        }

        It 'refuses to work on it from another region, and names the right one' {
            $writes = Get-WriteCallCount
            $thrown = { New-NumeraiBucket -Name 'numerai-test-eu' -Region us-east-1 } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "BucketInOtherRegion,$script:CommandType"
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.ErrorDetails.RecommendedAction | Should -Match '-Region eu-west-1'
            Get-WriteCallCount | Should -Be $writes
        }
    }

    Context 'a name S3 does not allow: <Label>' -ForEach @(
        @{ Label = 'too short'; Name = 'ab'; Rule = 'must be 3 to 63 characters long, not 2' }
        @{ Label = 'too long'; Name = ('n' * 64); Rule = 'must be 3 to 63 characters long, not 64' }
        @{ Label = 'empty'; Name = ''; Rule = 'must be 3 to 63 characters long, not 0' }
        @{ Label = 'uppercase'; Name = 'Numerai-data'; Rule = "lowercase letters, digits, hyphens and periods, not 'N'" }
        @{ Label = 'underscore'; Name = 'numerai_data'; Rule = "lowercase letters, digits, hyphens and periods, not '_'" }
        @{ Label = 'starts with a hyphen'; Name = '-numerai'; Rule = "must start with a lowercase letter or a digit, not '-'" }
        @{ Label = 'ends with a period'; Name = 'numerai.'; Rule = "must end with a lowercase letter or a digit, not '.'" }
        @{ Label = 'adjacent periods'; Name = 'numerai..data'; Rule = 'must not contain two adjacent periods' }
        @{ Label = 'an IP address'; Name = '192.168.5.4'; Rule = 'must not be formatted as an IP address' }
        @{ Label = 'prefix xn--'; Name = 'xn--numerai'; Rule = "must not start with 'xn--'" }
        @{ Label = 'prefix sthree-'; Name = 'sthree-numerai'; Rule = "must not start with 'sthree-'" }
        @{ Label = 'prefix amzn-s3-demo-'; Name = 'amzn-s3-demo-numerai'; Rule = "must not start with 'amzn-s3-demo-'" }
        @{ Label = 'suffix -s3alias'; Name = 'numerai-s3alias'; Rule = "must not end with '-s3alias'" }
        @{ Label = 'suffix --ol-s3'; Name = 'numerai--ol-s3'; Rule = "must not end with '--ol-s3'" }
        @{ Label = 'suffix .mrap'; Name = 'numerai.mrap'; Rule = "must not end with '.mrap'" }
        @{ Label = 'suffix --x-s3'; Name = 'numerai--x-s3'; Rule = "must not end with '--x-s3'" }
        @{ Label = 'suffix --table-s3'; Name = 'numerai--table-s3'; Rule = "must not end with '--table-s3'" }
    ) {
        It 'fails with InvalidBucketName, names the rule, and makes no AWS call' {
            $calls = @(Get-NumeraiAwsCallHistory).Count
            $thrown = { New-NumeraiBucket -Name $Name } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "InvalidBucketName,$script:CommandType"
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception.Message | Should -BeLike "*$Rule*"
            @(Get-NumeraiAwsCallHistory).Count | Should -Be $calls
        }
    }

    Context 'a name taken by another account' {
        It 'fails with BucketNameTaken and advises another name' {
            $name = 'numerai-test-taken'
            $credentials = (Invoke-S3Api assume-role @('--role-arn', 'arn:aws:iam::111122223333:role/other-account', '--role-session-name', 'numerai-test') -Service sts).Credentials
            try {
                $env:AWS_ACCESS_KEY_ID = $credentials.AccessKeyId
                $env:AWS_SECRET_ACCESS_KEY = $credentials.SecretAccessKey
                $env:AWS_SESSION_TOKEN = $credentials.SessionToken
                Invoke-S3Api create-bucket @('--bucket', $name) | Out-Null
            }
            finally { Set-TestAwsEnvironment }

            $writes = Get-WriteCallCount
            $thrown = { New-NumeraiBucket -Name $name } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "BucketNameTaken,$script:CommandType"
            $thrown.CategoryInfo.Category | Should -Be 'ResourceExists'
            $thrown.Exception.Message | Should -Match 'taken globally by another account'
            $thrown.ErrorDetails.RecommendedAction | Should -Match '-Name'
            # The one write is the refused CreateBucket; nothing was set on someone else's bucket.
            Get-WriteCallCount | Should -Be ($writes + 1)
            (Get-NumeraiAwsCallHistory -WriteOnly | Select-Object -Last 1).ErrorCode | Should -Be 'BucketAlreadyExists'
        }
    }

    Context 'parameters' {
        It 'uses SSE-KMS with a Bucket Key for -KmsKeyId' {
            $name = 'numerai-test-kms'
            $key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
            $bucket = New-NumeraiBucket -Name $name -KmsKeyId $key
            $bucket.Encryption | Should -Be 'aws:kms'
            $bucket.KmsKeyId | Should -Be $key
            $rule = @((Invoke-S3Api get-bucket-encryption @('--bucket', $name)).ServerSideEncryptionConfiguration.Rules)[0]
            $rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm | Should -Be 'aws:kms'
            $rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID | Should -Be $key
            $rule.BucketKeyEnabled | Should -BeTrue
        }

        It 'keeps a KMS key on a re-run without -KmsKeyId' {
            $writes = Get-WriteCallCount
            $bucket = New-NumeraiBucket -Name 'numerai-test-kms'
            Get-WriteCallCount | Should -Be $writes
            $bucket.Encryption | Should -Be 'aws:kms'
        }

        It 'sets the lifecycle days it is given, and changes only the lifecycle when they change' {
            $name = 'numerai-test-days'
            New-NumeraiBucket -Name $name -NoncurrentVersionExpirationDays 90 -AbortIncompleteMultipartUploadDays 2 | Out-Null
            $rules = @((Invoke-S3Api get-bucket-lifecycle-configuration @('--bucket', $name)).Rules)
            ($rules | Where-Object ID -EQ 'numeraiaws-abort-incomplete-multipart').AbortIncompleteMultipartUpload.DaysAfterInitiation | Should -Be 2
            ($rules | Where-Object ID -EQ 'numeraiaws-expire-noncurrent').NoncurrentVersionExpiration.NoncurrentDays | Should -Be 90
            $changed = New-NumeraiBucket -Name $name -NoncurrentVersionExpirationDays 10 -AbortIncompleteMultipartUploadDays 2
            $changed.Changed | Should -Be @('Lifecycle')
            $changed.NoncurrentVersionExpirationDays | Should -Be 10
        }

        It 'rejects lifecycle days out of range: -<Parameter> <Value>' -ForEach @(
            @{ Parameter = 'NoncurrentVersionExpirationDays'; Value = 0 }
            @{ Parameter = 'NoncurrentVersionExpirationDays'; Value = 3651 }
            @{ Parameter = 'AbortIncompleteMultipartUploadDays'; Value = 0 }
            @{ Parameter = 'AbortIncompleteMultipartUploadDays'; Value = 366 }
        ) {
            $arguments = @{ Name = 'numerai-test-range'; $Parameter = $Value }
            $thrown = { New-NumeraiBucket @arguments } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }

        It 'refuses a -Tag that would overwrite the tags it finds its bucket by, before any AWS call' {
            $calls = @(Get-NumeraiAwsCallHistory).Count
            $thrown = { New-NumeraiBucket -Name 'numerai-test-tags' -Tag @{ 'numeraiaws:managed' = 'false' } } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "InvalidTag,$script:CommandType"
            @(Get-NumeraiAwsCallHistory).Count | Should -Be $calls
        }

        It 'takes BucketName from the pipeline' {
            $bucket = [pscustomobject]@{ BucketName = 'numerai-test-pipeline' } | New-NumeraiBucket
            $bucket.BucketName | Should -Be 'numerai-test-pipeline'
            $bucket.Created | Should -BeTrue
        }

        It 'completes -Name with the account''s numerai- buckets' {
            Invoke-S3Api create-bucket @('--bucket', 'other-test-bucket') | Out-Null
            $line = 'New-NumeraiBucket -Name numerai-test-p'
            $completion = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $completion | Should -Be @('numerai-test-pipeline', 'numerai-test-preexisting')
            $line = 'New-NumeraiBucket -Name '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Not -Contain 'other-test-bucket'
        }
    }

    Context 'without -Name' {
        BeforeAll {
            # Every bucket made above carries our tags; this context needs an account with none.
            Reset-TestEmulator
            $script:DefaultHistoryBefore = @(Get-NumeraiAwsCallHistory).Count
            $script:Default = New-NumeraiBucket
        }

        It 'tags the new bucket right after creating it, so that a run stopped half-way finds it again' {
            Get-OperationsSince $script:DefaultHistoryBefore | Should -Be @(
                'ListBuckets', 'PutBucket', 'PutBucketTagging',
                'GetPublicAccessBlock', 'PutPublicAccessBlock',
                'GetBucketOwnershipControls', 'PutBucketOwnershipControls',
                'GetBucketEncryption', 'PutBucketEncryption',
                'GetBucketVersioning', 'PutBucketVersioning',
                'GetLifecycleConfiguration', 'PutLifecycleConfiguration',
                'GetBucketPolicy', 'PutBucketPolicy')
            $script:Default.Changed | Should -Be @('Bucket', 'Tags', 'PublicAccessBlock', 'OwnershipControls', 'Encryption', 'Versioning', 'Lifecycle', 'Policy')
        }

        It 'creates a bucket with a random name that says nothing about the account' {
            $script:Default.Created | Should -BeTrue
            $script:Default.BucketName | Should -MatchExactly '^numerai-[a-z0-9]{12}$'
            $script:Default.BucketName | Should -Not -Match '123456789012'
            (Get-BucketTagTable $script:Default.BucketName)['numeraiaws:component'] | Should -Be 'data-bucket'
        }

        It 'reuses that bucket on a re-run instead of creating a second one' {
            $writes = Get-WriteCallCount
            $again = New-NumeraiBucket
            $again.BucketName | Should -Be $script:Default.BucketName
            $again.Created | Should -BeFalse
            Get-WriteCallCount | Should -Be $writes
            @((Invoke-S3Api list-buckets).Buckets.Name).Count | Should -Be 1
        }

        It 'reads the tags only of buckets named numerai-, and ignores those not tagged as ours' {
            Invoke-S3Api create-bucket @('--bucket', 'numerai-untagged') | Out-Null
            Invoke-S3Api create-bucket @('--bucket', 'numerai-other-component') | Out-Null
            Invoke-S3Api put-bucket-tagging @('--bucket', 'numerai-other-component', '--tagging', 'TagSet=[{Key=numeraiaws:managed,Value=true},{Key=numeraiaws:component,Value=notebooks}]') | Out-Null
            Invoke-S3Api create-bucket @('--bucket', 'unrelated-data') | Out-Null
            $index = @(Get-NumeraiAwsCallHistory).Count
            $writes = Get-WriteCallCount
            (New-NumeraiBucket).BucketName | Should -Be $script:Default.BucketName
            Get-WriteCallCount | Should -Be $writes
            $tagReads = @(Get-NumeraiAwsCallHistory | Select-Object -Skip $index | Where-Object Operation -EQ 'GetBucketTagging')
            $tagReads.Count | Should -Be 3     # numerai-untagged, numerai-other-component, ours; never unrelated-data
        }

        It 'asks for -Name when several buckets are tagged as ours' {
            New-NumeraiBucket -Name 'numerai-second' | Out-Null
            $writes = Get-WriteCallCount
            $thrown = { New-NumeraiBucket } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "MultipleNumeraiBuckets,$script:CommandType"
            $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $thrown.Exception.Message | Should -Match ([regex]::Escape($script:Default.BucketName))
            $thrown.Exception.Message | Should -Match 'numerai-second'
            $thrown.ErrorDetails.RecommendedAction | Should -Match '-Name'
            Get-WriteCallCount | Should -Be $writes
        }

        It 'with -WhatIf on an empty account, creates nothing' {
            Reset-TestEmulator
            $writes = Get-WriteCallCount
            New-NumeraiBucket -WhatIf | Should -BeNullOrEmpty
            Get-WriteCallCount | Should -Be $writes
            (Invoke-S3Api list-buckets).Buckets | Should -BeNullOrEmpty
        }
    }

    Context 'the examples in docs/cmdlets/New-NumeraiBucket.md' {
        BeforeDiscovery {
            $page = Get-Content (Join-Path $PSScriptRoot '../../docs/cmdlets/New-NumeraiBucket.md') -Raw
            $script:Examples = @([regex]::Matches($page, '### (?<title>Example[^\n]*)\n```powershell\n(?<code>.*?)\n```', 'Singleline') |
                    ForEach-Object { @{ Title = $_.Groups['title'].Value.Trim(); Code = $_.Groups['code'].Value } })
        }

        It 'runs <Title> against a fresh account without an error' -ForEach $script:Examples {
            Reset-TestEmulator
            $errors = $null
            Invoke-Expression $Code -ErrorVariable errors -ErrorAction Stop 4>$null 6>$null | Out-Null
            $errors | Should -BeNullOrEmpty
        }
    }
}
