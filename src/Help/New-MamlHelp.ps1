<#
.SYNOPSIS
    Writes the module's MAML help (NumeraiAws.dll-Help.xml) from the pages in docs/cmdlets.
.DESCRIPTION
    platyPS is not available here, so this does its one job: each docs/cmdlets/<Cmdlet>.md page (SYNOPSIS,
    DESCRIPTION, EXAMPLES, PARAMETERS, NOTES) becomes the cmdlet's help, and the syntax, parameter types,
    positions and pipeline input come from the compiled cmdlet itself, so they cannot drift from the code.
    Parameters every AWS cmdlet shares are described once, in docs/cmdlets/common-parameters.md.
    Runs in its own process because it imports the freshly built module.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Split-Sections([string] $text, [string] $marker) {
    # Splits markdown into { heading -> body } at headings that start with $marker (e.g. '## ').
    $sections = [ordered]@{}
    $current = $null
    $inFence = $false
    foreach ($line in $text -split "`r?`n") {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($marker) -and -not $line.StartsWith($marker + '#')) {
            $current = $line.Substring($marker.Length).Trim()
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $current) { $sections[$current].Add($line) }
    }
    $result = [ordered]@{}
    foreach ($key in $sections.Keys) { $result[$key] = ($sections[$key] -join "`n").Trim() }
    $result
}

function ConvertTo-Paragraphs([System.Xml.XmlWriter] $writer, [string] $text) {
    foreach ($paragraph in ($text -split "`n\s*`n")) {
        if ([string]::IsNullOrWhiteSpace($paragraph)) { continue }
        $writer.WriteElementString('maml', 'para', $ns.maml, ($paragraph -replace "`n", ' ').Trim())
    }
}

$ns = @{
    maml = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$commonParameterNames = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

$module = Import-Module $ModuleManifest -PassThru -Force
$commonDocs = Split-Sections (Get-Content (Join-Path $DocsPath 'common-parameters.md') -Raw) '### '

New-Item -ItemType Directory -Force -Path (Split-Path $OutputPath) | Out-Null
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
$writer.WriteAttributeString('xmlns', 'http://msh')
foreach ($command in (Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)) {
    $page = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path $page)) { throw "No help page for $($command.Name): expected $page" }
    $sections = Split-Sections (Get-Content $page -Raw) '## '
    $parameterDocs = if ($sections.Contains('PARAMETERS')) { Split-Sections $sections['PARAMETERS'] '### ' } else { @{} }

    $writer.WriteStartElement('command', 'command', $ns.command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $writer.WriteAttributeString('xmlns', 'command', $null, $ns.command)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $writer.WriteStartElement('command', 'details', $ns.command)
    $writer.WriteElementString('command', 'name', $ns.command, $command.Name)
    $writer.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $writer.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    $writer.WriteStartElement('maml', 'description', $ns.maml)
    ConvertTo-Paragraphs $writer $sections['SYNOPSIS']
    $writer.WriteEndElement(); $writer.WriteEndElement()
    $writer.WriteStartElement('maml', 'description', $ns.maml)
    ConvertTo-Paragraphs $writer $sections['DESCRIPTION']
    $writer.WriteEndElement()

    $describe = {
        param($name)
        $key = "-$name"
        if ($parameterDocs.Contains($key)) { return $parameterDocs[$key] }
        if ($commonDocs.Contains($key)) { return $commonDocs[$key] }
        return ''
    }
    $writeParameter = {
        param($parameter, $set, [bool] $inSyntax)
        # In a syntax item, the attribute of that parameter set; in the parameter list ($set is null), the first one.
        $attribute = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($null -eq $set -or $_.ParameterSetName -eq $set -or $_.ParameterSetName -eq '__AllParameterSets') } | Select-Object -First 1
        $pipeline = @()
        if ($attribute.ValueFromPipeline) { $pipeline += 'ByValue' }
        if ($attribute.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        $writer.WriteStartElement('command', 'parameter', $ns.command)
        $writer.WriteAttributeString('required', ([string]$attribute.Mandatory).ToLowerInvariant())
        $writer.WriteAttributeString('globbing', 'false')
        $writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
        $writer.WriteAttributeString('position', $(if ($attribute.Position -ge 0) { [string]$attribute.Position } else { 'named' }))
        $writer.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
        $writer.WriteElementString('maml', 'name', $ns.maml, $parameter.Name)
        $writer.WriteStartElement('maml', 'description', $ns.maml)
        ConvertTo-Paragraphs $writer (& $describe $parameter.Name)
        $writer.WriteEndElement()
        $isSwitch = $parameter.ParameterType -eq [switch]
        $writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $writer.WriteAttributeString('required', ([string](-not $isSwitch)).ToLowerInvariant())
        $writer.WriteString($parameter.ParameterType.Name)
        $writer.WriteEndElement()
        $writer.WriteStartElement('dev', 'type', $ns.dev)
        $writer.WriteElementString('maml', 'name', $ns.maml, $parameter.ParameterType.FullName)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $writer.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        foreach ($p in $set.Parameters | Where-Object Name -notin $commonParameterNames) {
            & $writeParameter $command.Parameters[$p.Name] $set.Name $true
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $command.Parameters.Values | Where-Object Name -notin $commonParameterNames | Sort-Object Name) {
        & $writeParameter $parameter $null $false
    }
    $writer.WriteEndElement()

    foreach ($part in 'INPUTS', 'OUTPUTS') {
        $element = if ($part -eq 'INPUTS') { 'inputTypes' } else { 'returnValues' }
        $child = if ($part -eq 'INPUTS') { 'inputType' } else { 'returnValue' }
        $writer.WriteStartElement('command', $element, $ns.command)
        if ($sections.Contains($part)) {
            foreach ($typeBlock in (Split-Sections $sections[$part] '### ').GetEnumerator()) {
                $writer.WriteStartElement('command', $child, $ns.command)
                $writer.WriteStartElement('dev', 'type', $ns.dev)
                $writer.WriteElementString('maml', 'name', $ns.maml, $typeBlock.Key)
                $writer.WriteEndElement()
                $writer.WriteStartElement('maml', 'description', $ns.maml)
                ConvertTo-Paragraphs $writer $typeBlock.Value
                $writer.WriteEndElement()
                $writer.WriteEndElement()
            }
        }
        $writer.WriteEndElement()
    }

    if ($sections.Contains('NOTES')) {
        $writer.WriteStartElement('maml', 'alertSet', $ns.maml)
        $writer.WriteStartElement('maml', 'alert', $ns.maml)
        ConvertTo-Paragraphs $writer $sections['NOTES']
        $writer.WriteEndElement(); $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $ns.command)
    $examples = if ($sections.Contains('EXAMPLES')) { Split-Sections $sections['EXAMPLES'] '### ' } else { @{} }
    foreach ($example in $examples.GetEnumerator()) {
        $match = [regex]::Match($example.Value, '```(?:powershell)?\s*\n(?<code>.*?)\n```(?<remarks>.*)', 'Singleline')
        if (-not $match.Success) { throw "$page, '$($example.Key)': an example needs a powershell code block" }
        $writer.WriteStartElement('command', 'example', $ns.command)
        $writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($example.Key) --------------------------")
        $writer.WriteElementString('dev', 'code', $ns.dev, $match.Groups['code'].Value.Trim())
        $writer.WriteStartElement('dev', 'remarks', $ns.dev)
        ConvertTo-Paragraphs $writer $match.Groups['remarks'].Value.Trim()
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    $writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
    $writer.WriteElementString('maml', 'linkText', $ns.maml, "docs/cmdlets/$($command.Name).md")
    $writer.WriteEndElement()
    $writer.WriteEndElement()

    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()
