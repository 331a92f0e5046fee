using SkiaSharp;
using Tradeguard.TestSupport;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// report.html opened in headless Chromium (Debian's <c>chromium</c>, which tests/run installs; see
/// tests/debian-packages.txt): the page's script draws the charts and reports no error, and the screenshot shows them.
/// The page is a file:// URL whose policy forbids every fetch, so nothing touches the network.
/// </summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Chromium_DrawsTheCharts_WithoutErrors()
    {
        var (report, bars) = HtmlReportTests.Quickstart();
        var page = temp.Combine("report.html");
        File.WriteAllText(page, HtmlReportTests.Page(report, bars));
        var url = new Uri(page).AbsoluteUri;

        // The page's script sets data-chart="drawn" when it has drawn, and data-errors on any error, console.error
        // or policy violation, so the DOM after load tells whether the drawing ran cleanly.
        var dom = Chromium("--dump-dom", url).Stdout;
        Assert.Contains("<html lang=\"en\" data-chart=\"drawn\">", dom); // no data-errors attribute
        Assert.Contains("<pre id=\"errors\" hidden=\"\"></pre>", dom);

        var shot = temp.Combine("shot.png");
        Chromium($"--screenshot={shot}", url);
        using var bitmap = SKBitmap.Decode(shot);
        Assert.Equal((1200, 1000), (bitmap.Width, bitmap.Height));
        var (up, down, buy, equity) = (0, 0, 0, 0);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                up += c == SKColor.Parse("#26a69a") ? 1 : 0;
                down += c == SKColor.Parse("#ef5350") ? 1 : 0;
                buy += c == SKColor.Parse("#2ca02c") ? 1 : 0;
                equity += Near(c, SKColor.Parse("#1f77b4")) ? 1 : 0;
            }
        }

        // The legend's swatches are 14 × 4 pixels each: these counts need the candles, markers and curve themselves.
        Assert.True(up > 1000 && down > 1000, $"candle pixels: {up} rising, {down} falling");
        Assert.True(buy > 200, $"buy marker pixels: {buy}");
        Assert.True(equity > 500, $"equity line pixels: {equity}");
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 60;

    private ProcessResult Chromium(string action, string url)
    {
        var chromium = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromium is not installed: run tests/run, which installs the Debian packages in tests/debian-packages.txt");
        var profile = temp.Combine("profile");
        var result = ChildProcess.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={profile}", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--force-device-scale-factor=1", "--window-size=1200,1000", "--hide-scrollbars", action, url,
        ], timeout: Timeout);
        Assert.True(result.ExitCode == 0, $"chromium {action} exited with {result.ExitCode}: {result.Stderr}");
        return result;
    }
}
