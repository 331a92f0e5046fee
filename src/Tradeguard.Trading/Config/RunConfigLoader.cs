using System.Globalization;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Risk;
using Tradeguard.Trading.Strategies;
using Tradeguard.Trading.Strategies.Plugins;

namespace Tradeguard.Trading.Config;

/// <summary>
/// Reads and checks a run config (JSON, camelCase keys, comments and trailing commas allowed, unknown keys refused).
/// Every problem is a <see cref="Tradeguard.Core.Errors.TradeguardException"/> with exit code 5 that names the file
/// and the setting (or the line and column for a JSON syntax error), so the run fails before any bar is read.
/// </summary>
public static class RunConfigLoader
{
    /// <summary>
    /// The largest amount a setting may hold (cash, sizes, fixed costs, risk limits): 10^12. Products of two such
    /// amounts stay far inside <see cref="decimal"/>'s 7.9 × 10^28, so no setting can overflow the engine's money math.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The largest futures multiplier, 10^6 (exchange-listed contracts use 1 to a few thousand).</summary>
    public const decimal MaxMultiplier = 1_000_000m;

    /// <summary>The most bars a year <c>report.periodsPerYear</c> may name: one a second (31,622,400 in a leap year).</summary>
    public const double MaxPeriodsPerYear = 31_622_400;

    /// <summary>Loads and checks the config at <paramref name="path"/>.</summary>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The file is unreadable, not valid JSON, or a setting is wrong (exit code 5).</exception>
    public static RunPlan Load(string path) => Parse(ConfigFile.ReadText(path), path);

    /// <summary>Parses and checks config <paramref name="json"/>; <paramref name="path"/> names it and anchors relative paths.</summary>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">Not valid JSON, or a setting is wrong (exit code 5).</exception>
    public static RunPlan Parse(string json, string path) =>
        Check(ConfigFile.Parse(json, RunConfigJsonContext.Shape, path, "docs/trading.md for the settings a run config takes", "data.file and strategy.name"), path);

    private static RunPlan Check(RunConfigFile file, string path)
    {
        var feeds = Feeds(path, file);
        var strategy = ChooseStrategy(path, file.Strategy);
        var parameters = CheckParameters(path, strategy, file.Strategy!.Parameters);
        var direction = file.Strategy.Direction switch
        {
            null or "long" => TradeDirection.Long,
            "short" => TradeDirection.Short,
            "both" => TradeDirection.Both,
            _ => throw ConfigError.Setting(path, "strategy.direction", "is not a direction: use long, short or both"),
        };
        if (direction != TradeDirection.Long && !strategy.CanShort)
        {
            throw ConfigError.Setting(path, "strategy.direction", $"must be long: {strategy.Name} trades long only");
        }

        var orders = OrderSettings.Check(path, direction, file.Strategy.Orders);

        var broker = file.Broker ?? new RunConfigFile.BrokerSection();
        var cash = AboveZero(path, "broker.cash", broker.Cash ?? 10_000m, MaxAmount);

        var bracket = broker.Exits is { } exits && (exits.StopLoss ?? exits.TakeProfit) is not null
            ? new Bracket(exits.StopLoss, exits.TakeProfit, exits.Trailing ?? false)
            : null;
        if (bracket?.Problem() is { } bracketProblem)
        {
            throw ConfigError.Setting(path, "broker.exits", bracketProblem);
        }

        if (direction != TradeDirection.Long && bracket?.TakeProfit >= 1)
        {
            throw ConfigError.Setting(path, "broker.exits.takeProfit", $"must be below 1 when the strategy sells short: a short's take-profit is fill × (1 − takeProfit) (got {Show(bracket.TakeProfit.Value)})");
        }

        var risk = file.Risk ?? new RunConfigFile.RiskSection();
        Positive(path, "risk.maxPosition", risk.MaxPosition);
        Positive(path, "risk.maxOrderNotional", risk.MaxOrderNotional);
        Positive(path, "risk.maxOrdersPerMinute", risk.MaxOrdersPerMinute);
        Positive(path, "risk.maxDailyLoss", risk.MaxDailyLoss);

        var riskFree = file.Report?.RiskFreeRate ?? 0;
        if (!double.IsFinite(riskFree) || riskFree < -1 || riskFree > 1)
        {
            throw ConfigError.Setting(path, "report.riskFreeRate", $"must be an annual fraction from -1 to 1 (0.02 = 2 %) (got {riskFree})");
        }

        var periodsPerYear = file.Report?.PeriodsPerYear;
        if (periodsPerYear is { } perYear && !(perYear > 0 && perYear <= MaxPeriodsPerYear))
        {
            throw ConfigError.Setting(path, "report.periodsPerYear", $"must be above 0 and at most {MaxPeriodsPerYear} bars a year (252 for daily stock bars, 8760 for hourly 24/7 bars) (got {perYear.ToString(CultureInfo.InvariantCulture)}); leave it out to read it from the bars");
        }

        var instrument = Instrument(path, file.Instrument);
        var engine = new EngineOptions
        {
            InitialCash = cash,
            Commission = Commission(path, broker.Commission),
            Slippage = Slippage(path, broker.Slippage),
            Sizer = Sizer(path, broker.Sizer, instrument),
            Instrument = instrument,
            DefaultBracket = bracket,
            ShortSelling = direction != TradeDirection.Long,
            Contract = Contract(path, broker.Futures),
            Risk = new RiskLimits(risk.MaxPosition, risk.MaxOrderNotional, risk.MaxOrdersPerMinute, risk.MaxDailyLoss),
        };
        var name = file.Name is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(path);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
        {
            throw ConfigError.Setting(path, "name", "cannot be a folder name: use letters, digits, '-' and '_'");
        }

        return new RunPlan(name, path, feeds[0].DataFile, feeds[0].Data, strategy, parameters, engine, riskFree, orders, periodsPerYear,
            file.Symbols is null ? null : feeds);
    }

    // data (one symbol) or symbols (several, one cash account); never both.
    private static IReadOnlyList<SymbolData> Feeds(string path, RunConfigFile file)
    {
        if (file.Symbols is null)
        {
            return file.Data is null
                ? throw ConfigError.Setting(path, "data.file", "is missing: name the CSV file of bars (relative to the config's folder), or list several symbols under symbols")
                : [Feed(path, "data", file.Data)];
        }

        if (file.Data is not null)
        {
            throw ConfigError.Setting(path, "symbols", "cannot be given with data: trade one symbol with data, or several with symbols (each entry names its file)");
        }

        if (file.Symbols.Count == 0)
        {
            throw ConfigError.Setting(path, "symbols", "is empty: list at least one { \"symbol\": ..., \"file\": ... }");
        }

        var feeds = new SymbolData[file.Symbols.Count];
        for (var i = 0; i < feeds.Length; i++)
        {
            var key = $"symbols[{i}]";
            var entry = file.Symbols[i] ?? throw ConfigError.Setting(path, key, "is empty: give its symbol and file");
            if (string.IsNullOrWhiteSpace(entry.Symbol))
            {
                throw ConfigError.Setting(path, key + ".symbol", "is missing: name each symbol of a portfolio run, e.g. ORCL");
            }

            var twin = Array.FindIndex(feeds, 0, i, f => string.Equals(f.Data.Symbol, entry.Symbol, StringComparison.OrdinalIgnoreCase));
            if (twin >= 0)
            {
                throw ConfigError.Setting(path, key + ".symbol", $"repeats symbols[{twin}].symbol: list each symbol once");
            }

            feeds[i] = Feed(path, key, entry);
        }

        return feeds;
    }

    // A data section or symbols entry; key names it in errors ("data", "symbols[1]").
    private static SymbolData Feed(string path, string key, RunConfigFile.DataSection section)
    {
        var dataFile = section.File is { Length: > 0 } f
            ? ConfigFile.ResolvePath(path, key + ".file", f)
            : throw ConfigError.Setting(path, key + ".file", "is missing: name the CSV file of bars (relative to the config's folder)");
        if (section.From is { } from && section.To is { } to && from > to)
        {
            throw ConfigError.Setting(path, key + ".from", $"({from:yyyy-MM-dd}) is after {key}.to ({to:yyyy-MM-dd})");
        }

        return new SymbolData(dataFile, new BarLoadOptions
        {
            Symbol = section.Symbol,
            UseAdjustedClose = section.Adjusted ?? true,
            From = section.From?.ToDateTime(TimeOnly.MinValue),
            To = section.To?.ToDateTime(TimeOnly.MinValue),
        });
    }

    // A built-in strategy by name, or a plugin's by assembly and type; never both.
    private static StrategyDefinition ChooseStrategy(string path, RunConfigFile.StrategySection? section)
    {
        if (section?.Assembly is null && section?.Type is null)
        {
            var strategyName = section?.Name ?? throw ConfigError.Setting(path, "strategy.name", $"is missing: choose one of {Names()}, or name a plugin with strategy.assembly and strategy.type");
            return StrategyCatalog.Find(strategyName)
                ?? throw ConfigError.Setting(path, "strategy.name", $"is not a built-in strategy: choose one of {Names()}");
        }

        if (section.Name is not null)
        {
            throw ConfigError.Setting(path, "strategy.name", "cannot be given with strategy.assembly or strategy.type: name a built-in strategy or a plugin, not both");
        }

        var assembly = section.Assembly is { Length: > 0 } a
            ? ConfigFile.ResolvePath(path, "strategy.assembly", a)
            : throw ConfigError.Setting(path, "strategy.assembly", "is missing: name the plugin's .dll (relative to the config's folder) beside strategy.type");
        var type = section.Type is { Length: > 0 } t
            ? t
            : throw ConfigError.Setting(path, "strategy.type", "is missing: give the strategy class's full name, e.g. MyNamespace.MyStrategy");
        return StrategyPlugin.Load(path, assembly, type, section.Parameters?.Keys.ToList() ?? []);
    }

    private static Dictionary<string, double> CheckParameters(string path, StrategyDefinition strategy, Dictionary<string, double>? given)
    {
        var values = strategy.Parameters.ToDictionary(p => p.Name, p => p.Default);
        foreach (var (name, value) in given ?? [])
        {
            var parameter = strategy.Parameter(name, out var unknown) ?? throw ConfigError.Setting(path, $"strategy.parameters.{name}", unknown!);
            if (parameter.Problem(value) is { } problem)
            {
                throw ConfigError.Setting(path, $"strategy.parameters.{name}", $"{problem} (got {value.ToString(CultureInfo.InvariantCulture)})");
            }

            values[name] = value;
        }

        return values;
    }

    private static CommissionModel Commission(string path, RunConfigFile.CostSection? section)
    {
        if (section is null)
        {
            return CommissionModel.None;
        }

        var value = NonNegative(path, "broker.commission.value", section.Value, section.Model == "percent");
        return section.Model switch
        {
            "percent" => new CommissionModel.PercentOfNotional(value),
            "per-unit" => new CommissionModel.PerUnit(value),
            "per-order" => new CommissionModel.PerOrder(value),
            _ => throw ConfigError.Setting(path, "broker.commission.model", "is not a commission model: use percent, per-unit or per-order"),
        };
    }

    private static ContractTerms Contract(string path, RunConfigFile.FuturesSection? section)
    {
        if (section is null)
        {
            return ContractTerms.Stock;
        }

        var margin = AboveZero(path, "broker.futures.margin",
            section.Margin ?? throw ConfigError.Setting(path, "broker.futures.margin", "is missing: give the cash reserved per contract"), MaxAmount);
        return new ContractTerms(AboveZero(path, "broker.futures.multiplier", section.Multiplier ?? 1m, MaxMultiplier), margin);
    }

    private static SlippageModel Slippage(string path, RunConfigFile.CostSection? section)
    {
        if (section is null)
        {
            return SlippageModel.None;
        }

        var value = NonNegative(path, "broker.slippage.value", section.Value, section.Model == "percent");
        return section.Model switch
        {
            "percent" => new SlippageModel.Percent(value),
            "fixed" => new SlippageModel.Fixed(value),
            _ => throw ConfigError.Setting(path, "broker.slippage.model", "is not a slippage model: use percent or fixed"),
        };
    }

    private static Instrument? Instrument(string path, RunConfigFile.InstrumentSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var lot = AboveZero(path, "instrument.lotSize",
            section.LotSize ?? throw ConfigError.Setting(path, "instrument.lotSize", "is missing: give the quantity step (Binance's LOT_SIZE stepSize, e.g. 0.00001)"),
            MaxAmount, " units");
        return new Instrument(lot,
            NonNegative(path, "instrument.tickSize", section.TickSize ?? 0, fraction: false),
            NonNegative(path, "instrument.minNotional", section.MinNotional ?? 0, fraction: false));
    }

    private static Sizer Sizer(string path, RunConfigFile.CostSection? section, Instrument? instrument)
    {
        var lot = instrument?.LotSize ?? 1;
        if (section is null)
        {
            return new Sizer.Fixed(1);
        }

        var value = section.Value ?? throw ConfigError.Setting(path, "broker.sizer.value", "is missing");
        if (section.Model == "fixed" && instrument is not null && value > 0 && value % lot != 0)
        {
            throw ConfigError.Setting(path, "broker.sizer.value", $"must be a multiple of instrument.lotSize {Show(lot)} (got {Show(value)})");
        }

        return section.Model switch
        {
            "percent-of-equity" when value > 0 && value <= 1 => new Sizer.PercentOfEquity(value, lot),
            "fixed" => new Sizer.Fixed(AboveZero(path, "broker.sizer.value", value, MaxAmount, " units")),
            "percent-of-equity" => throw ConfigError.Setting(path, "broker.sizer.value", $"must be a fraction above 0 and at most 1 (got {Show(value)})"),
            _ => throw ConfigError.Setting(path, "broker.sizer.model", "is not a sizer: use fixed or percent-of-equity"),
        };
    }

    // A cost value: not negative, at most 1 (100 %) for a fraction of notional or price, else at most MaxAmount.
    private static decimal NonNegative(string path, string setting, decimal? value, bool fraction)
    {
        var max = fraction ? 1 : MaxAmount;
        return value is null ? throw ConfigError.Setting(path, setting, "is missing")
            : value < 0 || value > max ? throw ConfigError.Setting(path, setting, $"must be from 0 to {Show(max)}{(fraction ? " (a fraction: 0.001 = 0.1 %)" : "")} (got {Show(value.Value)})")
            : value.Value;
    }

    // The one wording of "above 0 and at most max" for cash, sizes, contract terms, lot size and risk limits.
    private static decimal AboveZero(string path, string setting, decimal value, decimal max, string unit = "", string hint = "") =>
        value > 0 && value <= max ? value : throw ConfigError.Setting(path, setting, $"must be above 0 and at most {Show(max)}{unit} (got {Show(value)}){hint}");

    // An optional limit: absent means none.
    private static void Positive(string path, string setting, decimal? value) =>
        _ = value is { } limit ? AboveZero(path, setting, limit, MaxAmount, hint: "; leave it out for no limit") : 0;

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Names() => string.Join(", ", StrategyCatalog.All.Select(d => d.Name));
}
