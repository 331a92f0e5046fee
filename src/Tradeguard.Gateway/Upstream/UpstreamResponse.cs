namespace Tradeguard.Gateway.Upstream;

/// <summary>The exchange's answer to a forwarded request, passed back to the bot as it came.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">The body, as received (JSON).</param>
/// <param name="ContentType">The content type, or null.</param>
/// <param name="UsedWeight">The <c>X-MBX-USED-WEIGHT-1M</c> header, or null.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header, or null.</param>
public sealed record UpstreamResponse(int Status, byte[] Body, string? ContentType, string? UsedWeight, string? RetryAfter)
{
    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;
}
