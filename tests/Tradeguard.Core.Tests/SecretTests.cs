using Tradeguard.Core.Secrets;

namespace Tradeguard.Core.Tests;

public class SecretTests
{
    [Fact]
    public void ToString_NeverShowsTheValue()
    {
        using var s = Secret.FromString("hunter2-very-secret");
        Assert.Equal("[redacted]", s.ToString());
        Assert.Equal("[redacted]", $"{s}");
    }

    [Fact]
    public void Dispose_ZeroesAndForbidsFurtherUse()
    {
        var s = Secret.FromString("abcdefgh");
        byte[]? seen = null;
        s.Use(clear => { seen = clear.ToArray(); });
        Assert.Equal("abcdefgh"u8.ToArray(), seen);
        s.Dispose();
        Assert.Throws<ObjectDisposedException>(() => s.Reveal());
        Assert.Throws<ObjectDisposedException>(() => s.Length);
    }

    [Fact]
    public void Equals_ComparesValues()
    {
        using var a = Secret.FromString("same-value");
        using var b = Secret.FromChars("same-value");
        using var c = Secret.FromString("other-value");
        Assert.True(a.Equals(b));
        Assert.False(a.Equals(c));
        Assert.Equal(0, a.GetHashCode());
    }

    [Fact]
    public void Random_UsesRequestedLengthAndDiffers()
    {
        using var a = Secret.Random(32);
        using var b = Secret.Random(32);
        Assert.Equal(32, a.Length);
        Assert.False(a.Equals(b));
    }

    [Theory]
    [InlineData("abcdefghijklmnopwxyz", "abcd…wxyz")]
    [InlineData("0123456789abcdef", "0123…cdef")]
    [InlineData("0123456789abcde", "•••• (8-15 chars)")]
    [InlineData("12345678", "•••• (8-15 chars)")]
    [InlineData("1234567", "•••• (under 8 chars)")]
    [InlineData("", "(empty)")]
    public void Mask_ShowsEndsOnlyFrom16Characters(string value, string expected)
    {
        Assert.Equal(expected, SecretMask.Mask(value));
    }

    [Fact]
    public void Mask_CountsEmojiAsOneCharacter()
    {
        // 15 text elements, one of them a 2-code-unit emoji: still "short".
        Assert.Equal("•••• (8-15 chars)", SecretMask.Mask("abcdefghijklmn😀"));
    }
}
