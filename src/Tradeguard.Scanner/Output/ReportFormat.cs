namespace Tradeguard.Scanner.Output;

/// <summary>Output formats of <c>tradeguard scan --format</c>.</summary>
public enum ReportFormat
{
    /// <summary>A human-readable list with a summary (default).</summary>
    Text,

    /// <summary>Tradeguard's JSON report (docs/scan.md, "JSON report").</summary>
    Json,

    /// <summary>SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning dashboards.</summary>
    Sarif,
}

/// <summary>Writes a <see cref="ScanReport"/> in a chosen <see cref="ReportFormat"/>.</summary>
public static class ReportWriter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Write(ScanReport report, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, output);
                break;
            case ReportFormat.Sarif:
                SarifReport.Write(report, output);
                break;
            default:
                TextReport.Write(report, output);
                break;
        }
    }
}
