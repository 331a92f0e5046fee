using System.Text;

namespace Tradeguard.Alerts.Age;

/// <summary>One recipient stanza of an age header: its arguments (first is the type) and its decoded body.</summary>
internal sealed record AgeStanza(IReadOnlyList<string> Arguments, byte[] Body);

/// <summary>The parsed text header of an age v1 file (age-encryption.org/v1, "Header").</summary>
internal sealed class AgeHeader
{
    private const int MaxHeaderBytes = 1 << 20;

    private AgeHeader(IReadOnlyList<AgeStanza> stanzas, int macInputLength, byte[] mac, int payloadOffset)
    {
        Stanzas = stanzas;
        MacInputLength = macInputLength;
        Mac = mac;
        PayloadOffset = payloadOffset;
    }

    public IReadOnlyList<AgeStanza> Stanzas { get; }

    /// <summary>Bytes from the start of the file up to and including <c>---</c>: what the MAC covers.</summary>
    public int MacInputLength { get; }

    public byte[] Mac { get; }

    public int PayloadOffset { get; }

    public static AgeHeader Parse(ReadOnlySpan<byte> file)
    {
        var position = 0;
        if (ReadLine(file, ref position) != "age-encryption.org/v1")
        {
            throw AgeFile.Damaged("the first line is not 'age-encryption.org/v1' (armored files are not supported)");
        }

        var stanzas = new List<AgeStanza>();
        while (true)
        {
            var lineStart = position;
            var line = ReadLine(file, ref position) ?? throw AgeFile.Damaged("the header ends early");
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (!TryRawBase64(line[4..], out var mac) || mac.Length != 32)
                {
                    throw AgeFile.Damaged("the header MAC line is malformed");
                }

                return new AgeHeader(stanzas, lineStart + 3, mac, position);
            }

            if (!line.StartsWith("-> ", StringComparison.Ordinal))
            {
                throw AgeFile.Damaged("a header line is neither a stanza nor the MAC");
            }

            var arguments = line[3..].Split(' ');
            if (arguments.Any(a => a.Length == 0))
            {
                throw AgeFile.Damaged("a stanza has an empty argument");
            }

            var body = new StringBuilder();
            while (true)
            {
                var bodyLine = ReadLine(file, ref position) ?? throw AgeFile.Damaged("a stanza body ends early");
                if (bodyLine.Length > 64)
                {
                    throw AgeFile.Damaged("a stanza body line is longer than 64 columns");
                }

                body.Append(bodyLine);
                if (bodyLine.Length < 64)
                {
                    break;
                }
            }

            if (!TryRawBase64(body.ToString(), out var decoded))
            {
                throw AgeFile.Damaged("a stanza body is not base64");
            }

            stanzas.Add(new AgeStanza(arguments, decoded));
        }
    }

    /// <summary>Decodes unpadded standard base64 as age writes it; rejects padding and stray characters.</summary>
    public static bool TryRawBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Contains('=') || text.Length % 4 == 1)
        {
            return false;
        }

        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[(padded.Length / 4) * 3];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return AgeFile.RawBase64(bytes) == text;
    }

    private static string? ReadLine(ReadOnlySpan<byte> file, ref int position)
    {
        var rest = file[position..];
        var newline = rest[..Math.Min(rest.Length, MaxHeaderBytes)].IndexOf((byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        var line = rest[..newline];
        foreach (var b in line)
        {
            if (b < 0x20 || b > 0x7e)
            {
                throw AgeFile.Damaged("the header holds a non-ASCII or control byte");
            }
        }

        position += newline + 1;
        return Encoding.ASCII.GetString(line);
    }
}
