using System.Buffers.Binary;
using System.Text;

namespace Tradeguard.Vault.Format;

/// <summary>Reads little-endian fields from untrusted bytes; every overrun is a <see cref="FormatDamage"/>, never an index exception.</summary>
internal ref struct ByteReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;

    public ByteReader(ReadOnlySpan<byte> data, string what)
    {
        _data = data;
        _what = what;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new FormatDamage($"{_what} ends early (needs {count} more bytes at offset {Position}, has {Remaining})");
        }

        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    public byte U8() => Bytes(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

    public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

    public string ShortAscii()
    {
        var bytes = Bytes(U8());
        foreach (var b in bytes)
        {
            if (b is < 0x21 or > 0x7e)
            {
                throw new FormatDamage($"{_what} holds a name with a non-ASCII byte at offset {Position}");
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }

    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw new FormatDamage($"{_what} has {Remaining} unexpected bytes at its end");
        }
    }
}

/// <summary>A structural fault found while decoding; turned into an exit-4 error that names it.</summary>
internal sealed class FormatDamage(string what) : Exception(what);
