using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Risk;

namespace Tradeguard.Trading.Engine;

/// <summary>How a run trades: money, costs, sizing, protective exits and risk limits.</summary>
public sealed record EngineOptions
{
    /// <summary>Starting cash, quote currency. Defaults to 10 000.</summary>
    public decimal InitialCash { get; init; } = 10_000m;

    /// <summary>Commission per fill. Defaults to none.</summary>
    public CommissionModel Commission { get; init; } = CommissionModel.None;

    /// <summary>Slippage per fill. Defaults to none.</summary>
    public SlippageModel Slippage { get; init; } = SlippageModel.None;

    /// <summary>Sizes buys that do not say how many units. Defaults to 1 unit (backtrader's default stake).</summary>
    public Sizer Sizer { get; init; } = new Sizer.Fixed(1);

    /// <summary>Protective exits attached to every buy that does not bring its own; null for none.</summary>
    public Bracket? DefaultBracket { get; init; }

    /// <summary>
    /// True lets a sell open or extend a short position (backtrader's stock-like shorts with <c>shortcash=True</c>, see
    /// <see cref="ContractTerms"/>); false (the default) keeps the broker long-only: a sell larger than the position is rejected.
    /// </summary>
    public bool ShortSelling { get; init; }

    /// <summary>How units are paid for and valued: stock-like (default) or futures-like with margin and multiplier.</summary>
    public ContractTerms Contract { get; init; } = ContractTerms.Stock;

    /// <summary>
    /// The exchange's lot size, tick size and minimum notional (<c>instrument</c> in a run config); null (the default)
    /// trades whole units at any price, as backtrader's stock-like broker does. The sizer rounds to the lot itself.
    /// </summary>
    public Instrument? Instrument { get; init; }

    /// <summary>Limits enforced between the strategy and the broker. Defaults to none.</summary>
    public RiskLimits Risk { get; init; } = RiskLimits.None;
}
