using Tradeguard.Trading.Collections;

namespace Tradeguard.Trading.Tests.Collections;

public sealed class AppendOnlyListTests
{
    [Fact]
    public void ItemsAcrossChunkBoundaries_KeepTheirOrderAndIndex()
    {
        // 16 384 ints fill one 64 KiB chunk: 40 000 spans three chunks.
        var list = new AppendOnlyList<int>();
        for (var i = 0; i < 40_000; i++)
        {
            list.Add(i * 3);
        }

        Assert.Equal(40_000, list.Count);
        Assert.Equal((0, 16_383 * 3, 16_384 * 3, 39_999 * 3), (list[0], list[16_383], list[16_384], list[39_999]));
        Assert.Equal(Enumerable.Range(0, 40_000).Select(i => i * 3), list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[40_000]);
    }

    [Fact]
    public void Last_ReplacesTheNewestItemInPlace_AndIsRefusedWhenEmpty()
    {
        var list = new AppendOnlyList<string>();
        Assert.Throws<InvalidOperationException>(() => list.Last);

        list.Add("a");
        list.Add("b");
        list.Last = "c";

        Assert.Equal(["a", "c"], list);
    }
}
