namespace Tradeguard.Trading.Config;

/// <summary>
/// The JSON shape of a run config (camelCase keys; see docs/trading.md for every setting). Only
/// <c>data.file</c> (or a <c>symbols</c> list instead of <c>data</c>) and <c>strategy.name</c> are required;
/// everything else has a built-in default.
/// </summary>
public sealed record RunConfigFile
{
    /// <summary>Names the run and its output folder; defaults to the config file's name.</summary>
    public string? Name { get; init; }

    /// <summary>Where the bars come from (one symbol).</summary>
    public DataSection? Data { get; init; }

    /// <summary>
    /// Instead of <see cref="Data"/>: several symbols traded in one run from one cash account, each entry shaped like
    /// <c>data</c> with its <c>symbol</c> required.
    /// </summary>
    public List<DataSection?>? Symbols { get; init; }

    /// <summary>Which strategy, with which parameters.</summary>
    public StrategySection? Strategy { get; init; }

    /// <summary>Cash, costs, sizing and exits.</summary>
    public BrokerSection? Broker { get; init; }

    /// <summary>Risk limits.</summary>
    public RiskSection? Risk { get; init; }

    /// <summary>Report settings.</summary>
    public ReportSection? Report { get; init; }

    /// <summary>The exchange's lot, tick and minimum-notional rules; absent: whole units at any price.</summary>
    public InstrumentSection? Instrument { get; init; }

    /// <summary><c>data</c>, or an entry of <c>symbols</c>: the bar file.</summary>
    public sealed record DataSection
    {
        /// <summary>CSV path, relative to the config file's folder.</summary>
        public string? File { get; init; }

        /// <summary>Ticker; defaults to the file name's first word.</summary>
        public string? Symbol { get; init; }

        /// <summary>Use Adj Close when the file has it (default true).</summary>
        public bool? Adjusted { get; init; }

        /// <summary>First date kept (inclusive).</summary>
        public DateOnly? From { get; init; }

        /// <summary>Last date kept (inclusive).</summary>
        public DateOnly? To { get; init; }
    }

    /// <summary><c>strategy</c>: a built-in strategy (<see cref="Name"/>) or a plugin's (<see cref="Assembly"/> and <see cref="Type"/>), and its parameters.</summary>
    public sealed record StrategySection
    {
        /// <summary>A name from the strategy catalog.</summary>
        public string? Name { get; init; }

        /// <summary>A plugin's .dll, relative to the config file's folder (instead of <see cref="Name"/>).</summary>
        public string? Assembly { get; init; }

        /// <summary>The plugin's strategy class, full name with namespace.</summary>
        public string? Type { get; init; }

        /// <summary>Parameter values by name.</summary>
        public Dictionary<string, double>? Parameters { get; init; }

        /// <summary>long (default) | short | both.</summary>
        public string? Direction { get; init; }

        /// <summary>The orders the strategy enters and exits with; absent for market orders.</summary>
        public OrdersSection? Orders { get; init; }
    }

    /// <summary><c>strategy.orders</c>: the entry and exit order types and the tick prices are rounded to.</summary>
    public sealed record OrdersSection
    {
        /// <summary>The order that opens a position (default market).</summary>
        public OrderSection? Entry { get; init; }

        /// <summary>The order that closes or reverses a position on the opposite signal (default market).</summary>
        public OrderSection? Exit { get; init; }

        /// <summary>Decimals limit and stop prices are rounded to, half to even (default 2).</summary>
        public int? PriceDecimals { get; init; }
    }

    /// <summary><c>strategy.orders.entry</c> or <c>.exit</c>: one order's type, prices and validity.</summary>
    public sealed record OrderSection
    {
        /// <summary>market | close | limit | stop | stop-limit.</summary>
        public string? Type { get; init; }

        /// <summary>Limit or stop price as a fraction of the signal bar's close, signed for the side (−0.01 = 1 % better).</summary>
        public decimal? Offset { get; init; }

        /// <summary>A stop-limit order's limit price as a fraction of the signal bar's close, signed like <see cref="Offset"/>.</summary>
        public decimal? LimitOffset { get; init; }

        /// <summary>How long the order works; absent for good till cancelled.</summary>
        public ValidSection? Valid { get; init; }
    }

    /// <summary><c>valid</c>: bars or calendar days after the signal bar.</summary>
    public sealed record ValidSection
    {
        /// <summary>Bars the order works on after the signal bar.</summary>
        public int? Bars { get; init; }

        /// <summary>Calendar days after the signal bar's date it still works on.</summary>
        public int? Days { get; init; }
    }

    /// <summary><c>broker</c>: the paper broker's settings.</summary>
    public sealed record BrokerSection
    {
        /// <summary>Starting cash, quote currency (default 10000).</summary>
        public decimal? Cash { get; init; }

        /// <summary>Commission model.</summary>
        public CostSection? Commission { get; init; }

        /// <summary>Slippage model.</summary>
        public CostSection? Slippage { get; init; }

        /// <summary>Sizer for buys.</summary>
        public CostSection? Sizer { get; init; }

        /// <summary>Protective exits attached to the fills that open positions.</summary>
        public ExitSection? Exits { get; init; }

        /// <summary>Futures-like contract terms; absent for stock-like.</summary>
        public FuturesSection? Futures { get; init; }
    }

    /// <summary><c>broker.futures</c>: margin and multiplier per contract (backtrader's <c>setcommission(mult=, margin=)</c>).</summary>
    public sealed record FuturesSection
    {
        /// <summary>Quote currency per point of price per contract (default 1).</summary>
        public decimal? Multiplier { get; init; }

        /// <summary>Cash reserved per open contract, quote currency (required).</summary>
        public decimal? Margin { get; init; }
    }

    /// <summary>A model name and its one value.</summary>
    public sealed record CostSection
    {
        /// <summary>commission: percent | per-unit | per-order; slippage: percent | fixed; sizer: fixed | percent-of-equity.</summary>
        public string? Model { get; init; }

        /// <summary>The model's value (fractions for percent models: 0.001 = 0.1 %).</summary>
        public decimal? Value { get; init; }
    }

    /// <summary><c>broker.exits</c>: stop-loss, take-profit, trailing.</summary>
    public sealed record ExitSection
    {
        /// <summary>Stop distance from the fill (below for a long, above for a short), fraction.</summary>
        public decimal? StopLoss { get; init; }

        /// <summary>Take-profit distance from the fill (above for a long, below for a short), fraction.</summary>
        public decimal? TakeProfit { get; init; }

        /// <summary>Trail the stop behind the highest close (a long's) or the lowest close (a short's).</summary>
        public bool? Trailing { get; init; }
    }

    /// <summary><c>risk</c>: the risk guard's limits.</summary>
    public sealed record RiskSection
    {
        /// <summary>Units.</summary>
        public decimal? MaxPosition { get; init; }

        /// <summary>Quote currency.</summary>
        public decimal? MaxOrderNotional { get; init; }

        /// <summary>Orders per 60 s of market time.</summary>
        public int? MaxOrdersPerMinute { get; init; }

        /// <summary>Quote currency lost since the day opened.</summary>
        public decimal? MaxDailyLoss { get; init; }
    }

    /// <summary><c>report</c>.</summary>
    public sealed record ReportSection
    {
        /// <summary>Annual risk-free rate for the Sharpe ratio, fraction (default 0).</summary>
        public double? RiskFreeRate { get; init; }

        /// <summary>Bars per year for annualising the Sharpe ratio; default: read from the bars (252 for daily stock bars, 8760 for hourly 24/7 bars).</summary>
        public double? PeriodsPerYear { get; init; }
    }

    /// <summary><c>instrument</c>: Binance's LOT_SIZE, PRICE_FILTER and NOTIONAL filters (what <c>data download</c> writes beside the CSV).</summary>
    public sealed record InstrumentSection
    {
        /// <summary>Quantity step, units (LOT_SIZE.stepSize); required in the section.</summary>
        public decimal? LotSize { get; init; }

        /// <summary>Price step, quote currency (PRICE_FILTER.tickSize); 0 or absent for any price.</summary>
        public decimal? TickSize { get; init; }

        /// <summary>Least order value, quote currency (NOTIONAL.minNotional); 0 or absent for none.</summary>
        public decimal? MinNotional { get; init; }
    }
}
