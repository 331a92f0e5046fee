namespace Tradeguard.Trading.Indicators.Common;

/// <summary>Checks the look-back periods indicators are built with.</summary>
internal static class Periods
{
    public static int Require(int period, string name, int minimum = 1) =>
        period >= minimum ? period : throw new ArgumentOutOfRangeException(name, period, $"{name} must be at least {minimum}");
}
