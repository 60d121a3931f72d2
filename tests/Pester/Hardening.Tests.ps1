# Test-NumeraiAccountHardening, Repair-NumeraiAccountHardening and New-NumeraiBudget against the emulator. Each check
# is driven both ways where moto can hold both states (the AWS CLI sets the state and checks what the cmdlets left);
# what moto cannot show (a root user with MFA or keys, a <root_account> report row, credentials 45/90 days old)
# is driven both ways in tests/NumeraiAws.Engine.Tests/Hardening against account snapshots.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-TestSession
    $script:TestCommand = 'NumeraiAws.Commands.TestNumeraiAccountHardeningCommand'
    $script:RepairCommand = 'NumeraiAws.Commands.RepairNumeraiAccountHardeningCommand'
    $script:BudgetCommand = 'NumeraiAws.Commands.NewNumeraiBudgetCommand'
    $script:Account = '123456789012'
    $script:StatusRank = @{ Fail = 0; Error = 1; Warning = 2; Manual = 3; Pass = 4 }

    function Invoke-Aws {
        # The AWS CLI, against the same emulator, as an independent look at the account.
        $output = & aws --endpoint-url $env:NUMERAIAWS_TEST_ENDPOINT --region us-east-1 --output json @args 2>&1
        if ($LASTEXITCODE -ne 0) { throw "aws $($args -join ' ') failed: $output" }
        $text = ($output | Where-Object { $_ -is [string] }) -join "`n"
        if ($text.Trim()) { $text | ConvertFrom-Json }
    }

    function Invoke-Raw([string] $Service, [string] $Method, [string] $Path, [hashtable] $Headers = @{}, [string] $Body, [string] $ContentType) {
        # Unsigned requests with only a SigV4 credential scope, for what the CLI cannot reach on an emulator
        # (S3 Control: the CLI always prefixes the host with the account id) and for creating users in bulk.
        $http = [System.Net.Http.HttpClient]::new()
        try {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), "$env:NUMERAIAWS_TEST_ENDPOINT$Path")
            $request.Headers.TryAddWithoutValidation('Authorization', "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/$Service/aws4_request, SignedHeaders=host, Signature=0") | Out-Null
            foreach ($name in $Headers.Keys) { $request.Headers.TryAddWithoutValidation($name, [string]$Headers[$name]) | Out-Null }
            if ($Body) { $request.Content = [System.Net.Http.StringContent]::new($Body, [Text.Encoding]::UTF8, $ContentType) }
            $response = $http.SendAsync($request).GetAwaiter().GetResult()
            [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() }
        }
        finally { $http.Dispose() }
    }

    function Get-AccountPublicAccessBlock {
        $answer = Invoke-Raw s3 GET /v20180820/configuration/publicAccessBlock @{ 'x-amz-account-id' = $script:Account }
        if ($answer.Status -eq 404) { return $null }
        $xml = [xml]$answer.Body
        $xml.PublicAccessBlockConfiguration
    }

    function Set-AccountPublicAccessBlock([bool] $On) {
        $v = $On.ToString().ToLowerInvariant()
        $body = "<PublicAccessBlockConfiguration xmlns=`"http://awss3control.amazonaws.com/doc/2018-08-20/`"><BlockPublicAcls>$v</BlockPublicAcls><IgnorePublicAcls>$v</IgnorePublicAcls><BlockPublicPolicy>$v</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"
        (Invoke-Raw s3 PUT /v20180820/configuration/publicAccessBlock @{ 'x-amz-account-id' = $script:Account } $body 'application/xml').Status | Should -Be 200
    }

    function New-TestIamUsers([int] $From, [int] $To, [string] $Prefix = 'scale-user-') {
        # Bulk users through IAM's Query API, 25 requests at a time: a CLI process per user would take minutes.
        # Every tenth user gets a console password (and no MFA), so the audit has failing users to report.
        $http = [System.Net.Http.HttpClient]::new()
        $auth = 'AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0'
        function Send-Batch($bodies) {
            $tasks = foreach ($body in $bodies) {
                $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$env:NUMERAIAWS_TEST_ENDPOINT/")
                $request.Headers.TryAddWithoutValidation('Authorization', $auth) | Out-Null
                $request.Content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/x-www-form-urlencoded')
                $http.SendAsync($request)
            }
            foreach ($task in $tasks) {
                $response = $task.GetAwaiter().GetResult()
                if (-not $response.IsSuccessStatusCode) { throw "IAM answered $([int]$response.StatusCode): $($response.Content.ReadAsStringAsync().Result)" }
            }
        }
        try {
            $all = $From..$To
            for ($i = 0; $i -lt $all.Count; $i += 25) {
                $slice = $all[$i..([Math]::Min($all.Count, $i + 25) - 1)]
                Send-Batch ($slice | ForEach-Object { "Action=CreateUser&Version=2010-05-08&UserName=$Prefix$_" })
                Send-Batch ($slice | Where-Object { $_ % 10 -eq 0 } | ForEach-Object { "Action=CreateLoginProfile&Version=2010-05-08&UserName=$Prefix$_&Password=Scale-Pa55word-$_" })
            }
        }
        finally { $http.Dispose() }
    }

    function Find([object[]] $Findings, [string] $CheckId, [string] $Resource) {
        @($Findings | Where-Object { $_.CheckId -eq $CheckId -and (-not $Resource -or $_.Resource -eq $Resource) })
    }

    function Get-CallCount { @(Get-NumeraiAwsCallHistory).Count }

    $script:TlsPolicy = {
        param([string] $Bucket)
        '{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::' + $Bucket + '","arn:aws:s3:::' + $Bucket + '/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
    }
}

Describe 'Test-NumeraiAccountHardening' {
    Context 'on a fresh account' {
        BeforeAll {
            Reset-TestEmulator
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $script:Findings = @(Test-NumeraiAccountHardening)
            $script:Calls = @(Get-NumeraiAwsCallHistory)
        }

        It 'emits one typed finding per check (and per contact type), every check accounted for' {
            $Findings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.HardeningFinding' }
            @($Findings.CheckId | Sort-Object -Unique).Count | Should -Be 24
            $Findings.Count | Should -Be 26   # 24 checks; AlternateContactsSet has three resources
        }

        It 'sorts worst first: Fail, Error, Warning, Manual, Pass' {
            $ranks = $Findings | ForEach-Object { $StatusRank[[string]$_.Status] }
            $ranks | Should -Be ($ranks | Sort-Object)
            $Findings[0].Status | Should -Be 'Fail'
            $Findings[0].CheckId | Should -Be 'RootMfaEnabled'   # the one Critical failure comes first
            $Findings[-1].Status | Should -Be 'Pass'
        }

        It 'fails what a fresh account lacks, with references and remediation' {
            $mfa = Find $Findings RootMfaEnabled
            $mfa.Status | Should -Be 'Fail'
            $mfa.Severity | Should -Be 'Critical'
            $mfa.Resource | Should -Be 'arn:aws:iam::123456789012:root'
            $mfa.References | Should -Be @('CIS 1.4', 'IAM.9')
            $mfa.Remediation | Should -Match 'Assign MFA device'
            (Find $Findings S3AccountPublicAccessBlock).Detail | Should -Be 'Account-level Block Public Access is not set.'
            (Find $Findings PasswordMinimumLength).RemediationCommand | Should -Be 'Repair-NumeraiAccountHardening -CheckId PasswordMinimumLength'
            (Find $Findings CostBudgetWithAlert).RemediationCommand | Should -Be 'New-NumeraiBudget -LimitUsd <monthly limit> -Email <address>'
            (Find $Findings AlternateContactsSet SECURITY).Status | Should -Be 'Fail'
            (Find $Findings AlternateContactsSet BILLING).Status | Should -Be 'Warning'
        }

        It 'reports what moto cannot show as Manual, not as a guess' {
            $root = Find $Findings RootNotRecentlyUsed
            $root.Status | Should -Be 'Manual'
            $root.Detail | Should -Match '<root_account>'
        }

        It 'only reads (generating the credential report is a read, as AWS rates it)' {
            @($Calls | Where-Object IsWrite) | Should -BeNullOrEmpty
            @($Calls | Where-Object Operation -eq 'GenerateCredentialReport').Count | Should -BeGreaterThan 0
            @($Calls | Where-Object Operation -eq 'GetAccountAuthorizationDetails').Count | Should -Be 1
            @($Calls | Where-Object Service -eq 'S3 Control').Count | Should -Be 1
        }

        It 'groups the default table view by Status' {
            $view = (Get-FormatData -TypeName NumeraiAws.Engine.Model.HardeningFinding).FormatViewDefinition | Select-Object -First 1
            $view.Control.GroupBy.Expression.Value | Should -Be 'Status'
            ($Findings | Format-Table | Out-String -Width 200) | Should -Match 'Status: Fail'
        }
    }

    Context '-CheckId and -Quiet' {
        BeforeAll { Reset-TestEmulator }

        It 'runs only the named checks, with only the calls they need' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $findings = @(Test-NumeraiAccountHardening -CheckId passwordminimumlength)
            $findings.Count | Should -Be 1
            $findings[0].CheckId | Should -Be 'PasswordMinimumLength'
            @(Get-NumeraiAwsCallHistory).Operation | Should -Be @('GetAccountPasswordPolicy')
        }

        It 'takes wildcards' {
            @(Test-NumeraiAccountHardening -CheckId 'Password*').CheckId | Sort-Object | Should -Be @('PasswordComplexity', 'PasswordMinimumLength', 'PasswordReusePrevention')
        }

        It 'refuses an unknown id before any AWS call' {
            Get-NumeraiAwsCallHistory -Clear | Out-Null
            $thrown = { Test-NumeraiAccountHardening -CheckId RootMfaEnabled, NoSuchCheck } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -Be "UnknownCheckId,$TestCommand"
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            Get-CallCount | Should -Be 0
        }

        It 'completes check ids' {
            $completion = TabExpansion2 -inputScript 'Test-NumeraiAccountHardening -CheckId S3Bucket' -cursorColumn 46
            $completion.CompletionMatches.CompletionText | Should -Be @('S3BucketPublicAccessBlock', 'S3BucketTlsOnly', 'S3BucketAclsDisabled', 'S3BucketLifecycle', 'S3BucketVersioning')
        }

        It '-Quiet returns one Boolean: $false while a check fails, $true when none does' {
            $result = @(Test-NumeraiAccountHardening -CheckId 'Password*' -Quiet)
            $result.Count | Should -Be 1
            $result[0] | Should -BeOfType [bool]
            $result[0] | Should -BeFalse
            Invoke-Aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters
            Test-NumeraiAccountHardening -CheckId 'Password*' -Quiet | Should -BeTrue
        }
    }

    Context 'password policy, both ways' {
        BeforeAll { Reset-TestEmulator }

        It 'fails all three without a policy (NoSuchEntity is a finding, not an error)' {
            $findings = @(Test-NumeraiAccountHardening -CheckId 'Password*')
            $findings.Status | Should -Be @('Fail', 'Fail', 'Fail')
            $findings | ForEach-Object { $_.Detail | Should -Match '^The account has no password policy' }
        }

        It 'fails each weakness of a weak policy' {
            Invoke-Aws iam update-account-password-policy --minimum-password-length 12 --password-reuse-prevention 5 --require-numbers
            $findings = @(Test-NumeraiAccountHardening -CheckId 'Password*')
            (Find $findings PasswordMinimumLength).Detail | Should -Be 'Passwords need only 12 characters.'
            (Find $findings PasswordReusePrevention).Detail | Should -Be 'Only the last 5 passwords are remembered.'
            (Find $findings PasswordComplexity).Detail | Should -Be 'Passwords need no uppercase letter, no lowercase letter, no symbol.'
        }

        It 'passes a CIS-grade policy' {
            Invoke-Aws iam update-account-password-policy --minimum-password-length 16 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters
            @(Test-NumeraiAccountHardening -CheckId 'Password*').Status | Should -Be @('Pass', 'Pass', 'Pass')
        }
    }

    Context 'users, groups and policies, both ways' {
        BeforeAll { Reset-TestEmulator }

        It 'fails a console user without MFA and passes once the user has a device' {
            Invoke-Aws iam create-user --user-name console-user | Out-Null
            Invoke-Aws iam create-login-profile --user-name console-user --password 'Console-Pa55word!' | Out-Null
            $finding = @(Test-NumeraiAccountHardening -CheckId ConsoleUsersHaveMfa)
            $finding.Count | Should -Be 1
            ($finding[0].Status, $finding[0].Resource) | Should -Be @('Fail', 'console-user')
            $finding[0].References | Should -Be @('CIS 1.9', 'IAM.5')

            $device = Invoke-Aws iam create-virtual-mfa-device --virtual-mfa-device-name console-user --outfile (Join-Path $TestDrive 'console-user.png') --bootstrap-method QRCodePNG
            Invoke-Aws iam enable-mfa-device --user-name console-user --serial-number $device.VirtualMFADevice.SerialNumber --authentication-code1 123456 --authentication-code2 654321
            $pass = @(Test-NumeraiAccountHardening -CheckId ConsoleUsersHaveMfa)
            ($pass[0].Status, $pass[0].Resource, $pass[0].Detail) | Should -Be @('Pass', 'all IAM users', 'All 1 IAM user(s) with a console password have MFA.')
        }

        It 'fails two active access keys and passes when one is deactivated' {
            Invoke-Aws iam create-user --user-name two-keys | Out-Null
            $first = Invoke-Aws iam create-access-key --user-name two-keys
            Invoke-Aws iam create-access-key --user-name two-keys | Out-Null
            $finding = @(Test-NumeraiAccountHardening -CheckId SingleActiveAccessKey)
            ($finding.Status, $finding.Resource) | Should -Be @('Fail', 'two-keys')
            Invoke-Aws iam update-access-key --user-name two-keys --access-key-id $first.AccessKey.AccessKeyId --status Inactive
            (Test-NumeraiAccountHardening -CheckId SingleActiveAccessKey).Status | Should -Be 'Pass'
        }

        It 'passes fresh credentials for the 45-day and 90-day checks (old ones are covered by the engine tests)' {
            @(Test-NumeraiAccountHardening -CheckId CredentialsUnused45Days, AccessKeysRotated90Days).Status | Should -Be @('Pass', 'Pass')
        }

        It 'fails a user with its own policy and passes once the policy moved to a group' {
            Invoke-Aws iam attach-user-policy --user-name two-keys --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess
            $finding = @(Test-NumeraiAccountHardening -CheckId PermissionsThroughGroupsOnly)
            ($finding.Status, $finding.Resource, $finding.Detail) | Should -Be @('Fail', 'two-keys', 'Has policies of its own (attached: ReadOnlyAccess).')
            Invoke-Aws iam detach-user-policy --user-name two-keys --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess
            (Test-NumeraiAccountHardening -CheckId PermissionsThroughGroupsOnly).Status | Should -Be 'Pass'
        }

        It 'fails an attached "*:*" customer policy, warns an unattached one, passes without' {
            $document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*"],"Resource":"*"}]}'
            $policy = Invoke-Aws iam create-policy --policy-name everything --policy-document $document
            $arn = $policy.Policy.Arn
            (Test-NumeraiAccountHardening -CheckId NoFullAdminPolicies).Status | Should -Be 'Warning'
            Invoke-Aws iam create-group --group-name everyone | Out-Null
            Invoke-Aws iam attach-group-policy --group-name everyone --policy-arn $arn
            $finding = Test-NumeraiAccountHardening -CheckId NoFullAdminPolicies
            ($finding.Status, $finding.Resource) | Should -Be @('Fail', $arn)
            Invoke-Aws iam detach-group-policy --group-name everyone --policy-arn $arn
            Invoke-Aws iam delete-policy --policy-arn $arn
            (Test-NumeraiAccountHardening -CheckId NoFullAdminPolicies).Status | Should -Be 'Pass'
        }

        It 'fails without an administrator with MFA and passes with one' {
            (Test-NumeraiAccountHardening -CheckId AdminUserWithMfa).Detail | Should -Match '^No group has AdministratorAccess attached'
            Invoke-Aws iam create-group --group-name Administrators | Out-Null
            Invoke-Aws iam attach-group-policy --group-name Administrators --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
            Invoke-Aws iam create-user --user-name numerai-admin | Out-Null
            Invoke-Aws iam add-user-to-group --group-name Administrators --user-name numerai-admin
            $noMfa = Test-NumeraiAccountHardening -CheckId AdminUserWithMfa
            ($noMfa.Status, $noMfa.Detail) | Should -Be @('Fail', 'Administrator user(s) numerai-admin have no MFA device.')
            $device = Invoke-Aws iam create-virtual-mfa-device --virtual-mfa-device-name numerai-admin --outfile (Join-Path $TestDrive 'numerai-admin.png') --bootstrap-method QRCodePNG
            Invoke-Aws iam enable-mfa-device --user-name numerai-admin --serial-number $device.VirtualMFADevice.SerialNumber --authentication-code1 123456 --authentication-code2 654321
            $pass = Test-NumeraiAccountHardening -CheckId AdminUserWithMfa
            ($pass.Status, $pass.Detail) | Should -Be @('Pass', 'Administrator user(s) with MFA: numerai-admin.')
        }

        It 'fails without a support role and passes with one' {
            (Test-NumeraiAccountHardening -CheckId SupportRoleExists).Status | Should -Be 'Fail'
            $trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}'
            Invoke-Aws iam create-role --role-name aws-support --assume-role-policy-document $trust | Out-Null
            Invoke-Aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess
            $pass = Test-NumeraiAccountHardening -CheckId SupportRoleExists
            ($pass.Status, $pass.Detail) | Should -Be @('Pass', 'AWSSupportAccess is attached to role(s) aws-support.')
        }

        It 'passes the caller and root access key checks moto can show' {
            $findings = @(Test-NumeraiAccountHardening -CheckId CallerNotRoot, RootNoAccessKeys)
            (Find $findings CallerNotRoot).Status | Should -Be 'Pass'
            (Find $findings CallerNotRoot).Resource | Should -Be 'arn:aws:sts::123456789012:user/moto'
            (Find $findings RootNoAccessKeys).Status | Should -Be 'Pass'
        }
    }

    Context 'alternate contacts, both ways' {
        BeforeAll { Reset-TestEmulator }

        It 'fails SECURITY and warns the others, then passes all three once set' {
            $findings = @(Test-NumeraiAccountHardening -CheckId AlternateContactsSet)
            $findings.Resource | Should -Be @('SECURITY', 'BILLING', 'OPERATIONS')
            $findings.Status | Should -Be @('Fail', 'Warning', 'Warning')
            foreach ($type in 'SECURITY', 'BILLING', 'OPERATIONS') {
                Invoke-Aws account put-alternate-contact --alternate-contact-type $type --name 'Numerai Team' --title Owner --email-address "$($type.ToLower())@example.com" --phone-number '+1 555 0100'
            }
            $pass = @(Test-NumeraiAccountHardening -CheckId AlternateContactsSet)
            $pass.Status | Should -Be @('Pass', 'Pass', 'Pass')
            ($pass | Where-Object Resource -eq SECURITY).Detail | Should -Be 'The SECURITY contact is set (security@example.com).'
        }
    }

    Context 'storage, both ways' {
        BeforeAll { Reset-TestEmulator }

        It 'fails account-level Block Public Access when not set or partial and passes with all four' {
            (Test-NumeraiAccountHardening -CheckId S3AccountPublicAccessBlock).Detail | Should -Be 'Account-level Block Public Access is not set.'
            Set-AccountPublicAccessBlock $false
            (Test-NumeraiAccountHardening -CheckId S3AccountPublicAccessBlock).Detail | Should -Be 'Account-level Block Public Access is incomplete (off: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy).'
            Set-AccountPublicAccessBlock $true
            (Test-NumeraiAccountHardening -CheckId S3AccountPublicAccessBlock).Status | Should -Be 'Pass'
        }

        It 'fails every bucket check on a plain bucket' {
            Invoke-Aws s3api create-bucket --bucket plain-bucket | Out-Null
            $findings = @(Test-NumeraiAccountHardening -CheckId 'S3Bucket*')
            $findings.Count | Should -Be 5
            $findings | ForEach-Object { ($_.Status, $_.Resource) | Should -Be @('Fail', 'plain-bucket') }
            $findings | ForEach-Object { $_.RemediationCommand | Should -BeNullOrEmpty }   # not a NumeraiAws bucket
            (Find $findings S3BucketTlsOnly).Detail | Should -Be 'The bucket has no policy, so plain HTTP requests are allowed.'
            (Find $findings S3BucketPublicAccessBlock).Detail | Should -Be 'The bucket has no Block Public Access configuration.'
            (Find $findings S3BucketAclsDisabled).Detail | Should -Be 'The bucket has no Object Ownership setting, so ACLs are in effect.'
            (Find $findings S3BucketVersioning).Detail | Should -Be 'Versioning was never enabled.'
        }

        It 'passes every bucket check once the bucket is hardened' {
            Invoke-Aws s3api put-public-access-block --bucket plain-bucket --public-access-block-configuration 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true'
            Invoke-Aws s3api put-bucket-policy --bucket plain-bucket --policy (& $TlsPolicy 'plain-bucket')
            Invoke-Aws s3api put-bucket-ownership-controls --bucket plain-bucket --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
            Invoke-Aws s3api put-bucket-lifecycle-configuration --bucket plain-bucket --lifecycle-configuration '{"Rules":[{"ID":"expire","Status":"Enabled","Filter":{"Prefix":""},"NoncurrentVersionExpiration":{"NoncurrentDays":30}}]}'
            Invoke-Aws s3api put-bucket-versioning --bucket plain-bucket --versioning-configuration Status=Enabled
            $findings = @(Test-NumeraiAccountHardening -CheckId 'S3Bucket*')
            $findings.Status | Should -Be @('Pass', 'Pass', 'Pass', 'Pass', 'Pass')
        }

        It 'accepts a TLS 1.2 minimum (s3:TlsVersion) as TLS-only' {
            $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::plain-bucket/*","Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"}}}]}'
            Invoke-Aws s3api put-bucket-policy --bucket plain-bucket --policy $policy
            (Test-NumeraiAccountHardening -CheckId S3BucketTlsOnly).Status | Should -Be 'Pass'
        }

        It 'names Repair as the fix only for a NumeraiAws bucket' {
            Invoke-Aws s3api create-bucket --bucket numerai-managed | Out-Null
            Invoke-Aws s3api put-bucket-tagging --bucket numerai-managed --tagging 'TagSet=[{Key=numeraiaws:managed,Value=true}]'
            $finding = Test-NumeraiAccountHardening -CheckId S3BucketTlsOnly | Where-Object Resource -eq numerai-managed
            $finding.RemediationCommand | Should -Be 'Repair-NumeraiAccountHardening -CheckId S3BucketTlsOnly'
        }
    }

    Context 'cost budget, both ways' {
        BeforeAll { Reset-TestEmulator }

        It 'fails without a budget, and passes with one that alerts' {
            (Test-NumeraiAccountHardening -CheckId CostBudgetWithAlert).Status | Should -Be 'Fail'
            New-NumeraiBudget -LimitUsd 50 -Email alerts@example.com | Out-Null
            $pass = Test-NumeraiAccountHardening -CheckId CostBudgetWithAlert
            ($pass.Status, $pass.Resource) | Should -Be @('Pass', 'numerai-monthly-cost')
            $pass.Detail | Should -Be 'Monthly cost budget of 50 USD with 4 alert(s): ACTUAL GREATER_THAN 80%, ACTUAL GREATER_THAN 100%, FORECASTED GREATER_THAN 80%, FORECASTED GREATER_THAN 100%.'
        }
    }

    Context 'at scale: calls grow with pages, not with users' {
        BeforeAll {
            Reset-TestEmulator
            function Measure-Audit {
                Test-NumeraiAccountHardening | Out-Null   # IAM generates the credential report on the first audit only
                Get-NumeraiAwsCallHistory -Clear | Out-Null
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $findings = @(Test-NumeraiAccountHardening)
                $watch.Stop()
                [pscustomobject]@{
                    Calls = @(Get-NumeraiAwsCallHistory | ForEach-Object { "$($_.Service) $($_.Operation)" })
                    Seconds = $watch.Elapsed.TotalSeconds
                    NoMfa = @(Find $findings ConsoleUsersHaveMfa | Where-Object Status -eq Fail).Count
                }
            }
        }

        It 'makes the same calls for 10 and 100 users, and reports each failing user' {
            New-TestIamUsers 1 10
            $ten = Measure-Audit
            New-TestIamUsers 11 100
            $hundred = Measure-Audit
            $ten.NoMfa | Should -Be 1
            $hundred.NoMfa | Should -Be 10
            $hundred.Calls | Should -Be $ten.Calls
            $ten.Calls.Count | Should -Be 13
            Write-Host ("    audit: 10 users {0:N2} s, 100 users {1:N2} s, {2} AWS calls each" -f $ten.Seconds, $hundred.Seconds, $ten.Calls.Count)
            $script:HundredCalls = $hundred.Calls
        }

        It 'makes the same calls for 1,000 users' {
            New-TestIamUsers 101 1000
            $thousand = Measure-Audit
            $thousand.NoMfa | Should -Be 100
            $thousand.Calls | Should -Be $script:HundredCalls
            Write-Host ("    audit: 1,000 users {0:N2} s, {1} AWS calls" -f $thousand.Seconds, $thousand.Calls.Count)
        }
    }

    Context 'a caller without every permission' {
        BeforeAll {
            # A moto of its own that enforces IAM after the first requests (which set up the limited user).
            Import-Module (Join-Path $PSScriptRoot '../Emulator.psm1')
            $script:Strict = Start-Emulator -Environment @{ INITIAL_NO_AUTH_ACTION_COUNT = '3' }
            $aws = { & aws --endpoint-url $Strict.Url --region us-east-1 --output json @args | ConvertFrom-Json }
            & $aws iam create-user --user-name auditor | Out-Null
            & $aws iam put-user-policy --user-name auditor --policy-name audit-except-report --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:GenerateCredentialReport","Resource":"*"}]}' | Out-Null
            $key = (& $aws iam create-access-key --user-name auditor).AccessKey
            $script:Limited = @{ EndpointUrl = $Strict.Url; AccessKey = $key.AccessKeyId; SecretKey = $key.SecretAccessKey }
        }
        AfterAll { Stop-EmulatorProcess $Strict.Pid }

        It 'reports the checks that need the refused call as Error naming the permission, and runs the rest' {
            $findings = @(Test-NumeraiAccountHardening @Limited)
            $errors = @($findings | Where-Object Status -eq Error)
            $errors.CheckId | Sort-Object | Should -Be @('AccessKeysRotated90Days', 'ConsoleUsersHaveMfa', 'CredentialsUnused45Days', 'RootNotRecentlyUsed', 'SingleActiveAccessKey')
            $errors | ForEach-Object { $_.Detail | Should -Be 'Could not be evaluated: the caller is not allowed to perform iam:GenerateCredentialReport.' }
            (Find $findings PermissionsThroughGroupsOnly).Resource | Should -Be 'auditor'
            (Find $findings PasswordMinimumLength).Status | Should -Be 'Fail'
            @($findings.CheckId | Sort-Object -Unique).Count | Should -Be 24
        }
    }
}

Describe 'Repair-NumeraiAccountHardening' {
    BeforeAll {
        Reset-TestEmulator
        # The Numerai data bucket (New-NumeraiBucket's tags), another bucket the module manages, and someone else's.
        Invoke-Aws s3api create-bucket --bucket numerai-data | Out-Null
        Invoke-Aws s3api put-bucket-tagging --bucket numerai-data --tagging 'TagSet=[{Key=numeraiaws:managed,Value=true},{Key=numeraiaws:component,Value=data-bucket}]'
        Invoke-Aws s3api create-bucket --bucket numerai-scratch | Out-Null
        Invoke-Aws s3api put-bucket-tagging --bucket numerai-scratch --tagging 'TagSet=[{Key=numeraiaws:managed,Value=true},{Key=numeraiaws:component,Value=scratch}]'
        Invoke-Aws s3api create-bucket --bucket someone-elses | Out-Null
        Invoke-Aws iam update-account-password-policy --minimum-password-length 20 --max-password-age 30
        $script:Failing = @(Test-NumeraiAccountHardening | Where-Object Status -eq Fail)
    }

    It 'makes no write call with -WhatIf and changes nothing' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $results = @($Failing | Repair-NumeraiAccountHardening -WhatIf)
        Get-WriteCallCount | Should -Be 0
        ($results | Where-Object CheckId -eq S3AccountPublicAccessBlock).Status | Should -Be 'Skipped'
        ($results | Where-Object CheckId -eq PasswordComplexity).Action | Should -Match '^Would set the password policy'
        @($results | Where-Object Resource -eq numerai-data).Status | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Skipped', 'Skipped')
        Get-AccountPublicAccessBlock | Should -BeNullOrEmpty
        (Invoke-Aws iam get-account-password-policy).PasswordPolicy.RequireSymbols | Should -BeFalse
        { Invoke-Aws s3api get-bucket-policy --bucket numerai-data } | Should -Throw '*NoSuchBucketPolicy*'
    }

    It 'repairs what is safe, from the pipeline, and returns Manual steps for the rest' {
        $script:Results = @($Failing | Repair-NumeraiAccountHardening -Confirm:$false)
        $Results | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.HardeningRepairResult' }
        $Results.Count | Should -Be $Failing.Count

        # Length already passed (20); reuse and complexity failed: one change, reported for each of the two findings.
        $password = @($Results | Where-Object CheckId -like 'Password*')
        $password.CheckId | Sort-Object | Should -Be @('PasswordComplexity', 'PasswordReusePrevention')
        $password.Status | Should -Be @('Repaired', 'Repaired')
        $policy = (Invoke-Aws iam get-account-password-policy).PasswordPolicy
        ($policy.MinimumPasswordLength, $policy.PasswordReusePrevention, $policy.MaxPasswordAge) | Should -Be @(20, 24, 30)   # stricter settings kept
        ($policy.RequireSymbols, $policy.RequireNumbers, $policy.RequireUppercaseCharacters, $policy.RequireLowercaseCharacters) | Should -Be @($true, $true, $true, $true)

        $pab = Get-AccountPublicAccessBlock
        ($pab.BlockPublicAcls, $pab.IgnorePublicAcls, $pab.BlockPublicPolicy, $pab.RestrictPublicBuckets) | Should -Be @('true', 'true', 'true', 'true')
    }

    It 'brings the Numerai data bucket to the hardened state of New-NumeraiBucket' {
        $data = @($Results | Where-Object Resource -eq numerai-data)
        $data.CheckId | Sort-Object | Should -Be @('S3BucketAclsDisabled', 'S3BucketLifecycle', 'S3BucketPublicAccessBlock', 'S3BucketTlsOnly', 'S3BucketVersioning')
        $data.Status | Should -Be @('Repaired', 'Repaired', 'Repaired', 'Repaired', 'Repaired')
        $data[0].Action | Should -Match 'changed: PublicAccessBlock, OwnershipControls, Encryption, Versioning, Lifecycle, Policy\.$'
        (Invoke-Aws s3api get-bucket-versioning --bucket numerai-data).Status | Should -Be 'Enabled'
        (Invoke-Aws s3api get-bucket-ownership-controls --bucket numerai-data).OwnershipControls.Rules[0].ObjectOwnership | Should -Be 'BucketOwnerEnforced'
        @((Invoke-Aws s3api get-bucket-lifecycle-configuration --bucket numerai-data).Rules).Count | Should -Be 2
        @(((Invoke-Aws s3api get-bucket-policy --bucket numerai-data).Policy | ConvertFrom-Json).Statement).Sid | Should -Be @('NumeraiAwsDenyInsecureTransport')
    }

    It 'gives another managed bucket Block Public Access and the TLS statement only' {
        $scratch = @($Results | Where-Object Resource -eq numerai-scratch)
        ($scratch | Where-Object CheckId -eq S3BucketPublicAccessBlock).Status | Should -Be 'Repaired'
        ($scratch | Where-Object CheckId -eq S3BucketTlsOnly).Status | Should -Be 'Repaired'
        ($scratch | Where-Object CheckId -eq S3BucketVersioning).Status | Should -Be 'Manual'
        $bucketPab = (Invoke-Aws s3api get-public-access-block --bucket numerai-scratch).PublicAccessBlockConfiguration
        ($bucketPab.BlockPublicAcls, $bucketPab.IgnorePublicAcls, $bucketPab.BlockPublicPolicy, $bucketPab.RestrictPublicBuckets) | Should -Be @($true, $true, $true, $true)
        $statements = @(((Invoke-Aws s3api get-bucket-policy --bucket numerai-scratch).Policy | ConvertFrom-Json).Statement)
        $statements.Sid | Should -Be @('NumeraiAwsDenyInsecureTransport')
        $statements[0].Condition.Bool.'aws:SecureTransport' | Should -Be 'false'
        (Invoke-Aws s3api get-bucket-versioning --bucket numerai-scratch) | Should -BeNullOrEmpty
    }

    It 'leaves buckets it does not manage alone, with the commands to run' {
        { Invoke-Aws s3api get-bucket-policy --bucket someone-elses } | Should -Throw '*NoSuchBucketPolicy*'
        $other = $Results | Where-Object { $_.CheckId -eq 'S3BucketTlsOnly' -and $_.Resource -eq 'someone-elses' }
        $other.Status | Should -Be 'Manual'
        $other.Action | Should -Match 'is not a NumeraiAws bucket'
        $other.Steps[-2] | Should -Be 'aws s3api put-bucket-policy --bucket someone-elses --policy file://policy.json'
        $other.Steps[-1] | Should -Be 'Run Test-NumeraiAccountHardening -CheckId S3BucketTlsOnly to confirm.'
    }

    It 'gives exact steps for what only a person can do' {
        $root = $Results | Where-Object CheckId -eq RootMfaEnabled
        $root.Status | Should -Be 'Manual'
        $root.Steps[0] | Should -Be 'Sign in to the AWS console as the root user (the account''s email address and password).'
        ($Results | Where-Object { $_.CheckId -eq 'AlternateContactsSet' }).Steps[1] | Should -Match '^aws account put-alternate-contact --alternate-contact-type SECURITY '
        ($Results | Where-Object CheckId -eq CostBudgetWithAlert).Steps[0] | Should -Be 'New-NumeraiBudget -LimitUsd <monthly limit in USD> -Email <address for the alerts>'
    }

    It 'makes no write call when run again, and the audit agrees' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $again = @($Failing | Repair-NumeraiAccountHardening -Confirm:$false)
        Get-WriteCallCount | Should -Be 0
        @($again | Where-Object Status -eq Repaired).Count | Should -Be 0
        ($again | Where-Object CheckId -eq S3AccountPublicAccessBlock).Status | Should -Be 'NoChange'
        @($again | Where-Object Resource -eq numerai-data).Status | Should -Be @('NoChange', 'NoChange', 'NoChange', 'NoChange', 'NoChange')
        $after = @(Test-NumeraiAccountHardening -CheckId 'Password*', S3AccountPublicAccessBlock)
        $after.Status | Should -Be @('Pass', 'Pass', 'Pass', 'Pass')
        @(Test-NumeraiAccountHardening -CheckId 'S3Bucket*' | Where-Object Resource -eq numerai-data).Status | Should -Be @('Pass', 'Pass', 'Pass', 'Pass', 'Pass')
        @(Test-NumeraiAccountHardening -CheckId S3BucketPublicAccessBlock, S3BucketTlsOnly | Where-Object Resource -eq numerai-scratch).Status | Should -Be @('Pass', 'Pass')
    }

    It 'creates the budget with -BudgetLimitUsd and -BudgetEmail, through -CheckId' {
        $result = @(Repair-NumeraiAccountHardening -CheckId CostBudgetWithAlert -BudgetLimitUsd 40 -BudgetEmail team@example.com -Confirm:$false)
        $result.Status | Should -Be 'Repaired'
        (Invoke-Aws budgets describe-budget --account-id 123456789012 --budget-name numerai-monthly-cost).Budget.BudgetLimit.Amount | Should -Be '40'
        @(Repair-NumeraiAccountHardening -CheckId CostBudgetWithAlert -BudgetLimitUsd 40 -BudgetEmail team@example.com -Confirm:$false) | Should -BeNullOrEmpty   # it passes now
    }

    It 'skips passing findings without an AWS call' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $result = [pscustomobject]@{ CheckId = 'RootNoAccessKeys'; Resource = 'x'; Status = 'Pass' } | Repair-NumeraiAccountHardening -Confirm:$false
        $result.Status | Should -Be 'Skipped'
        Get-CallCount | Should -Be 0
    }

    It 'writes a non-terminating error for input that is not a finding, and goes on' {
        $results = @([pscustomobject]@{ Name = 'x' }, [pscustomobject]@{ CheckId = 'RootMfaEnabled'; Resource = 'r'; Status = 'Fail' } |
            Repair-NumeraiAccountHardening -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems[0].FullyQualifiedErrorId | Should -Be "NotAFinding,$RepairCommand"
        $results.CheckId | Should -Be @('RootMfaEnabled')
    }

    It 'refuses bad choices before any AWS call' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        ({ $Failing | Repair-NumeraiAccountHardening -MaxPasswordAgeDays 0 -Confirm:$false } | Should -Throw -PassThru).FullyQualifiedErrorId |
            Should -Be "InvalidMaxPasswordAge,$RepairCommand"
        ({ $Failing | Repair-NumeraiAccountHardening -BudgetLimitUsd 10 -Confirm:$false } | Should -Throw -PassThru).FullyQualifiedErrorId |
            Should -Be "BudgetParametersIncomplete,$RepairCommand"
        ({ Repair-NumeraiAccountHardening -CheckId Nope -Confirm:$false } | Should -Throw -PassThru).FullyQualifiedErrorId |
            Should -Be "UnknownCheckId,$RepairCommand"
        Get-CallCount | Should -Be 0
    }
}

Describe 'New-NumeraiBudget' {
    BeforeAll { Reset-TestEmulator }

    It 'makes no write call with -WhatIf and reads nothing past the missing budget' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $result = New-NumeraiBudget -LimitUsd 50 -Email alerts@example.com -WhatIf
        Get-WriteCallCount | Should -Be 0
        @(Get-NumeraiAwsCallHistory).Operation | Should -Be @('GetCallerIdentity', 'DescribeBudget')
        $result.Created | Should -BeFalse
        (Invoke-Aws budgets describe-budgets --account-id 123456789012).Budgets | Should -BeNullOrEmpty
    }

    It 'creates a monthly cost budget with four alerts to the address' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $budget = New-NumeraiBudget -LimitUsd 50 -Email alerts@example.com
        $budget.PSObject.TypeNames[0] | Should -Be 'NumeraiAws.Engine.Model.NumeraiBudget'
        ($budget.BudgetName, $budget.LimitUsd, $budget.Email, $budget.Created, $budget.Changed) | Should -Be @('numerai-monthly-cost', 50, 'alerts@example.com', $true, $true)
        Get-WriteCallCount | Should -Be 1

        $described = (Invoke-Aws budgets describe-budget --account-id 123456789012 --budget-name numerai-monthly-cost).Budget
        ($described.BudgetType, $described.TimeUnit, $described.BudgetLimit.Amount, $described.BudgetLimit.Unit) | Should -Be @('COST', 'MONTHLY', '50', 'USD')
        $notifications = (Invoke-Aws budgets describe-notifications-for-budget --account-id 123456789012 --budget-name numerai-monthly-cost).Notifications
        $notifications | ForEach-Object { "$($_.NotificationType) $($_.ComparisonOperator) $($_.Threshold) $($_.ThresholdType)" } |
            Should -Be @('ACTUAL GREATER_THAN 80 PERCENTAGE', 'ACTUAL GREATER_THAN 100 PERCENTAGE', 'FORECASTED GREATER_THAN 80 PERCENTAGE', 'FORECASTED GREATER_THAN 100 PERCENTAGE')
        $subscribers = (Invoke-Aws budgets describe-subscribers-for-notification --account-id 123456789012 --budget-name numerai-monthly-cost --notification 'NotificationType=FORECASTED,ComparisonOperator=GREATER_THAN,Threshold=100,ThresholdType=PERCENTAGE').Subscribers
        # ForEach-Object, not .Address: on an array that name is Array.Address().
        @($subscribers | ForEach-Object { "$($_.SubscriptionType) $($_.Address)" }) | Should -Be @('EMAIL alerts@example.com')
    }

    It 'makes no write call when run again' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $again = New-NumeraiBudget -LimitUsd 50 -Email alerts@example.com
        Get-WriteCallCount | Should -Be 0
        ($again.Created, $again.Changed) | Should -Be @($false, $false)
    }

    It 'updates the limit and subscribes a new address, keeping the old one' {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $changed = New-NumeraiBudget -LimitUsd 80 -Email team@example.com
        ($changed.Created, $changed.Changed, $changed.LimitUsd) | Should -Be @($false, $true, 80)
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('UpdateBudget', 'CreateSubscriber', 'CreateSubscriber', 'CreateSubscriber', 'CreateSubscriber')
        (Invoke-Aws budgets describe-budget --account-id 123456789012 --budget-name numerai-monthly-cost).Budget.BudgetLimit.Amount | Should -Be '80'
        $subscribers = (Invoke-Aws budgets describe-subscribers-for-notification --account-id 123456789012 --budget-name numerai-monthly-cost --notification 'NotificationType=ACTUAL,ComparisonOperator=GREATER_THAN,Threshold=80,ThresholdType=PERCENTAGE').Subscribers
        @($subscribers | ForEach-Object Address) | Should -Be @('alerts@example.com', 'team@example.com')
    }

    It 'completes an interrupted run: only the missing alerts are added' {
        Reset-TestEmulator
        Invoke-Aws budgets create-budget --account-id 123456789012 --budget '{"BudgetName":"numerai-monthly-cost","BudgetLimit":{"Amount":"50","Unit":"USD"},"TimeUnit":"MONTHLY","BudgetType":"COST"}' --notifications-with-subscribers '[{"Notification":{"NotificationType":"ACTUAL","ComparisonOperator":"GREATER_THAN","Threshold":80,"ThresholdType":"PERCENTAGE"},"Subscribers":[{"SubscriptionType":"EMAIL","Address":"alerts@example.com"}]}]'
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $budget = New-NumeraiBudget -LimitUsd 50 -Email alerts@example.com
        ($budget.Created, $budget.Changed) | Should -Be @($false, $true)
        @(Get-NumeraiAwsCallHistory -WriteOnly).Operation | Should -Be @('CreateNotification', 'CreateNotification', 'CreateNotification')
        @((Invoke-Aws budgets describe-notifications-for-budget --account-id 123456789012 --budget-name numerai-monthly-cost).Notifications).Count | Should -Be 4
    }

    It 'binds LimitUsd and Email by property name' {
        $budget = [pscustomobject]@{ LimitUsd = 50; Email = 'alerts@example.com' } | New-NumeraiBudget
        ($budget.LimitUsd, $budget.Changed) | Should -Be @(50, $false)
    }

    It 'refuses <Case> with <Reason> before any AWS call' -ForEach @(
        @{ Case = 'a zero limit'; Limit = 0; Email = 'a@example.com'; Reason = 'InvalidBudgetLimit' }
        @{ Case = 'a negative limit'; Limit = -5; Email = 'a@example.com'; Reason = 'InvalidBudgetLimit' }
        @{ Case = 'a fraction of a cent'; Limit = 10.001; Email = 'a@example.com'; Reason = 'InvalidBudgetLimit' }
        @{ Case = 'a name that is not an address'; Limit = 10; Email = 'alerts'; Reason = 'InvalidEmailAddress' }
        @{ Case = 'an address with a line break'; Limit = 10; Email = "a@example.com`nBcc: b@example.com"; Reason = 'InvalidEmailAddress' }
    ) {
        Get-NumeraiAwsCallHistory -Clear | Out-Null
        $thrown = { New-NumeraiBudget -LimitUsd $Limit -Email $Email } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "$Reason,$BudgetCommand"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CallCount | Should -Be 0
    }
}
