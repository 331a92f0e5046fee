namespace Tradeguard.Trading.Indicators.Adx;

/// <summary>One directional-movement reading, each part in percent (0–100); a part not yet warmed up is <see cref="double.NaN"/>.</summary>
/// <param name="PlusDi">+DI: the smoothed upward movement as a share of the smoothed true range.</param>
/// <param name="MinusDi">−DI: the smoothed downward movement as a share of the smoothed true range.</param>
/// <param name="Dx">Directional index: |+DI − −DI| / (+DI + −DI).</param>
/// <param name="Adx">Average directional index: Wilder-smoothed DX.</param>
public readonly record struct AdxValue(double PlusDi, double MinusDi, double Dx, double Adx);
