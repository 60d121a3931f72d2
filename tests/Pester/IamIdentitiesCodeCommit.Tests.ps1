# New-NumeraiCodeCommitCredential against the contract host (moto lacks service-specific credentials), and the
# identity pipeline from the bucket policy to the Git credentials file, run twice: no second write, no third secret,
# and the secrets never in text.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession

    $script:Account = '123456789012'
    $script:CommandType = 'NumeraiAws.Commands.NewNumeraiCodeCommitCredentialCommand'

    function Invoke-Aws {
        $stderr = New-TemporaryFile
        try {
            $output = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @args 2> $stderr
            if ($LASTEXITCODE -ne 0) { throw "aws $args failed: $(Get-Content $stderr -Raw)" }
            if ($output) { ($output -join "`n") | ConvertFrom-Json }
        }
        finally { Remove-Item $stderr }
    }

    # The operations the contract host answered itself, in order: the independent count of minted secrets.
    function Get-ContractCall([string] $Operation) {
        # Invoke-RestMethod writes a JSON array as one object; the assignment lets the pipe enumerate it.
        $calls = Invoke-RestMethod "$env:NUMERAIAWS_TEST_ENDPOINT/_contract/calls"
        @($calls | Where-Object Operation -EQ $Operation)
    }

    function Get-CodeCommitCredential([string] $UserName) {
        @((Invoke-Aws iam list-service-specific-credentials --user-name $UserName --service-name codecommit.amazonaws.com).ServiceSpecificCredentials)
    }

    function Get-CallCount { @(Get-NumeraiAwsCallHistory).Count }
}

Describe 'New-NumeraiCodeCommitCredential' {
    BeforeAll {
        Reset-TestEmulator
        New-NumeraiAnalystGroup | Out-Null
        New-NumeraiAnalystUser -Name numerai-git | Out-Null
    }

    It 'creates HTTPS Git credentials and returns the password once, as a SecureString and a PSCredential' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $git = New-NumeraiCodeCommitCredential -UserName numerai-git
        $git.UserName | Should -Be 'numerai-git'
        $git.ServiceUserName | Should -Be "numerai-git-at-$($script:Account)"
        $git.CredentialId | Should -Match '^ACCA[A-Z0-9]{17}$'
        $git.Status | Should -Be 'Active'
        $git.CreateDate | Should -BeOfType [datetime]
        $git.Changed | Should -Be @('Created')
        $git.Password | Should -BeOfType [securestring]
        $plain = $git.Password | ConvertFrom-SecureString -AsPlainText
        $plain.Length | Should -Be 44
        $git.Credential | Should -BeOfType [pscredential]
        $git.Credential.UserName | Should -Be $git.ServiceUserName
        $git.Credential.GetNetworkCredential().Password | Should -BeExactly $plain
        $git.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiCodeCommitCredential'
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('CreateServiceSpecificCredential')
        (Get-CodeCommitCredential numerai-git).ServiceSpecificCredentialId | Should -Be @($git.CredentialId)
        $script:FirstId = $git.CredentialId
    }

    It 'mints no other secret on a second run: metadata, no password, and a warning that says how to get one' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $git = New-NumeraiCodeCommitCredential -UserName numerai-git -WarningVariable warnings -WarningAction SilentlyContinue
        Get-WriteCallCount | Should -Be 0
        Get-ContractCall CreateServiceSpecificCredential | Should -HaveCount 1
        $git.CredentialId | Should -Be $script:FirstId
        $git.Password | Should -BeNullOrEmpty
        $git.PSObject.Properties.Name | Should -Not -Contain 'Credential'
        $git.Changed | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match 'only once'
        $warnings[0].Message | Should -Match '-Reset'
        $warnings[0].Message | Should -Match '-Additional'
    }

    It 'makes no write call with -WhatIf, for an existing user and for one that does not exist yet' {
        New-NumeraiAnalystUser -Name numerai-git-whatif | Out-Null
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $existing = New-NumeraiCodeCommitCredential -UserName numerai-git-whatif -WhatIf
        $missing = New-NumeraiCodeCommitCredential -UserName numerai-nobody-yet -WhatIf
        Get-WriteCallCount | Should -Be 0
        $existing | Should -BeNullOrEmpty
        $missing | Should -BeNullOrEmpty
        Get-CodeCommitCredential numerai-git-whatif | Should -HaveCount 0
    }

    It 'creates a second credential with -Additional' {
        $second = New-NumeraiCodeCommitCredential -UserName numerai-git -Additional
        $second.CredentialId | Should -Not -Be $script:FirstId
        $second.Password | Should -BeOfType [securestring]
        Get-CodeCommitCredential numerai-git | Should -HaveCount 2
        $script:SecondId = $second.CredentialId
    }

    It 'stops at AWS''s limit of two with CodeCommitCredentialLimit, naming the existing credentials' {
        $mintedBefore = (Get-ContractCall CreateServiceSpecificCredential).Count
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiCodeCommitCredential -UserName numerai-git -Additional } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "CodeCommitCredentialLimit,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $thrown.Exception.Message | Should -Match $script:FirstId
        $thrown.Exception.Message | Should -Match $script:SecondId
        $thrown.Exception.Message | Should -Match 'created \d{4}-\d{2}-\d{2} '
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-Reset'
        Get-WriteCallCount | Should -Be 0
        (Get-ContractCall CreateServiceSpecificCredential).Count | Should -Be $mintedBefore
    }

    It 'asks which credential to reset when there are two, and resets the one named' {
        $thrown = { New-NumeraiCodeCommitCredential -UserName numerai-git -Reset } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "CodeCommitCredentialAmbiguous,$script:CommandType"
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-CredentialId'

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $reset = New-NumeraiCodeCommitCredential -UserName numerai-git -Reset -CredentialId $script:FirstId
        $reset.CredentialId | Should -Be $script:FirstId
        $reset.Changed | Should -Be @('Reset')
        $reset.Password | Should -BeOfType [securestring]
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('ResetServiceSpecificCredential')
        Get-ContractCall ResetServiceSpecificCredential | Should -HaveCount 1
        Get-CodeCommitCredential numerai-git | Should -HaveCount 2
    }

    It 'refuses to overwrite -OutFile before minting anything' {
        New-NumeraiAnalystUser -Name numerai-git-file | Out-Null
        $file = Join-Path $TestDrive 'existing.csv'
        Set-Content -Path $file -Value 'keep me'
        $mintedBefore = (Get-ContractCall CreateServiceSpecificCredential).Count
        $thrown = { New-NumeraiCodeCommitCredential -UserName numerai-git-file -OutFile $file } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "OutFileExists,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'ResourceExists'
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-Force'
        (Get-ContractCall CreateServiceSpecificCredential).Count | Should -Be $mintedBefore
        Get-Content $file | Should -Be 'keep me'
        Get-CodeCommitCredential numerai-git-file | Should -HaveCount 0
    }

    It 'replaces -OutFile with -Force, owner-only' {
        $file = Join-Path $TestDrive 'existing.csv'
        [System.IO.File]::SetUnixFileMode($file, [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead')
        $git = New-NumeraiCodeCommitCredential -UserName numerai-git-file -OutFile $file -Force
        $git.OutFile | Should -Be $file
        (Get-Item $file).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        $rows = @(Import-Csv $file)
        $rows | Should -HaveCount 1
        $rows[0].'User Name' | Should -Be 'numerai-git-file-at-123456789012'
        $rows[0].Password | Should -BeExactly ($git.Password | ConvertFrom-SecureString -AsPlainText)
        @(Get-ChildItem $TestDrive -Force -Filter '*.tmp') | Should -HaveCount 0
    }

    It 'rejects <Case> before any AWS call' -ForEach @(
        @{ Case = 'a user name with a slash'; Arguments = @{ UserName = 'numerai/git' }; Reason = 'InvalidUserName' }
        @{ Case = 'a user name of 65 characters'; Arguments = @{ UserName = ('u' * 65) }; Reason = 'InvalidUserName' }
        @{ Case = '-Reset with -Additional'; Arguments = @{ UserName = 'numerai-git'; Reset = $true; Additional = $true }; Reason = 'ConflictingCredentialOptions' }
        @{ Case = '-CredentialId without -Reset'; Arguments = @{ UserName = 'numerai-git'; CredentialId = 'ACCAABCDEFGHIJKLMNOPQ' }; Reason = 'ConflictingCredentialOptions' }
        @{ Case = 'a malformed -CredentialId'; Arguments = @{ UserName = 'numerai-git'; Reset = $true; CredentialId = 'short' }; Reason = 'InvalidCredentialId' }
    ) {
        $before = Get-CallCount
        $thrown = { New-NumeraiCodeCommitCredential @Arguments } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$script:CommandType"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CallCount | Should -Be $before
    }
}

Describe 'The identity pipeline' {
    BeforeAll {
        Reset-TestEmulator
        Invoke-Aws s3api create-bucket --bucket numerai-pipeline-data | Out-Null
        $script:ConsoleText = 'Pipeline-Console-Pa55!'
        $script:ConsolePassword = ConvertTo-SecureString $script:ConsoleText -AsPlainText -Force
        $script:File = Join-Path $TestDrive 'codecommit-credentials.csv'

        # One run of the pipeline with every stream captured: output, errors, warnings and -Verbose.
        function Invoke-Pipeline {
            $all = & {
                $VerbosePreference = 'Continue'
                New-NumeraiBucketPolicy -BucketName numerai-pipeline-data | New-NumeraiAnalystGroup |
                    New-NumeraiAnalystUser -ConsolePassword $script:ConsolePassword |
                    New-NumeraiCodeCommitCredential -OutFile $script:File
            } 2>&1 3>&1 4>&1
            [pscustomobject]@{
                Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] -and $_ -isnot [System.Management.Automation.VerboseRecord] })
                Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
                Verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            }
        }

        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $script:First = Invoke-Pipeline
        $script:FirstWrites = Get-WriteCallCount
        $script:Secret = $script:First.Output[0].Password | ConvertFrom-SecureString -AsPlainText
        $script:FileText = Get-Content $script:File -Raw
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $script:Second = Invoke-Pipeline
        $script:SecondWrites = Get-WriteCallCount
    }

    It 'binds each command''s output to the next and ends with the analyst''s Git credentials' {
        $script:First.Errors | Should -BeNullOrEmpty
        $script:First.Output | Should -HaveCount 1
        $git = $script:First.Output[0]
        $git.UserName | Should -Be 'numerai-analyst'
        $git.ServiceUserName | Should -Be "numerai-analyst-at-$($script:Account)"
        $git.Credential.UserName | Should -Be $git.ServiceUserName
        $script:FirstWrites | Should -Be 9   # policy; group and 3 attachments; user, membership, login profile; credential
        (Invoke-Aws iam list-attached-group-policies --group-name numerai-analysts).AttachedPolicies.PolicyArn |
            Should -Contain "arn:aws:iam::$($script:Account):policy/numerai/numerai-s3-bucket-access"
        (Invoke-Aws iam list-groups-for-user --user-name numerai-analyst).Groups.GroupName | Should -Be @('numerai-analysts')
        (Invoke-Aws iam get-login-profile --user-name numerai-analyst).LoginProfile.UserName | Should -Be 'numerai-analyst'
    }

    It 'writes the console''s CSV, readable by its owner only' {
        $script:FileText | Should -BeExactly "User Name,Password`r`nnumerai-analyst-at-$($script:Account),$($script:Secret)`r`n"
        (Get-Item $script:File).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'makes no write call and mints no third secret on the second run, and leaves the file as it was' {
        $script:Second.Errors | Should -BeNullOrEmpty
        $script:SecondWrites | Should -Be 0
        Get-ContractCall CreateServiceSpecificCredential | Should -HaveCount 1
        Get-Content $script:File -Raw | Should -BeExactly $script:FileText
        $script:Second.Output[0].Password | Should -BeNullOrEmpty
        $script:Second.Output[0].CredentialId | Should -Be $script:First.Output[0].CredentialId
        ($script:Second.Warnings.Message -join "`n") | Should -Match 'only once'
        ($script:Second.Warnings.Message -join "`n") | Should -Match ([regex]::Escape("-OutFile '$($script:File)' was not written"))
    }

    It 'never shows a secret in -Verbose, errors, warnings or the output''s text' {
        $script:First.Verbose.Count | Should -BeGreaterThan 10
        $text = @(
            $script:First.Verbose.Message; $script:Second.Verbose.Message
            $script:First.Warnings.Message; $script:Second.Warnings.Message
            $script:First.Errors | Out-String; $script:Second.Errors | Out-String
            $script:First.Output | Out-String; $script:First.Output | Format-List * | Out-String
            $script:Second.Output | Out-String; $script:Second.Output | Format-List * | Out-String
        ) -join "`n"
        $text | Should -Match 'numerai-analyst-at-123456789012'
        $text | Should -Not -Match ([regex]::Escape($script:Secret))
        $text | Should -Not -Match ([regex]::Escape($script:ConsoleText))
        @(Get-NumeraiAwsCallHistory | Out-String) | Should -Not -Match ([regex]::Escape($script:Secret))
    }
}
