using System.Globalization;
using Tradeguard.Core.Errors;

namespace Tradeguard.Trading.Runs;

/// <summary>The values one strategy parameter takes in a sweep.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Values">The values, in order.</param>
public sealed record SweepRange(string Parameter, IReadOnlyList<double> Values)
{
    /// <summary>Most values one range may have: as many as a whole grid may have combinations.</summary>
    public const int MaxValues = SweepGrid.MaxCombinations;

    /// <summary>
    /// Parses <c>NAME=FROM..TO</c> (step 1), <c>NAME=FROM..TO:STEP</c> or <c>NAME=V1,V2,…</c>, e.g. <c>period=10..30</c>.
    /// </summary>
    /// <exception cref="TradeguardException">The text is not in one of those forms (exit code 2).</exception>
    public static SweepRange Parse(string text)
    {
        var usage = $"--sweep \"{text}\": expected NAME=FROM..TO, NAME=FROM..TO:STEP or NAME=V1,V2,... (e.g. period=10..30)";
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new TradeguardException(ExitCode.Usage, usage);
        }

        var name = text[..equals].Trim();
        var spec = text[(equals + 1)..].Trim();
        var values = new List<double>();
        var dots = spec.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            var rest = spec[(dots + 2)..];
            var colon = rest.IndexOf(':');
            if (!Number(spec[..dots], out var from) || !Number(colon >= 0 ? rest[..colon] : rest, out var to) ||
                !Number(colon >= 0 ? rest[(colon + 1)..] : "1", out var step) || step <= 0 || to < from || (to - from) / step >= MaxValues)
            {
                throw new TradeguardException(ExitCode.Usage, usage + $"; FROM ≤ TO, STEP above 0, at most {MaxValues} values");
            }

            for (var i = 0; from + (i * step) <= to + (step * 1e-9); i++)
            {
                values.Add(Math.Round(from + (i * step), 10));
            }
        }
        else
        {
            foreach (var part in spec.Split(','))
            {
                values.Add(Number(part, out var value) ? value : throw new TradeguardException(ExitCode.Usage, usage));
            }
        }

        return name.Length > 0 && values.Count is > 0 and <= MaxValues
            ? new SweepRange(name, values)
            : throw new TradeguardException(ExitCode.Usage, usage);
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
