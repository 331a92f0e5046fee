namespace Tradeguard.Alerts.Tests;

public sealed class MessageSplitterTests
{
    [Fact]
    public void ShortText_IsOnePart()
    {
        Assert.Equal(["hello"], MessageSplitter.Split("hello"));
    }

    [Fact]
    public void Lines_AreKeptWhole_AndPartsStayUnderTheLimit()
    {
        var lines = Enumerable.Range(1, 10).Select(i => new string((char)('a' + i), 9)).ToArray(); // 10 lines of 9
        var parts = MessageSplitter.Split(string.Join('\n', lines), 25);
        // 9 + 1 + 9 = 19 fits, a third line would make 29: two lines per part.
        Assert.Equal(5, parts.Count);
        Assert.All(parts, p => Assert.Equal(19, p.Length));
        Assert.Equal(string.Join('\n', lines), string.Join('\n', parts));
    }

    [Fact]
    public void OverlongLine_IsCutBetweenTextElements_NeverInsideAnEmoji()
    {
        // Each "👍🏽" is one text element of 4 UTF-16 code units (emoji + skin tone modifier).
        var line = string.Concat(Enumerable.Repeat("👍🏽", 5));
        var parts = MessageSplitter.Split(line, 6);
        Assert.Equal(["👍🏽", "👍🏽", "👍🏽", "👍🏽", "👍🏽"], parts);
    }
}
