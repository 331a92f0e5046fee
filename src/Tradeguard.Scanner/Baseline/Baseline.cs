using System.Text.Json;
using System.Text.Json.Serialization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;
using Tradeguard.Scanner.Findings;

namespace Tradeguard.Scanner.Baseline;

/// <summary>
/// A baseline file: the fingerprints of findings a team has accepted for now (<c>--write-baseline</c>), so that only
/// new findings fail the build (<c>--baseline</c>). JSON, format in docs/scan.md; it holds fingerprints, rule ids and
/// paths, never values.
/// </summary>
public sealed partial class Baseline
{

    private Baseline(IReadOnlySet<string> fingerprints) => Fingerprints = fingerprints;

    /// <summary>The accepted fingerprints.</summary>
    public IReadOnlySet<string> Fingerprints { get; }

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="TradeguardException">Missing (exit 2) or not a baseline file (exit 5).</exception>
    public static Baseline Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Usage, $"baseline file '{path}' does not exist; create it with --write-baseline {path}");
        }

        BaselineFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), BaselineJsonContext.Default.BaselineFile);
        }
        catch (JsonException e)
        {
            throw new TradeguardException(ExitCode.Configuration, $"baseline file '{path}' is not valid JSON (line {e.LineNumber + 1}); write it again with --write-baseline", e);
        }

        if (file?.Version != 1 || file.Findings is null || file.Findings.Any(f => string.IsNullOrEmpty(f.Fingerprint)))
        {
            throw new TradeguardException(ExitCode.Configuration, $"baseline file '{path}' is not a version 1 tradeguard baseline; write it again with --write-baseline");
        }

        return new Baseline(file.Findings.Select(f => f.Fingerprint!).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Writes the fingerprints of <paramref name="findings"/> to <paramref name="path"/> (atomically, mode 0600).</summary>
    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var entries = findings
            .GroupBy(f => f.Fingerprint, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(f => new BaselineEntry { Fingerprint = f.Fingerprint, RuleId = f.RuleId, Path = f.Path, Commit = f.Commit })
            .ToList();
        var text = JsonSerializer.Serialize(new BaselineFile { Version = 1, Findings = entries }, BaselineJsonContext.Default.BaselineFile) + "\n";
        AtomicFile.WriteText(path, text);
    }

    /// <summary>Findings not in this baseline.</summary>
    public IReadOnlyList<Finding> Filter(IEnumerable<Finding> findings) =>
        findings.Where(f => !Fingerprints.Contains(f.Fingerprint)).ToList();

    private sealed class BaselineFile
    {
        [JsonPropertyName("version")]
        public int Version { get; set; }

        [JsonPropertyName("findings")]
        public List<BaselineEntry>? Findings { get; set; }
    }

    private sealed class BaselineEntry
    {
        [JsonPropertyName("fingerprint")]
        public string? Fingerprint { get; set; }

        [JsonPropertyName("ruleId")]
        public string? RuleId { get; set; }

        [JsonPropertyName("path")]
        public string? Path { get; set; }

        [JsonPropertyName("commit")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Commit { get; set; }
    }

    /// <summary>The baseline file's shape, indented; generated, so no reflection.</summary>
    [JsonSourceGenerationOptions(WriteIndented = true)]
    [JsonSerializable(typeof(BaselineFile))]
    private sealed partial class BaselineJsonContext : JsonSerializerContext;
}
