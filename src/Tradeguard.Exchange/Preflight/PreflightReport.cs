using Tradeguard.Exchange.Models;

namespace Tradeguard.Exchange.Preflight;

/// <summary>What a passed pre-flight found.</summary>
/// <param name="ClockOffsetMs">Server minus local clock, milliseconds.</param>
/// <param name="Restrictions">The key's permissions as the exchange reported them.</param>
/// <param name="Warnings">Things that passed but deserve attention (key not IP-restricted, withdrawal key allowed).</param>
public sealed record PreflightReport(long ClockOffsetMs, ApiKeyRestrictions Restrictions, IReadOnlyList<string> Warnings);
