@{
    # One netstandard2.0 cmdlet assembly for both editions; its engine and AWSSDK.* are in bin/core (loaded into a
    # private AssemblyLoadContext on PowerShell 7) and bin/desktop (Windows PowerShell 5.1). See docs/architecture.md.
    RootModule           = 'bin/NumeraiAws.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    GUID                 = '5b0c7a8e-3f2d-4c1e-9a6b-2d8e4f1a7c93'
    Author               = 'NumeraiAws contributors'
    CompanyName          = 'NumeraiAws'
    Copyright            = '(c) NumeraiAws contributors. Apache-2.0.'
    Description          = 'Turns a fresh AWS account into a hardened, least-privilege workspace for the Numerai tournament: S3, IAM, SageMaker and CodeCommit from a short, repeatable pipeline.'
    FormatsToProcess     = @('bin/NumeraiAws.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-NumeraiAwsCallHistory'
        'Get-NumeraiAwsIdentity'
        'Get-NumeraiEnvironment'
        'Remove-NumeraiEnvironment'
        'New-NumeraiBucket'
        'New-NumeraiAdminUser'
        'New-NumeraiAnalystGroup'
        'New-NumeraiAnalystUser'
        'New-NumeraiBucketPolicy'
        'New-NumeraiCodeCommitCredential'
        'New-NumeraiRepository'
        'New-NumeraiStudioDomain'
        'New-NumeraiStudioUser'
        'New-NumeraiBudget'
        'Repair-NumeraiAccountHardening'
        'Test-NumeraiAccountHardening'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'Numerai', 'SageMaker', 'S3', 'IAM', 'CodeCommit', 'Security', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ReleaseNotes = 'First release: connection layer; the setup pipeline (bucket, policy, group, users, Git credentials, Studio, repository); environment report and teardown; account hardening audit and repair; budget.'
        }
    }
}
