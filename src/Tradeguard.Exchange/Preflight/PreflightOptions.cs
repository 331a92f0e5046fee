namespace Tradeguard.Exchange.Preflight;

/// <summary>What the pre-flight checks before the first order.</summary>
public sealed record PreflightOptions
{
    /// <summary>The vault item holding the key pair, e.g. <c>binance</c> or <c>sandbox</c>.</summary>
    public required string Exchange { get; init; }

    /// <summary>Run even with a key that can withdraw or transfer funds (then warned about and audited). Default false.</summary>
    public bool AllowWithdrawalKeys { get; init; }

    /// <summary>The largest clock difference to the exchange accepted. Default 1 s.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Files that hold or lead to secrets (vault, configs) and must not be accessible by group or others.</summary>
    public IReadOnlyList<PrivatePath> PrivateFiles { get; init; } = [];
}

/// <summary>A file that must be private, and what to call it in messages.</summary>
/// <param name="Path">The file.</param>
/// <param name="What">E.g. <c>vault</c>, <c>config</c>.</param>
public sealed record PrivatePath(string Path, string What);
