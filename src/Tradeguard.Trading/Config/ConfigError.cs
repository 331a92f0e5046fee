using Tradeguard.Core.Errors;

namespace Tradeguard.Trading.Config;

/// <summary>Words every run-config error the same way: the file, the setting, what is wrong (exit code 5).</summary>
internal static class ConfigError
{
    public static TradeguardException Setting(string file, string setting, string problem) =>
        new(ExitCode.Configuration, $"{file}: {setting} {problem}");

    public static TradeguardException File(string file, string problem, Exception? inner = null) =>
        new(ExitCode.Configuration, $"{file}: {problem}", inner);
}
