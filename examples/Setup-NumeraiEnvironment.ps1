<#
.SYNOPSIS
    The canonical NumeraiAws setup: the manual procedure of the Numerai write-up as one short, re-runnable script.
.DESCRIPTION
    Run it as the administrator user (not root; New-NumeraiAdminUser makes one). Every step is idempotent:
    running the script again changes nothing and makes no write call. Add -WhatIf to see what it would do.
    It writes ./codecommit-credentials.csv (owner-only) the first time it mints the HTTPS Git credential.
.EXAMPLE
    ./examples/Setup-NumeraiEnvironment.ps1 -ProfileName numerai-admin
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The analyst's initial console password; asked for when not given. The analyst must change it at first sign-in.
    [SecureString] $ConsolePassword
)
$ErrorActionPreference = 'Stop'

if ((Get-NumeraiAwsIdentity).IsRoot) { throw 'These are root credentials: create the administrator user first (New-NumeraiAdminUser) and use it.' }
$password = if ($ConsolePassword) { $ConsolePassword } else { Read-Host -AsSecureString 'Initial console password for the analyst' }

$policy = New-NumeraiBucket | New-NumeraiBucketPolicy
$policy | New-NumeraiAnalystGroup |
    New-NumeraiAnalystUser -ConsolePassword $password |
    New-NumeraiCodeCommitCredential -OutFile ./codecommit-credentials.csv
$policy | New-NumeraiStudioDomain | New-NumeraiStudioUser
New-NumeraiRepository
Test-NumeraiAccountHardening
