namespace Tradeguard.Trading.Indicators.RateOfChange;

/// <summary>One momentum / rate-of-change reading.</summary>
/// <param name="Momentum">Value − value Period values ago, in price units.</param>
/// <param name="Percent">100 × Momentum / value Period values ago, in percent; <see cref="double.NaN"/> when that value is 0.</param>
public readonly record struct RateOfChangeValue(double Momentum, double Percent);
