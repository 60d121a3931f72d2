using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported. The engine and its AWSSDK.* dependencies live beside this assembly in
    /// bin/core (PowerShell 7, net8.0 builds) and bin/desktop (Windows PowerShell 5.1, netstandard2.0 builds),
    /// where PowerShell does not look. On PowerShell 7 they are loaded into a private AssemblyLoadContext
    /// (NumeraiAws.LoadContext.dll), so a different AWSSDK.Core already in the session (AWS.Tools.*, another
    /// module) neither breaks us nor is broken by us. Windows PowerShell 5.1 has one AppDomain and no load
    /// contexts: there the first AWSSDK.Core loaded wins (see docs/architecture.md).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private const string EngineAssemblyName = "NumeraiAws.Engine";
        private static readonly string BinDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
        private static readonly bool IsNetFramework =
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsNetFramework)
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDesktopDirectory;
            else
                InstallerMethod("Install").Invoke(null, new object[] { Path.Combine(BinDirectory, "core"), EngineAssemblyName });
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (IsNetFramework)
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDesktopDirectory;
            else
                InstallerMethod("Uninstall").Invoke(null, null);
        }

        private static MethodInfo InstallerMethod(string name)
        {
            var assembly = Assembly.LoadFrom(Path.Combine(BinDirectory, "NumeraiAws.LoadContext.dll"));
            return assembly.GetType("NumeraiAws.LoadContext.LoadContextInstaller", throwOnError: true).GetMethod(name);
        }

        private static Assembly ResolveFromDesktopDirectory(object sender, ResolveEventArgs args)
        {
            var path = Path.Combine(BinDirectory, "desktop", new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
