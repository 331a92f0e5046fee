namespace Tradeguard.Scanner.Rules;

/// <summary>What a rule looks for.</summary>
public enum RuleKind
{
    /// <summary>A credential value that must not sit in a file; its value is masked in every output.</summary>
    Secret,

    /// <summary>Unsafe code or configuration (TLS off, weak hashing, keys printed); the matched text is not secret.</summary>
    Practice,

    /// <summary>A built-in check on a file that holds a secret (tracked by git, not ignored, readable by others).</summary>
    File,
}
