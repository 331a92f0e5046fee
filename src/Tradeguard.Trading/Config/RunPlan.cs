using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Config;

/// <summary>
/// A checked run config: what to load, which strategy with which parameters, and how to trade. Built by
/// <see cref="RunConfigLoader"/>; every value in it has passed validation.
/// </summary>
/// <param name="Name">The run's name (output folder name).</param>
/// <param name="ConfigPath">The config file, as given.</param>
/// <param name="DataFile">The bar file, resolved against the config's folder (a portfolio run's: the first symbol's).</param>
/// <param name="Data">How the bars are read and filtered (a portfolio run's: the first symbol's).</param>
/// <param name="Strategy">The built-in or plugin strategy.</param>
/// <param name="Parameters">Every parameter of <paramref name="Strategy"/>, defaults filled in.</param>
/// <param name="Engine">Cash, costs, sizing, exits, risk limits.</param>
/// <param name="RiskFreeRate">Annual risk-free rate for the Sharpe ratio, fraction.</param>
/// <param name="Orders">Which positions the strategy takes (<c>strategy.direction</c>; not long only implies
/// <see cref="EngineOptions.ShortSelling"/>) and the orders it takes them with (<c>strategy.orders</c>).</param>
/// <param name="PeriodsPerYear">Bars per year for annualising (<c>report.periodsPerYear</c>); null reads it from the bars.</param>
/// <param name="Symbols">A portfolio run's symbols (<c>symbols</c>), in config order; null for a single-symbol run (<c>data</c>).</param>
public sealed record RunPlan(
    string Name,
    string ConfigPath,
    string DataFile,
    BarLoadOptions Data,
    StrategyDefinition Strategy,
    IReadOnlyDictionary<string, double> Parameters,
    EngineOptions Engine,
    double RiskFreeRate,
    SignalOrders Orders,
    double? PeriodsPerYear = null,
    IReadOnlyList<SymbolData>? Symbols = null)
{
    /// <summary>True for a config with <c>symbols</c>: several symbols, one cash account (<see cref="Engine.PortfolioEngine"/>).</summary>
    public bool IsPortfolio => Symbols is not null;

    /// <summary>Which positions the strategy takes (<c>strategy.direction</c>).</summary>
    public TradeDirection Direction => Orders.Direction;

    /// <summary>Loads the bars the plan names.</summary>
    /// <exception cref="DataFileException">The file is malformed (exit code 4).</exception>
    public BarSeries LoadBars() => CsvBarLoader.Load(DataFile, Data);

    /// <summary>Where every symbol's bars come from, in config order: <see cref="Symbols"/>, or the one of <c>data</c>.</summary>
    public IReadOnlyList<SymbolData> Feeds => Symbols ?? [new SymbolData(DataFile, Data)];

    /// <summary>Loads every symbol's bars, in config order.</summary>
    /// <exception cref="DataFileException">A file is malformed (exit code 4).</exception>
    public IReadOnlyList<BarSeries> LoadAllBars() => Feeds.Select(f => f.Load()).ToArray();

    /// <summary>
    /// The plan with its dates narrowed by the command line's <c>--from</c> and <c>--to</c> (null keeps the config's),
    /// for every symbol alike.
    /// </summary>
    public RunPlan Between(DateTime? from, DateTime? to)
    {
        BarLoadOptions Narrow(BarLoadOptions data) => data with { From = from ?? data.From, To = to ?? data.To };
        return this with { Data = Narrow(Data), Symbols = Symbols?.Select(s => s with { Data = Narrow(s.Data) }).ToArray() };
    }

    /// <summary>A fresh strategy instance with the plan's parameters, some replaced by <paramref name="overrides"/>.</summary>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">An override is unknown or out of range, or the parameters contradict each other (exit code 5).</exception>
    public Strategy CreateStrategy(IReadOnlyDictionary<string, double>? overrides = null) =>
        Build(overrides, out var conflict) ?? throw ConfigError.Setting(ConfigPath, "strategy.parameters", $"do not fit together: {conflict}");

    /// <summary>
    /// Null when the plan's parameters with <paramref name="overrides"/> fit together, else why not in the strategy's
    /// own words, e.g. <c>the slow period must be above the fast period</c>.
    /// </summary>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">An override is unknown or out of range (exit code 5).</exception>
    public string? Conflict(IReadOnlyDictionary<string, double> overrides)
    {
        Build(overrides, out var conflict);
        return conflict;
    }

    private Strategy? Build(IReadOnlyDictionary<string, double>? overrides, out string? conflict)
    {
        var values = new Dictionary<string, double>(Parameters);
        foreach (var (name, value) in overrides ?? new Dictionary<string, double>())
        {
            var parameter = Strategy.Parameter(name, out var unknown) ?? throw ConfigError.Setting(ConfigPath, $"strategy parameter \"{name}\"", unknown!);
            if (parameter.Problem(value) is { } problem)
            {
                throw ConfigError.Setting(ConfigPath, $"strategy.parameters.{name}", $"{problem} (got {value})");
            }

            values[name] = value;
        }

        // The strategies check how their parameters relate (slow above fast, oversold below overbought) in their
        // constructors: that check is the one place for each such rule.
        try
        {
            conflict = null;
            return Strategy.Factory(values, Orders);
        }
        catch (ArgumentOutOfRangeException e)
        {
            conflict = FirstSentence(e.Message);
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
