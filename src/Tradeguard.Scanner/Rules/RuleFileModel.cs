using System.Text.Json.Serialization;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// Source-generated (de)serialisation of <see cref="RuleFileModel"/>: every scan parses the embedded rule file, and the
/// reflection-based serializer spent more start-up time on it than the parse itself.
/// </summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleFileModel))]
internal sealed partial class RuleFileJsonContext : JsonSerializerContext;

/// <summary>The JSON shape of a rule file, as written; <see cref="RuleSet"/> validates and compiles it.</summary>
internal sealed class RuleFileModel
{
    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("$defines")]
    public Dictionary<string, string>? Defines { get; set; }

    [JsonPropertyName("examples")]
    public List<ExampleModel>? Examples { get; set; }

    [JsonPropertyName("rules")]
    public List<RuleModel>? Rules { get; set; }
}

/// <summary>One rule as written in the file.</summary>
internal sealed class RuleModel
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("severity")]
    public string? Severity { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("keywords")]
    public List<string>? Keywords { get; set; }

    [JsonPropertyName("regex")]
    public string? Regex { get; set; }

    [JsonPropertyName("entropy")]
    public double Entropy { get; set; }

    [JsonPropertyName("minLength")]
    public int MinLength { get; set; }

    [JsonPropertyName("allowlist")]
    public List<string>? Allowlist { get; set; }

    [JsonPropertyName("stopwords")]
    public List<string>? Stopwords { get; set; }

    [JsonPropertyName("examples")]
    public List<ExampleModel>? Examples { get; set; }

    [JsonPropertyName("context")]
    public List<string>? Context { get; set; }

    [JsonPropertyName("paths")]
    public List<string>? Paths { get; set; }

    [JsonPropertyName("fileKinds")]
    public List<string>? FileKinds { get; set; }

    [JsonPropertyName("fix")]
    public string? Fix { get; set; }
}

/// <summary>A documented example as written in the file.</summary>
internal sealed class ExampleModel
{
    [JsonPropertyName("sha256")]
    public string? Sha256 { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }
}
