using Tradeguard.Core.Secrets;

namespace Tradeguard.Core.Tests;

public class SecretReferenceTests
{
    [Fact]
    public void Parse_ReadsItemAndField()
    {
        var r = SecretReference.Parse("vault://binance/api_secret");
        Assert.Equal("binance", r.Item);
        Assert.Equal("api_secret", r.Field);
        Assert.Equal("vault://binance/api_secret", r.ToString());
    }

    [Theory]
    [InlineData("binance/api_secret")]
    [InlineData("vault://binance")]
    [InlineData("vault:///api_secret")]
    [InlineData("vault://binance/")]
    [InlineData("vault://bin ance/key")]
    [InlineData("vault://a/b/c")]
    [InlineData(null)]
    public void TryParse_RejectsMalformed(string? text)
    {
        Assert.False(SecretReference.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatException()
    {
        var e = Assert.Throws<FormatException>(() => SecretReference.Parse("vault://x"));
        Assert.Equal("'vault://x' is not a vault reference of the form vault://item/field", e.Message);
    }
}
