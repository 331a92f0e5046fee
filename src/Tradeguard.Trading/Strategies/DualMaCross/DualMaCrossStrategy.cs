using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies.DualMaCross;

/// <summary>
/// Dual moving-average crossover: buy when flat and the fast average crosses above the slow one, sell the position
/// when long and it crosses below (crosses as <see cref="Indicators.CrossOver.CrossOver"/> defines them). Short and
/// both directions mirror it (<see cref="SignalOrders"/>).
/// </summary>
public sealed class DualMaCrossStrategy : Strategy
{
    private readonly Func<double, double> fast;
    private readonly Func<double, double> slow;
    private readonly Indicators.CrossOver.CrossOver cross = new();
    private readonly string name;
    private readonly PriceOverlay[] overlays;
    private readonly SignalOrders orders;

    /// <summary>Creates the strategy.</summary>
    /// <param name="fastPeriod">Fast average period in bars, at least 1.</param>
    /// <param name="slowPeriod">Slow average period in bars, above <paramref name="fastPeriod"/>.</param>
    /// <param name="exponential">True for EMAs, false for SMAs.</param>
    /// <param name="orders">Direction and order types; null is long only at market.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is out of range.</exception>
    public DualMaCrossStrategy(int fastPeriod, int slowPeriod, bool exponential, SignalOrders? orders = null)
    {
        if (slowPeriod <= fastPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), slowPeriod, "the slow period must be above the fast period");
        }

        fast = Average(fastPeriod, exponential);
        slow = Average(slowPeriod, exponential);
        this.orders = orders ?? SignalOrders.LongAtMarket;
        name = $"dual-ma-cross(fast={fastPeriod}, slow={slowPeriod}, {(exponential ? "ema" : "sma")}{this.orders.NameSuffix()})";
        var kind = exponential ? "EMA" : "SMA";
        overlays = [new($"{kind}({fastPeriod})", () => Average(fastPeriod, exponential)), new($"{kind}({slowPeriod})", () => Average(slowPeriod, exponential))];
    }

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override IReadOnlyList<PriceOverlay> Overlays => overlays;

    /// <inheritdoc />
    public override void OnBar(StrategyContext context, in Bar bar)
    {
        var close = (double)bar.Close;
        var signal = cross.Add(fast(close), slow(close));
        if (signal == 0 || context.HasWorkingOrders)
        {
            return;
        }

        orders.Act(context, bar, signal);
    }

    private static Func<double, double> Average(int period, bool exponential) =>
        exponential ? new Indicators.Ema.Ema(period).Add : new Indicators.Sma.Sma(period).Add;
}
