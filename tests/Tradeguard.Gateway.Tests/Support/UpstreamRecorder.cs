using System.Collections.Concurrent;

namespace Tradeguard.Gateway.Tests.Support;

/// <summary>What reached the exchange: every request the gateway sent upstream, as sent (method, URI, API-key header, body).</summary>
public sealed class UpstreamRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<SentRequest> sent = new();

    public IReadOnlyList<SentRequest> Sent => sent.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!.ToString(),
            request.Headers.TryGetValues("X-MBX-APIKEY", out var keys) ? keys.Single() : null, body,
            string.Join('\n', request.Headers.Select(h => $"{h.Key}: {string.Join(',', h.Value)}"))));
        return await base.SendAsync(request, cancellationToken);
    }
}

public sealed record SentRequest(string Method, string Uri, string? ApiKey, string Body, string Headers)
{
    public string All => $"{Method} {Uri}\n{Headers}\n{Body}";
}
