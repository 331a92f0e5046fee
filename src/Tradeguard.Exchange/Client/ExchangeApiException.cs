using System.Net;
using Tradeguard.Core.Errors;

namespace Tradeguard.Exchange.Client;

/// <summary>
/// The exchange answered with an error (<c>{"code": -1022, "msg": "…"}</c>) or could not be reached. Exit code 6.
/// The message names the endpoint's path, never its query string (which carries the signature).
/// </summary>
public class ExchangeApiException : TradeguardException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The exchange's error code (Binance: negative numbers such as -1021), or 0 when there was none.</param>
    /// <param name="status">The HTTP status, or null when no response arrived.</param>
    /// <param name="message">What happened and what to do next; holds no secret.</param>
    /// <param name="inner">The low-level cause.</param>
    public ExchangeApiException(int code, HttpStatusCode? status, string message, Exception? inner = null)
        : this(ExitCode.ExternalService, code, status, message, inner)
    {
    }

    /// <summary>Creates the exception with another exit code (a refused key is exit 3, not 6).</summary>
    /// <param name="exitCode">The process exit code.</param>
    /// <param name="code">The exchange's error code, or 0.</param>
    /// <param name="status">The HTTP status, or null when no response arrived.</param>
    /// <param name="message">What happened and what to do next; holds no secret.</param>
    /// <param name="inner">The low-level cause.</param>
    protected ExchangeApiException(ExitCode exitCode, int code, HttpStatusCode? status, string message, Exception? inner = null)
        : base(exitCode, message, inner)
    {
        Code = code;
        Status = status;
    }

    /// <summary>The exchange's error code, or 0.</summary>
    public int Code { get; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>
    /// The exchange's own words for a refused request (Binance's <c>msg</c>, e.g. <c>Filter failure: LOT_SIZE</c>), or
    /// null when it sent none or the request never got an answer.
    /// </summary>
    public string? ExchangeMessage { get; init; }
}
