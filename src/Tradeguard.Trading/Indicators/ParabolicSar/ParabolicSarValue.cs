namespace Tradeguard.Trading.Indicators.ParabolicSar;

/// <summary>One parabolic SAR reading.</summary>
/// <param name="Sar">The stop-and-reverse level in price units; <see cref="double.NaN"/> before the first reversal.</param>
/// <param name="IsReversal">True on the bar whose range crossed the previous SAR and turned the trend.</param>
public readonly record struct ParabolicSarValue(double Sar, bool IsReversal);
