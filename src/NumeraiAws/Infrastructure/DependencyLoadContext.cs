#if NETCOREAPP
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace NumeraiAws.Infrastructure
{
    /// <summary>
    /// The module's private load context ("Resolving PowerShell module assembly dependency conflicts", PowerShell
    /// docs): the engine and the AWSSDK.* assemblies it references are loaded here from the dependencies folder.
    /// Anything not shipped there (the framework, System.Management.Automation) falls back to the default context.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        public static readonly DependencyLoadContext Instance = new DependencyLoadContext(ModuleInitializer.DependencyDirectory);

        private readonly string _directory;

        private DependencyLoadContext(string directory) : base("NumeraiAws", isCollectible: false)
        {
            _directory = directory;
        }

        protected override Assembly Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
#endif
