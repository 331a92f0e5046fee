using System.Globalization;

namespace Tradeguard.Trading.Data;

/// <summary>
/// Rounds a <see cref="double"/> price to a number of decimals the way Python's <c>round(x, n)</c> does: half to even,
/// decided on the exact binary value (so 2.675, stored as 2.67499999…, rounds to 2.67). backtrader rounds adjusted
/// Yahoo prices with it, and the published backtests depend on those digits.
/// </summary>
internal static class PriceRounding
{
    private static readonly double[] Scales = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    public static decimal HalfEven(double value, int decimals)
    {
        var scale = Scales[decimals];
        var scaled = value * scale;
        var fraction = scaled - Math.Floor(scaled);
        if (Math.Abs(fraction - 0.5) > 1e-6 && Math.Abs(scaled) < 1e15)
        {
            // The rounded integer with the decimal scale set directly: exact, and no decimal division.
            var units = (long)Math.Round(scaled);
            var magnitude = (ulong)Math.Abs(units);
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, (byte)decimals);
        }

        // Near a tie the product above may itself have been rounded: decide on the exact expansion of the double,
        // which .NET prints digit for digit.
        var exact = decimal.Parse(value.ToString("F26", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return decimal.Round(exact, decimals, MidpointRounding.ToEven);
    }
}
