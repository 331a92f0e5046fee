namespace Tradeguard.Gateway.Control;

/// <summary>What the gateway does at the exchange for an operator command (implemented by the gateway's order desk).</summary>
public interface IBotOrderActions
{
    /// <summary>Cancels every order of <paramref name="bot"/> still working as the gateway saw it; returns a one-line result.</summary>
    Task<string> CancelWorkingOrdersAsync(string bot, CancellationToken cancellationToken);

    /// <summary>Cancels <paramref name="bot"/>'s working orders, then sells its position at market; returns a one-line result.</summary>
    Task<string> CloseAllAsync(string bot, CancellationToken cancellationToken);
}
