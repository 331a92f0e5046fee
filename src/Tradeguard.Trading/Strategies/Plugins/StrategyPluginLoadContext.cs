using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace Tradeguard.Trading.Strategies.Plugins;

/// <summary>
/// The load context of one strategy plugin: the plugin's own dependencies come from its folder (read from its
/// <c>.deps.json</c> by <see cref="AssemblyDependencyResolver"/>), while Tradeguard.Trading and Tradeguard.Core always
/// come from the host, so the plugin's <see cref="Strategy"/> is the engine's and a copy of the library shipped beside
/// the plugin is never loaded. Not collectible: a plugin stays loaded for the life of the process.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A Native AOT build refuses a plugin before any of this runs (LoadAssembly); builds with a JIT keep every type whole (TrimMode partial).")]
internal sealed class StrategyPluginLoadContext : AssemblyLoadContext
{
    /// <summary>The assemblies the host shares with every plugin.</summary>
    public static readonly IReadOnlyList<string> SharedAssemblies = ["Tradeguard.Trading", "Tradeguard.Core"];

    private readonly AssemblyDependencyResolver resolver;

    public StrategyPluginLoadContext(string assemblyPath)
        : base($"strategy plugin {Path.GetFileName(assemblyPath)}", isCollectible: false) =>
        resolver = new AssemblyDependencyResolver(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Null defers to the default context: the host's copy of a shared assembly, or the framework's.
        if (SharedAssemblies.Contains(assemblyName.Name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
