namespace Tradeguard.Gateway.Tests.Support;

/// <summary>
/// Between the gateway and the exchange: makes a new order's outcome unknown to the gateway, as a flaky exchange does.
/// <see cref="Mode"/> applies to <c>POST /api/v3/order</c> only; every other request passes.
/// </summary>
public sealed class LossyUpstream(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public enum Loss
    {
        None,

        /// <summary>The order reaches the exchange, its answer is lost (the connection fails after sending).</summary>
        AnswerLost,

        /// <summary>The order never reaches the exchange; the gateway gets a 503.</summary>
        NeverSent,
    }

    public Loss Mode { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isOrder = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/api/v3/order";
        if (isOrder && Mode == Loss.NeverSent)
        {
            return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") };
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (isOrder && Mode == Loss.AnswerLost)
        {
            response.Dispose();
            throw new HttpRequestException("connection reset (test)");
        }

        return response;
    }
}
