using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tradeguard.Core.Storage;

namespace Tradeguard.Trading.Config;

/// <summary>
/// Reads a JSON config file into its shape the one way every Tradeguard config is read: camelCase keys, comments and
/// trailing commas allowed, numbers bare, unknown keys refused (a misspelt limit must not silently mean "no limit").
/// </summary>
/// <remarks>Errors are exit 5 and name the file and, for JSON problems, the line, column and setting
/// (<see cref="ConfigError"/>). A config type's settings are <c>{ get; set; }</c>, not <c>init</c>: the
/// source-generated reader replaces an init-only property's default with null or 0 when the key is absent
/// (dotnet/runtime#84484; <c>SourceGeneratedJsonTests</c> checks every context's types), and it reads an object with
/// init-only properties whole before converting it, so a wrong value's error names the object's end, not the value.</remarks>
public static class ConfigFile
{
    /// <summary>
    /// New options holding the rules, for a source-generated context whose types
    /// <see cref="Parse{T}(string, JsonTypeInfo{T}, string, string, string)"/> reads: <c>new MyContext(ConfigFile.Rules())</c>.
    /// </summary>
    public static JsonSerializerOptions Rules() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the file at <paramref name="path"/>: a regular file of at most <see cref="InputFile.ConfigMaxBytes"/>.</summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when it cannot be read, is not a regular file or is too
    /// large; exit 4 when it is not UTF-8.</exception>
    public static string ReadText(string path) => InputFile.ReadText(path, "config", InputFile.ConfigMaxBytes);

    /// <summary>
    /// The full path of a file a config names, relative to the config's folder (<paramref name="configPath"/>).
    /// </summary>
    /// <param name="configPath">The config file.</param>
    /// <param name="setting">The setting that names the file, for the message: "data.file".</param>
    /// <param name="value">The path as written in the config.</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when the path has a control character (NUL...) or is not a valid path.</exception>
    public static string ResolvePath(string configPath, string setting, string value)
    {
        if (value.Any(char.IsControl))
        {
            throw ConfigError.Setting(configPath, setting, "has a control character (such as NUL) in it: write the path without it");
        }

        try
        {
            return Path.GetFullPath(value, Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? Environment.CurrentDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw ConfigError.Setting(configPath, setting, "is not a valid path");
        }
    }

    /// <summary>
    /// Parses <paramref name="json"/> (the text of <paramref name="path"/>) with <paramref name="shape"/>, a
    /// source-generated context's type built on these rules (<c>new MyContext(ConfigFile.Rules())</c>): every config is
    /// read without reflection, so a Native AOT build reads them as the JIT build does.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="shape">The config's type.</param>
    /// <param name="path">Names the file in errors.</param>
    /// <param name="settingsHelp">Where the settings are documented, for an unknown key: "docs/trading.md for the settings a run config takes".</param>
    /// <param name="required">What an empty file lacks at least: "data.file and strategy.name".</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5: not valid JSON, an unknown setting, a value of the
    /// wrong type, or an empty (<c>null</c>) config.</exception>
    public static T Parse<T>(string json, JsonTypeInfo<T> shape, string path, string settingsHelp, string required)
        where T : class
    {
        T? config;
        try
        {
            config = JsonSerializer.Deserialize(json, shape);
        }
        catch (JsonException e)
        {
            var where = $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}";
            var setting = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path.TrimStart('$', '.')}";
            var problem = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"unknown setting{setting}; see {settingsHelp}"
                : e.InnerException is FormatException or InvalidOperationException || e.Message.Contains("could not be converted", StringComparison.Ordinal)
                    ? $"wrong type of value{setting} (numbers are bare, dates are \"yyyy-MM-dd\")"
                    : $"not valid JSON{setting}";
            throw ConfigError.File(path, $"{where}: {problem}", e);
        }

        return config ?? throw ConfigError.File(path, $"the config is empty; it needs at least {required}");
    }
}
