using Tradeguard.Trading.Indicators.Common;

namespace Tradeguard.Trading.Indicators.Adx;

/// <summary>
/// Average directional index with the directional indicators +DI and −DI (Wilder, 1978). From the second bar on:
/// +DM = High − previous High when that exceeds both 0 and previous Low − Low (else 0), −DM likewise downwards;
/// true range, +DM and −DM are Wilder-summed (the first sum covers <see cref="Period"/> bars, then
/// S = S − S / Period + x); +DI = 100 × S(+DM) / S(TR), −DI = 100 × S(−DM) / S(TR);
/// DX = 100 × |+DI − −DI| / (+DI + −DI); ADX = mean of the first Period DX values, then
/// (ADX·(Period − 1) + DX) / Period. So +DI/−DI/DX come with bar Period + 1 and ADX with bar 2·Period.
/// All in percent (0–100). Streaming, O(1) per bar.
/// </summary>
public sealed class Adx
{
    private readonly TrueRange.TrueRange trueRange = new();
    private double previousHigh = double.NaN;
    private double previousLow = double.NaN;
    private double rangeSum;
    private double plusSum;
    private double minusSum;
    private double dxSum;
    private int ranges;
    private int dxCount;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">Smoothing period in bars, at least 2 (14 is Wilder's).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2.</exception>
    public Adx(int period = 14) => Period = Periods.Require(period, nameof(period), 2);

    /// <summary>Smoothing period in bars.</summary>
    public int Period { get; }

    /// <summary>True once ADX itself has a value.</summary>
    public bool IsReady => dxCount >= Period;

    /// <summary>The current reading; a part not yet warmed up is <see cref="double.NaN"/>.</summary>
    public AdxValue Value { get; private set; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Adds the next bar and returns the updated <see cref="Value"/>.</summary>
    public AdxValue Add(double high, double low, double close)
    {
        var range = trueRange.Add(high, low, close);
        var up = high - previousHigh;
        var down = previousLow - low;
        previousHigh = high;
        previousLow = low;
        if (double.IsNaN(range))
        {
            return Value;
        }

        var plusMove = up > down && up > 0 ? up : 0;
        var minusMove = down > up && down > 0 ? down : 0;
        if (++ranges <= Period)
        {
            rangeSum += range;
            plusSum += plusMove;
            minusSum += minusMove;
            if (ranges < Period)
            {
                return Value;
            }
        }
        else
        {
            rangeSum = rangeSum - (rangeSum / Period) + range;
            plusSum = plusSum - (plusSum / Period) + plusMove;
            minusSum = minusSum - (minusSum / Period) + minusMove;
        }

        var plusDi = rangeSum == 0 ? 0 : 100 * plusSum / rangeSum;
        var minusDi = rangeSum == 0 ? 0 : 100 * minusSum / rangeSum;
        var diSum = plusDi + minusDi;
        var dx = diSum == 0 ? 0 : 100 * Math.Abs(plusDi - minusDi) / diSum;
        var adx = Value.Adx;
        if (++dxCount < Period)
        {
            dxSum += dx;
        }
        else
        {
            adx = dxCount == Period ? (dxSum + dx) / Period : ((adx * (Period - 1)) + dx) / Period;
        }

        Value = new AdxValue(plusDi, minusDi, dx, adx);
        return Value;
    }
}
