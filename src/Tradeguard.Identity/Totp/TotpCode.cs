using OtpNet;

namespace Tradeguard.Identity.Totp;

/// <summary>
/// Tradeguard's TOTP parameters (RFC 6238 with HOTP per RFC 4226): HMAC-SHA-1, 6 digits, 30-second steps from the
/// Unix epoch, accepting the previous, current and next step. Computed by Otp.NET.
/// </summary>
public static class TotpCode
{
    /// <summary>Seconds per time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>Digits per code.</summary>
    public const int Digits = 6;

    /// <summary>Steps accepted either side of the current one.</summary>
    public const int WindowSteps = 1;

    /// <summary>The seed length Tradeguard generates, in bytes (160 bits, RFC 4226 §4 R6).</summary>
    public const int SeedBytes = 20;

    /// <summary>The code for <paramref name="seed"/> at <paramref name="at"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> seed, DateTimeOffset at) =>
        new OtpNet.Totp(seed.ToArray(), StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The time step (<c>floor(unix seconds / 30)</c>) of <paramref name="at"/>.</summary>
    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// Checks <paramref name="code"/> in the ±1 window around <paramref name="at"/> (constant-time comparison in
    /// Otp.NET); returns the matched step, or null. Anything but exactly 6 ASCII digits is refused.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> seed, string code, DateTimeOffset at)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new OtpNet.Totp(seed.ToArray(), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(at.UtcDateTime, code, out var step, new VerificationWindow(WindowSteps, WindowSteps)) ? step : null;
    }
}
