using System.Buffers.Binary;
using System.Text;

namespace Tradeguard.Vault.Format;

/// <summary>Writes little-endian fields into a growing buffer.</summary>
internal sealed class ByteWriter
{
    private readonly MemoryStream _stream = new();

    public int Length => (int)_stream.Length;

    public ByteWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        return this;
    }

    public ByteWriter U8(byte value)
    {
        _stream.WriteByte(value);
        return this;
    }

    public ByteWriter U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        return Bytes(b);
    }

    public ByteWriter U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return Bytes(b);
    }

    public ByteWriter U64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        return Bytes(b);
    }

    public ByteWriter I64(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        return Bytes(b);
    }

    public ByteWriter ShortAscii(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return U8(checked((byte)bytes.Length)).Bytes(bytes);
    }

    /// <summary>The bytes written; for buffers that held secrets the caller zeroes the result.</summary>
    public byte[] ToArray() => _stream.ToArray();
}
