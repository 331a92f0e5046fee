using Tradeguard.Core.Errors;

namespace Tradeguard.Trading.Config;

/// <summary>
/// Words every config error the same way (run configs and the exchange config that points at one): the file, the
/// setting, what is wrong, as a <see cref="TradeguardException"/> with exit code 5.
/// </summary>
/// <remarks>
/// A problem never quotes a text value from the file: a secret pasted into the wrong setting would land in the
/// terminal, in logs and in CI output. Numbers and dates may be shown (<c>got -5</c>); words are described by the
/// values allowed instead.
/// </remarks>
public static class ConfigError
{
    /// <summary><c>FILE: SETTING PROBLEM</c>, e.g. <c>run.json: broker.cash must be above 0 (got -5)</c>.</summary>
    public static TradeguardException Setting(string file, string setting, string problem) =>
        new(ExitCode.Configuration, $"{file}: {setting} {problem}");

    /// <summary><c>FILE: PROBLEM</c>, for what concerns the whole file (unreadable, not JSON, empty).</summary>
    public static TradeguardException File(string file, string problem, Exception? inner = null) =>
        new(ExitCode.Configuration, $"{file}: {problem}", inner);
}
