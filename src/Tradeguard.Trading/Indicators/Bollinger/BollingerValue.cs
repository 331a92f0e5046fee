namespace Tradeguard.Trading.Indicators.Bollinger;

/// <summary>One Bollinger reading, in price units; <see cref="double.NaN"/> until warmed up.</summary>
/// <param name="Middle">Simple moving average.</param>
/// <param name="Upper">Middle + k × population standard deviation.</param>
/// <param name="Lower">Middle − k × population standard deviation.</param>
public readonly record struct BollingerValue(double Middle, double Upper, double Lower);
