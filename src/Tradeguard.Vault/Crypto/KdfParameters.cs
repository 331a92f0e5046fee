namespace Tradeguard.Vault.Crypto;

/// <summary>
/// Argon2id cost parameters (RFC 9106), stored in each passphrase key slot so that they can be raised later
/// without breaking vaults written earlier.
/// </summary>
/// <param name="MemoryKiB">Memory cost m in KiB (1 KiB blocks); default 65,536 KiB = 64 MiB.</param>
/// <param name="Iterations">Time cost t (passes over memory); default 3.</param>
/// <param name="Parallelism">Lanes p; libsodium (NSec) supports only 1.</param>
public sealed record KdfParameters(uint MemoryKiB, uint Iterations, uint Parallelism)
{
    /// <summary>The smallest memory cost accepted (8 KiB, RFC 9106's minimum of 8·p KiB for p = 1).</summary>
    public const uint MinimumMemoryKiB = 8;

    /// <summary>The largest memory cost accepted when reading a file (4 GiB), so a crafted file cannot exhaust memory.</summary>
    public const uint MaximumMemoryKiB = 4u * 1024 * 1024;

    /// <summary>The largest time cost accepted when reading a file, so a crafted file cannot hang the process.</summary>
    public const uint MaximumIterations = 64;

    /// <summary>The salt length in bytes (libsodium's crypto_pwhash_SALTBYTES).</summary>
    public const int SaltLength = 16;

    /// <summary>The defaults for new vaults: m = 64 MiB, t = 3, p = 1 (RFC 9106 §4, second recommended option).</summary>
    public static KdfParameters Default { get; } = new(65_536, 3, 1);

    /// <summary>True when every value is within the bounds this build accepts.</summary>
    public bool IsSupported =>
        MemoryKiB is >= MinimumMemoryKiB and <= MaximumMemoryKiB &&
        Iterations is >= 1 and <= MaximumIterations &&
        Parallelism == 1;

    /// <summary>Parses <c>m=KiB,t=N,p=1</c> (any order); returns false, never throws, for anything else or unsupported values.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KdfParameters? parameters)
    {
        parameters = null;
        uint? m = null, t = null, p = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2 || !uint.TryParse(kv[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": m = v; break;
                case "t": t = v; break;
                case "p": p = v; break;
                default: return false;
            }
        }

        if (m is null || t is null)
        {
            return false;
        }

        var candidate = new KdfParameters(m.Value, t.Value, p ?? 1);
        parameters = candidate.IsSupported ? candidate : null;
        return parameters is not null;
    }

    /// <summary>The form used in messages and docs: <c>m=65536,t=3,p=1</c> (PHC string notation).</summary>
    public override string ToString() => $"m={MemoryKiB},t={Iterations},p={Parallelism}";
}
