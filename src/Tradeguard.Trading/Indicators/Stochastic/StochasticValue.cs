namespace Tradeguard.Trading.Indicators.Stochastic;

/// <summary>One stochastic oscillator reading, 0–100; <see cref="double.NaN"/> until warmed up.</summary>
/// <param name="K">%K: where the close sits in the look-back range, smoothed.</param>
/// <param name="D">%D: the simple mean of the last %K values (the signal line).</param>
public readonly record struct StochasticValue(double K, double D);
