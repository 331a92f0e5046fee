using ScottPlot;
using SkiaSharp;

namespace Tradeguard.Trading.Reports;

/// <summary>
/// DejaVu Sans, embedded in this assembly (Bitstream Vera / DejaVu licence, see Reports/Fonts/README.md) and served
/// to ScottPlot, so chart text renders even on a machine with no fonts installed, where ScottPlot would otherwise
/// draw blank labels without an error.
/// </summary>
internal sealed class BundledFont : IFontResolver
{
    public const string Name = "DejaVu Sans";
    private static readonly Lazy<SKTypeface> Typeface = new(Load);
    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Adds the resolver to ScottPlot once per process, ahead of the system font lookup.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!registered)
            {
                Fonts.FontResolvers.Insert(0, new BundledFont());
                registered = true;
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Name ? Typeface.Value : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Name ? Typeface.Value : null;

    private static SKTypeface Load()
    {
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream("Tradeguard.Trading.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("the bundled font is missing from the assembly");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("the bundled font could not be read");
    }
}
