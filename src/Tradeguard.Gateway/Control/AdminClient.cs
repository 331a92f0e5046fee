using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Gateway.Hosting;

namespace Tradeguard.Gateway.Control;

/// <summary>
/// Talks to a running gateway's admin socket (<c>tradeguard gateway pause|resume|stop|closeall|status</c>): HTTP over
/// the Unix socket, with the <see cref="AdminToken"/> read from the vault.
/// </summary>
public sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _socketPath;

    /// <summary>A client for the socket at <paramref name="socketPath"/>, sending <paramref name="token"/>.</summary>
    public AdminClient(string socketPath, Secret token, TimeSpan? timeout = null)
    {
        _socketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Add(AdminToken.Header, token.Reveal());
    }

    /// <summary>Sends <paramref name="command"/> (pause, resume, stop, closeall; revoke, which needs the bot) for <paramref name="bot"/> (null: all); returns the gateway's one-line result.</summary>
    /// <exception cref="TradeguardException">Exit 6 when no gateway answers; exit 3 for a refused token; exit 2 for an unknown bot.</exception>
    public async Task<string> SendAsync(string command, string? bot, CancellationToken cancellationToken = default)
    {
        var path = command + (bot is null ? string.Empty : "?bot=" + Uri.EscapeDataString(bot));
        using var response = await CallAsync(() => _http.PostAsync(path, null, cancellationToken)).ConfigureAwait(false);
        return await ReadAsync(response, "result", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gateway's status.</summary>
    /// <exception cref="TradeguardException">Exit 6 when no gateway answers; exit 3 for a refused token.</exception>
    public async Task<AdminStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(() => _http.GetAsync("status", cancellationToken)).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await ReadAsync(response, "result", cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadFromJsonAsync(AdminJsonContext.Default.AdminStatus, cancellationToken).ConfigureAwait(false)
               ?? throw new TradeguardException(ExitCode.ExternalService, "the gateway answered an empty status");
    }

    /// <summary>Closes the client.</summary>
    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> CallAsync(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            throw new TradeguardException(ExitCode.ExternalService,
                $"no gateway answers on {_socketPath} ({(e is TaskCanceledException ? "timed out" : "connection refused or closed")}); is `tradeguard gateway serve` running with this config?", e);
        }
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response, string field, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadFromJsonAsync(AdminJsonContext.Default.DictionaryStringString, cancellationToken).ConfigureAwait(false) ?? [];
        if (response.IsSuccessStatusCode && body.TryGetValue(field, out var result))
        {
            return result;
        }

        var error = body.GetValueOrDefault("error") ?? $"HTTP {(int)response.StatusCode}";
        throw new TradeguardException(response.StatusCode switch
        {
            System.Net.HttpStatusCode.Unauthorized => ExitCode.AuthenticationFailed,
            System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound => ExitCode.Usage,
            _ => ExitCode.ExternalService,
        }, "the gateway refused: " + error);
    }
}
