namespace Tradeguard.Trading.Strategies;

/// <summary>A strategy that a config can name, built in or from a plugin assembly, with its parameters and a factory.</summary>
/// <param name="Name">The name used in configs, e.g. <c>price-sma-cross</c>.</param>
/// <param name="Description">One line for <c>--help</c> and the docs.</param>
/// <param name="Parameters">Its tunable parameters.</param>
/// <param name="Factory">Builds a fresh instance from a complete, checked parameter set and the direction and order types to trade its signals with.</param>
/// <param name="CanShort">False for a strategy that trades long only (its config may not set a <c>direction</c> other than long).</param>
/// <param name="Assembly">The plugin assembly's full path (<see cref="Plugins.StrategyPlugin"/>); null for a built-in strategy.</param>
public sealed record StrategyDefinition(
    string Name,
    string Description,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<IReadOnlyDictionary<string, double>, SignalOrders, Strategy> Factory,
    bool CanShort = true,
    string? Assembly = null)
{
    /// <summary>True for a strategy loaded from a plugin assembly: code outside Tradeguard, running with the user's rights.</summary>
    public bool IsPlugin => Assembly is not null;

    /// <summary>The parameter called <paramref name="name"/>, or null with <paramref name="problem"/> saying which names exist.</summary>
    /// <remarks>One wording for the config, the plan and <c>--sweep</c>, which each add where the name came from.</remarks>
    public StrategyParameter? Parameter(string name, out string? problem)
    {
        var parameter = Parameters.FirstOrDefault(p => p.Name == name);
        problem = parameter is null ? $"is not a parameter of {Name}; it takes: {string.Join(", ", Parameters.Select(p => p.Name))}" : null;
        return parameter;
    }
}
