namespace Tradeguard.Identity.Sessions;

/// <summary>How long a session token lives.</summary>
public sealed record SessionOptions
{
    /// <summary>12 hours.</summary>
    public static SessionOptions Default { get; } = new();

    /// <summary>The time from login to expiry.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(12);
}
