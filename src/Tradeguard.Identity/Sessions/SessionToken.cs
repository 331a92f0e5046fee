using Tradeguard.Core.Secrets;

namespace Tradeguard.Identity.Sessions;

/// <summary>A session token as issued: the bearer value (shown once, never stored) and its expiry.</summary>
/// <param name="Value">The token, <c>tgs_</c> + 43 base64url characters (256 random bits); dispose it after use.</param>
/// <param name="Account">The account it authenticates.</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
public sealed record SessionToken(Secret Value, string Account, DateTimeOffset ExpiresAt);
