using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported. The engine and its AWSSDK.* dependencies live in the "dependencies"
    /// folder beside this assembly, where PowerShell does not look; this hooks the loader so they are found there.
    /// On PowerShell 7 they are loaded into a private AssemblyLoadContext, so a different AWSSDK.Core already in
    /// the session (AWS.Tools.*, another module) neither breaks us nor is broken by us. On Windows PowerShell 5.1
    /// there is one AppDomain and no isolation: the first AWSSDK.Core loaded wins (see docs/architecture.md).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string EngineAssemblyName = "NumeraiAws.Engine";

        internal static readonly string DependencyDirectory = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location), "dependencies");

        public void OnImport()
        {
#if NETCOREAPP
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += ResolveEngineIntoOwnContext;
#else
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencyDirectory;
#endif
        }

        public void OnRemove(PSModuleInfo module)
        {
#if NETCOREAPP
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving -= ResolveEngineIntoOwnContext;
#else
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencyDirectory;
#endif
        }

#if NETCOREAPP
        // Only the engine is resolved from the default context; everything the engine needs (AWSSDK.*) is then
        // resolved by DependencyLoadContext itself, never by the default context.
        private static Assembly ResolveEngineIntoOwnContext(System.Runtime.Loader.AssemblyLoadContext context, AssemblyName name)
        {
            if (!string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal)) return null;
            return DependencyLoadContext.Instance.LoadFromAssemblyName(name);
        }
#else
        private static Assembly ResolveFromDependencyDirectory(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = Path.Combine(DependencyDirectory, name.Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
#endif
    }
}
