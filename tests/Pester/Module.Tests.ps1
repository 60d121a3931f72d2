# The module as a user meets it: the manifest, what it exports, approved verbs, and help for every parameter.
BeforeDiscovery {
    # The per-cmdlet blocks below are generated from Get-Command at discovery, which runs before BeforeAll: without
    # the module imported here they would be generated for no cmdlet at all, and silently check nothing.
    Import-Module (Join-Path $PSScriptRoot '../../NumeraiAws.psd1') -Force
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:ManifestPath = Join-Path $PSScriptRoot '../../NumeraiAws.psd1'
    Import-Module $script:ManifestPath -Force
    $script:Commands = Get-Command -Module NumeraiAws
    $script:CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'declares both editions and PowerShell 5.1 as the minimum' {
        $manifest = Test-ModuleManifest -Path $script:ManifestPath
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'lists every cmdlet of the assembly in CmdletsToExport, and nothing else' {
        $assembly = (Get-Command Get-NumeraiAwsIdentity).ImplementingType.Assembly
        $implemented = $assembly.GetExportedTypes() |
            Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" }
        $exported = (Import-PowerShellDataFile -Path $script:ManifestPath -ErrorAction SilentlyContinue).CmdletsToExport
        if (-not $exported) { $exported = (Test-ModuleManifest $script:ManifestPath).ExportedCmdlets.Keys }
        @($exported | Sort-Object) | Should -Be @($implemented | Sort-Object)
        @($script:Commands.Name | Sort-Object) | Should -Be @($implemented | Sort-Object)
    }

    It 'exports no functions, aliases or variables' {
        $module = Get-Module NumeraiAws
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
        $module.ExportedVariables.Count | Should -Be 0
    }
}

Describe 'Cmdlet <Name>' -ForEach @(Get-Command -Module NumeraiAws | ForEach-Object { @{ Name = $_.Name; Command = $_ } }) {
    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $Command.Verb
    }

    It 'has a synopsis and a description' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\w+-\w+ \['    # the auto-generated syntax means the MAML was not found
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) { $example.code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        $undocumented = foreach ($parameter in $Command.Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters }) {
            $text = (Get-Help $Name -Parameter $parameter).description.Text -join ''
            if ([string]::IsNullOrWhiteSpace($text)) { $parameter }
        }
        $undocumented | Should -BeNullOrEmpty -Because 'every parameter needs help in docs/cmdlets'
    }

    It 'declares an output type that the format file or the type itself makes readable' {
        $Command.OutputType.Count | Should -BeGreaterThan 0
        foreach ($type in $Command.OutputType.Type) {
            $type.IsSealed | Should -BeTrue -Because "$($type.FullName) is an output class"
            $type.Assembly.GetName().Name | Should -Not -Match '^AWSSDK'
        }
    }

    It 'has a page under docs/cmdlets' {
        Join-Path $PSScriptRoot "../../docs/cmdlets/$Name.md" | Should -Exist
    }

    It 'exposes no AWSSDK type in a parameter' {
        foreach ($parameter in $Command.Parameters.Values) {
            $parameter.ParameterType.Assembly.GetName().Name | Should -Not -Match '^AWSSDK'
        }
    }

    It 'supports ShouldProcess when its verb changes state' {
        if ($Command.Verb -in 'New', 'Set', 'Remove', 'Repair', 'Add', 'Update', 'Reset', 'Register', 'Unregister', 'Install', 'Clear') {
            $Command.Parameters.Keys | Should -Contain 'WhatIf'
            $Command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'Format file' {
    It 'gives each output type a default view' {
        $outputTypes = (Get-Command -Module NumeraiAws).OutputType.Type | Select-Object -Unique
        foreach ($type in $outputTypes) {
            Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view in NumeraiAws.Format.ps1xml"
        }
    }
}
