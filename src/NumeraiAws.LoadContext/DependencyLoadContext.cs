using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace NumeraiAws.LoadContext
{
    /// <summary>
    /// The module's private load context ("Resolving PowerShell module assembly dependency conflicts", PowerShell
    /// docs): the engine and the AWSSDK.* assemblies it references are loaded here from the module's
    /// bin/core folder. Anything not shipped there (the framework, System.Management.Automation) falls back to
    /// the default context. Because <see cref="Load"/> answers first, an AWSSDK.Core of the same assembly version
    /// already loaded in the default context (every 4.x build is 4.0.0.0) is never picked up by mistake.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;

        public DependencyLoadContext(string directory) : base("NumeraiAws", isCollectible: false)
        {
            _directory = directory;
        }

        protected override Assembly Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    /// <summary>Called by the cmdlet assembly's module initializer through reflection, on PowerShell 7 only.</summary>
    public static class LoadContextInstaller
    {
        private static DependencyLoadContext _context;
        private static Func<AssemblyLoadContext, AssemblyName, Assembly> _handler;
        private static readonly object Gate = new object();

        /// <summary>
        /// Routes the default context's failed lookups of <paramref name="engineAssemblyName"/> (only that one) to
        /// the private context over <paramref name="directory"/>; the engine's own references then resolve there.
        /// </summary>
        public static void Install(string directory, string engineAssemblyName)
        {
            lock (Gate)
            {
                if (_handler != null) return;
                _context = _context ?? new DependencyLoadContext(directory);
                _handler = (context, name) =>
                    string.Equals(name.Name, engineAssemblyName, StringComparison.Ordinal) ? _context.LoadFromAssemblyName(name) : null;
                AssemblyLoadContext.Default.Resolving += _handler;
            }
        }

        public static void Uninstall()
        {
            lock (Gate)
            {
                if (_handler == null) return;
                AssemblyLoadContext.Default.Resolving -= _handler;
                _handler = null;
            }
        }
    }
}
