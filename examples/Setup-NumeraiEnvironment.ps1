<#
.SYNOPSIS
    The canonical NumeraiAws setup: the manual procedure of the Numerai write-up as one short, re-runnable script.
.DESCRIPTION
    Run it as the administrator user (not root). Every step is idempotent: running the script again changes
    nothing and makes no write call. Add -WhatIf to see what it would do.
.EXAMPLE
    ./examples/Setup-NumeraiEnvironment.ps1 -ProfileName numerai-admin
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The analyst's initial console password; asked for when not given. The analyst must change it at first sign-in.
    [SecureString] $ConsolePassword
)
$ErrorActionPreference = 'Stop'

$identity = Get-NumeraiAwsIdentity
if ($identity.IsRoot) { throw 'These are root credentials: create the administrator user first (New-NumeraiAdminUser) and use it.' }
$identity
