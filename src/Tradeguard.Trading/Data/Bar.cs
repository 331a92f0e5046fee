namespace Tradeguard.Trading.Data;

/// <summary>
/// One OHLCV bar: the open, high, low and close prices (quote currency per unit) and the traded volume (units) of one
/// period starting at <see cref="Time"/>.
/// </summary>
/// <param name="Time">When the period starts (for daily bars, the trading day at midnight; no time zone is implied).</param>
/// <param name="Open">First traded price of the period, quote currency per unit.</param>
/// <param name="High">Highest traded price of the period.</param>
/// <param name="Low">Lowest traded price of the period.</param>
/// <param name="Close">Last traded price of the period.</param>
/// <param name="Volume">Units traded in the period; never negative.</param>
public readonly record struct Bar(DateTime Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
