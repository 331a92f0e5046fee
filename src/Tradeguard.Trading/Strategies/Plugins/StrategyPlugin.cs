using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Tradeguard.Core.Errors;
using Tradeguard.Trading.Config;

namespace Tradeguard.Trading.Strategies.Plugins;

/// <summary>
/// Loads a strategy compiled into its own assembly (config <c>strategy.assembly</c> and <c>strategy.type</c>, see
/// docs/trading.md, "Your own strategy"). The contract: a public, non-abstract class deriving from
/// <see cref="Strategy"/> with a public constructor
/// <c>(IReadOnlyDictionary&lt;string, double&gt; parameters, SignalOrders orders)</c>, which gets the config's
/// <c>strategy.parameters</c> as given and the <c>strategy.direction</c> and <c>strategy.orders</c> settings, and
/// throws <see cref="ArgumentException"/> for parameters it refuses. A plugin is code that runs with the user's
/// rights, like any script; it sees only the <see cref="StrategyContext"/>, which holds no credentials.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A Native AOT build refuses a plugin before any of this runs (LoadAssembly); builds with a JIT keep every type whole (TrimMode partial).")]
[UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "A Native AOT build refuses a plugin before any of this runs (LoadAssembly); builds with a JIT keep every type whole (TrimMode partial).")]
public static class StrategyPlugin
{
    /// <summary>The constructor's parameter types, in order.</summary>
    public static readonly Type[] ConstructorSignature = [typeof(IReadOnlyDictionary<string, double>), typeof(SignalOrders)];

    // One load context per plugin file: a sweep or a second config naming the same file gets the same types.
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The strategy <paramref name="typeName"/> in the assembly at <paramref name="assemblyPath"/>, as a definition
    /// whose parameters are the names in <paramref name="parameterNames"/> (any finite number; the plugin checks them).
    /// </summary>
    /// <param name="configPath">The config naming the plugin, for errors.</param>
    /// <param name="assemblyPath">The plugin's full path.</param>
    /// <param name="typeName">The strategy class's full name, e.g. <c>MyNamespace.MyStrategy</c>.</param>
    /// <param name="parameterNames">The keys of the config's <c>strategy.parameters</c>.</param>
    /// <exception cref="TradeguardException">Exit 5: no such file, no such type, not a <see cref="Strategy"/>, no
    /// constructor of the contract, or built against another Tradeguard.Trading; exit 4: the file is not a .NET assembly.</exception>
    public static StrategyDefinition Load(string configPath, string assemblyPath, string typeName, IEnumerable<string> parameterNames)
    {
        var assembly = LoadAssembly(configPath, assemblyPath);
        var type = FindType(configPath, assembly, assemblyPath, typeName);
        var constructor = type.GetConstructor(ConstructorSignature)
            ?? throw ConfigError.Setting(configPath, "strategy.type", $"{type.FullName} has no public constructor (IReadOnlyDictionary<string, double> parameters, SignalOrders orders): add one (docs/trading.md, \"Your own strategy\")");
        var parameters = parameterNames
            .Select(name => new StrategyParameter(name, 0, double.MinValue, double.MaxValue, false, $"a parameter of {type.FullName}"))
            .ToList();
        return new StrategyDefinition(type.FullName!, $"plugin {assemblyPath}", parameters,
            (values, orders) => Create(configPath, assemblyPath, constructor, values, orders), Assembly: assemblyPath);
    }

    private static Assembly LoadAssembly(string configPath, string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw ConfigError.Setting(configPath, "strategy.assembly", $"names no file: {assemblyPath} (build the plugin first, e.g. dotnet build -c Release)");
        }

        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // A Native AOT build has no JIT: it can run only the code it was compiled with.
            throw ConfigError.Setting(configPath, "strategy.assembly",
                "cannot be loaded by this tradeguard, a Native AOT build, which runs only code compiled into it: run plugin strategies with the dotnet tool (dotnet tool install --global tradeguard) or the ReadyToRun single file (README, \"Install\")");
        }

        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(assemblyPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException or UnauthorizedAccessException)
        {
            throw e is BadImageFormatException
                ? new TradeguardException(ExitCode.IntegrityFailure, $"{configPath}: strategy.assembly {assemblyPath} is not a .NET assembly: name the .dll that dotnet build wrote")
                : ConfigError.Setting(configPath, "strategy.assembly", $"cannot be read: {assemblyPath}: {e.Message}");
        }

        if (StrategyPluginLoadContext.SharedAssemblies.Contains(name.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw ConfigError.Setting(configPath, "strategy.assembly", $"is Tradeguard's own {name.Name}: name your plugin's .dll (built-in strategies are chosen with strategy.name)");
        }

        var assembly = Loaded.GetOrAdd(assemblyPath, path => new Lazy<Assembly>(() => new StrategyPluginLoadContext(path).LoadFromAssemblyPath(path))).Value;
        CheckTradingVersion(configPath, assembly, assemblyPath);
        return assembly;
    }

    // The plugin runs against the host's Tradeguard.Trading; one built against a newer or another major version may
    // use members this one lacks and would fail mid-run, so it is refused before any bar.
    private static void CheckTradingVersion(string configPath, Assembly assembly, string assemblyPath)
    {
        foreach (var shared in StrategyPluginLoadContext.SharedAssemblies)
        {
            var host = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == shared)?.GetName().Version;
            var wanted = assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == shared)?.Version;
            if (host is not null && wanted is not null && (wanted.Major != host.Major || wanted > host))
            {
                throw WrongVersion(configPath, assemblyPath, $"was built against {shared} {wanted}; this tradeguard has {host}");
            }
        }
    }

    private static Type FindType(string configPath, Assembly assembly, string assemblyPath, string typeName)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw WrongVersion(configPath, assemblyPath, "has types this tradeguard cannot load");
        }

        var strategies = types.Where(t => t.IsSubclassOf(typeof(Strategy)) && !t.IsAbstract).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        var available = strategies.Count == 0 ? "it exports no strategy class" : $"its strategies are: {string.Join(", ", strategies)}";
        var type = types.FirstOrDefault(t => t.FullName == typeName)
            ?? throw ConfigError.Setting(configPath, "strategy.type", $"names no public type in {assemblyPath} (give the full name, namespace included); {available}");
        if (!type.IsSubclassOf(typeof(Strategy)) || type.IsAbstract)
        {
            throw ConfigError.Setting(configPath, "strategy.type", $"{type.FullName} is not a strategy: it must be a non-abstract class deriving from Tradeguard.Trading.Strategies.Strategy; {available}");
        }

        return type;
    }

    private static Strategy Create(string configPath, string assemblyPath, ConstructorInfo constructor, IReadOnlyDictionary<string, double> values, SignalOrders orders)
    {
        try
        {
            return new GuardedPluginStrategy((Strategy)constructor.Invoke([values, orders]), constructor.DeclaringType!.FullName!, assemblyPath);
        }
        catch (TargetInvocationException e) when (e.InnerException is TypeLoadException or MissingMemberException or FileNotFoundException or FileLoadException)
        {
            throw WrongVersion(configPath, assemblyPath, "calls into a Tradeguard.Trading this tradeguard does not have");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw ConfigError.Setting(configPath, "strategy.parameters", $"were refused by {constructor.DeclaringType!.FullName}: {FirstLine(e.InnerException.Message)}");
        }
    }

    private static TradeguardException WrongVersion(string configPath, string assemblyPath, string problem) =>
        ConfigError.Setting(configPath, "strategy.assembly", $"{assemblyPath} {problem}: rebuild the plugin against this tradeguard's Tradeguard.Trading");

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end > 0 ? message[..end] : message;
    }
}
