using System.Collections;
using System.Runtime.CompilerServices;

namespace Tradeguard.Trading.Collections;

/// <summary>
/// A list that only grows at its end, stored in fixed chunks of at most 64 KiB. A backtest appends an order, a fill
/// or a trade every few bars and keeps them all; a <see cref="List{T}"/> would regrow and copy its array into ever
/// larger large-object-heap blocks (a million-bar run: ~4 MB of fresh, zeroed memory for the order list alone), while
/// chunks are allocated once each and never copied. Not thread-safe.
/// </summary>
internal sealed class AppendOnlyList<T> : IReadOnlyList<T>
{
    // Chunks stay below the 85 000-byte large-object threshold: a power of two of elements in at most 64 KiB.
    private static readonly int ChunkBits = 31 - int.LeadingZeroCount((1 << 16) / Unsafe.SizeOf<T>());
    private readonly List<T[]> chunks = [];

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return At(index);
        }
    }

    /// <summary>The last element, by reference, so it can be replaced in place.</summary>
    /// <exception cref="InvalidOperationException">The list is empty.</exception>
    public ref T Last
    {
        get
        {
            if (Count == 0)
            {
                throw new InvalidOperationException("the list is empty");
            }

            return ref At(Count - 1);
        }
    }

    /// <summary>Appends <paramref name="item"/>.</summary>
    public void Add(T item)
    {
        if ((Count & ((1 << ChunkBits) - 1)) == 0)
        {
            chunks.Add(new T[1 << ChunkBits]);
        }

        At(Count++) = item;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return At(i);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ref T At(int index) => ref chunks[index >> ChunkBits][index & ((1 << ChunkBits) - 1)];
}
