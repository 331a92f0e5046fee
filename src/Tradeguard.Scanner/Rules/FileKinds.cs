namespace Tradeguard.Scanner.Rules;

/// <summary>
/// The kinds of file a rule reads (a rule file's <c>fileKinds</c>). Code patterns such as turning TLS verification
/// off do harm only where they run or configure something; in prose (a README that names them) they are false alarms.
/// </summary>
[Flags]
public enum FileKinds
{
    /// <summary>Every file (no <c>fileKinds</c> given).</summary>
    Any = 0,

    /// <summary>Program code, by file name (<see cref="SourceCodeFile"/>): <c>.py</c>, <c>.cs</c>, <c>.js</c>, notebooks, shell, Dockerfiles...</summary>
    Code = 1,

    /// <summary>Configuration and key files, by file name: <c>.env</c>, INI, TOML, YAML, JSON, key stores...</summary>
    Config = 2,
}
