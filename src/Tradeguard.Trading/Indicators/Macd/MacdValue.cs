namespace Tradeguard.Trading.Indicators.Macd;

/// <summary>One MACD reading, in price units; a component not yet warmed up is <see cref="double.NaN"/>.</summary>
/// <param name="Macd">Fast EMA − slow EMA.</param>
/// <param name="Signal">EMA of <paramref name="Macd"/>.</param>
/// <param name="Histogram">Macd − Signal.</param>
/// <param name="FastEma">The fast EMA of the values (ready before the slow one).</param>
/// <param name="SlowEma">The slow EMA of the values.</param>
public readonly record struct MacdValue(double Macd, double Signal, double Histogram, double FastEma, double SlowEma);
