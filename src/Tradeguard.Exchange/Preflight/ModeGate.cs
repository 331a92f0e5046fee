using Tradeguard.Core.Errors;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Preflight;

/// <summary>
/// Decides paper or live. Live needs both <c>--live</c> on the command line and <c>mode: live</c> in the config;
/// anything else is paper. A live request the config does not confirm is refused rather than silently run as paper,
/// and an endpoint other than the local sandbox is live by nature, so it needs live mode.
/// </summary>
public static class ModeGate
{
    /// <summary>Resolves the mode.</summary>
    /// <param name="liveFlag">True when <c>--live</c> was given.</param>
    /// <param name="configMode">The config's <c>mode</c> (<c>paper</c>, <c>live</c> or null for paper).</param>
    /// <param name="endpointIsSandbox">True when the endpoint is a loopback address (the local sandbox).</param>
    /// <returns>The mode and, when the config asks for live without the flag, a warning.</returns>
    /// <exception cref="TradeguardException">Exit 5 with the fix: an unknown mode, --live without <c>mode: live</c>, a real endpoint in paper mode.</exception>
    public static (TradingMode Mode, string? Warning) Resolve(bool liveFlag, string? configMode, bool endpointIsSandbox)
    {
        var mode = (configMode ?? "paper").Trim().ToLowerInvariant();
        if (mode is not ("paper" or "live"))
        {
            throw new TradeguardException(ExitCode.Configuration, $"mode must be \"paper\" or \"live\" (got \"{configMode}\")");
        }

        if (liveFlag && mode != "live")
        {
            throw new TradeguardException(ExitCode.Configuration,
                "--live was given but the config says mode: paper. To trade with real money set \"mode\": \"live\" in the config as well; otherwise drop --live.");
        }

        var live = liveFlag && mode == "live";
        if (!live && !endpointIsSandbox)
        {
            throw new TradeguardException(ExitCode.Configuration,
                "the endpoint is a real exchange, where every order is live, but this run is in paper mode. Point baseUrl at the local sandbox " +
                "(tradeguard sandbox serve), or set \"mode\": \"live\" in the config and pass --live.");
        }

        var warning = mode == "live" && !liveFlag ? "the config says mode: live but --live was not given; running in paper mode" : null;
        return (live ? TradingMode.Live : TradingMode.Paper, warning);
    }
}
