namespace Tradeguard.Scanner.Rules;

/// <summary>How bad a finding is, lowest first; <c>--fail-on</c> compares against this order.</summary>
public enum Severity
{
    /// <summary>Worth knowing, never a leak: published documentation examples.</summary>
    Info = 0,

    /// <summary>Minor hygiene.</summary>
    Low = 1,

    /// <summary>An unsafe practice or a file that could leak a secret.</summary>
    Medium = 2,

    /// <summary>A secret or a practice that exposes secrets.</summary>
    High = 3,

    /// <summary>A credential that moves money or controls a bot: rotate it now.</summary>
    Critical = 4,
}

/// <summary>Parses and prints <see cref="Severity"/> as the lower-case words used in rule files and on the command line.</summary>
public static class SeverityNames
{
    /// <summary>All names, lowest first: info, low, medium, high, critical.</summary>
    public static IReadOnlyList<string> All { get; } = ["info", "low", "medium", "high", "critical"];

    /// <summary>The lower-case name of <paramref name="severity"/>.</summary>
    public static string Name(this Severity severity) => All[(int)severity];

    /// <summary>Parses a lower-case (or any-case) severity name; returns false for anything else.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], text, StringComparison.OrdinalIgnoreCase))
            {
                severity = (Severity)i;
                return true;
            }
        }

        severity = default;
        return false;
    }
}
