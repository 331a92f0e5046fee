using System.Text;

namespace Tradeguard.Alerts.Age;

/// <summary>
/// Bech32 text encoding (BIP-173, checksum constant 1), which age uses for <c>age1…</c> recipients and
/// <c>AGE-SECRET-KEY-1…</c> identities. An encoding with a checksum, not a cryptographic primitive. Unlike BIP-173,
/// age does not limit the length to 90 characters.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>Encodes <paramref name="data"/> under the human-readable part <paramref name="hrp"/>, lower case.</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var hrpLower = hrp.ToLowerInvariant();
        var values = ConvertBits(data, 8, 5, pad: true)!;
        var checksum = CreateChecksum(hrpLower, values);
        var sb = new StringBuilder(hrpLower.Length + 1 + values.Length + 6);
        sb.Append(hrpLower).Append('1');
        foreach (var v in values.Concat(checksum))
        {
            sb.Append(Charset[v]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Decodes a Bech32 string, requiring the human-readable part <paramref name="expectedHrp"/> (case-insensitive) and a
    /// single case throughout. Returns false, never throws, for anything malformed.
    /// </summary>
    public static bool TryDecode(string text, string expectedHrp, out byte[] data)
    {
        data = [];
        if (string.IsNullOrEmpty(text) || (text.Any(char.IsUpper) && text.Any(char.IsLower)))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.Length || lower[..separator] != expectedHrp.ToLowerInvariant())
        {
            return false;
        }

        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Charset.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            values[i] = (byte)index;
        }

        if (Polymod(ExpandHrp(lower[..separator]).Concat(values)) != 1)
        {
            return false;
        }

        var decoded = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false);
        if (decoded is null)
        {
            return false;
        }

        data = decoded;
        return true;
    }

    private static byte[] CreateChecksum(string hrp, byte[] values)
    {
        var polymod = Polymod(ExpandHrp(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        var checksum = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            checksum[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }

        return checksum;
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= Generator[i];
                }
            }
        }

        return chk;
    }

    private static byte[] ExpandHrp(string hrp)
    {
        var result = new byte[(hrp.Length * 2) + 1];
        for (var i = 0; i < hrp.Length; i++)
        {
            result[i] = (byte)(hrp[i] >> 5);
            result[i + hrp.Length + 1] = (byte)(hrp[i] & 31);
        }

        return result;
    }

    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var maxValue = (1 << toBits) - 1;
        var result = new List<byte>((data.Length * fromBits / toBits) + 1);
        foreach (var value in data)
        {
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (toBits - bits)) & maxValue));
            }
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0)
        {
            return null;
        }

        return result.ToArray();
    }
}
