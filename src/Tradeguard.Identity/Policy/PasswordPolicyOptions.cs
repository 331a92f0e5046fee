namespace Tradeguard.Identity.Policy;

/// <summary>Settings of <see cref="PasswordPolicy"/>; every length counts Unicode code points after NFC.</summary>
public sealed record PasswordPolicyOptions
{
    /// <summary>The classic rules with their defaults.</summary>
    public static PasswordPolicyOptions Classic { get; } = new();

    /// <summary>The NIST SP 800-63B rules with their defaults.</summary>
    public static PasswordPolicyOptions Nist { get; } = new() { Mode = PasswordPolicyMode.Nist };

    /// <summary>The rule set.</summary>
    public PasswordPolicyMode Mode { get; init; } = PasswordPolicyMode.Classic;

    /// <summary>How many earlier passwords of the account may not be reused (0 turns the rule off).</summary>
    public int HistoryDepth { get; init; } = 5;

    /// <summary>The longest password accepted, in code points (NIST requires at least 64).</summary>
    public int MaximumLength { get; init; } = 256;

    /// <summary>The zxcvbn score (0-4) required in classic mode.</summary>
    public int MinimumScore { get; init; } = 3;

    /// <summary>The shortest password accepted for an account without / with a second factor.</summary>
    public (int WithoutSecondFactor, int WithSecondFactor) MinimumLength =>
        Mode == PasswordPolicyMode.Classic ? (12, 12) : (15, 8);

    /// <summary>Parses <c>classic</c> or <c>nist</c> (case-insensitive), as written in config.</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static PasswordPolicyOptions ForMode(string name) => name.Trim().ToLowerInvariant() switch
    {
        "classic" => Classic,
        "nist" => Nist,
        _ => throw new ArgumentException($"Unknown password policy '{name}': use classic or nist.", nameof(name)),
    };
}
