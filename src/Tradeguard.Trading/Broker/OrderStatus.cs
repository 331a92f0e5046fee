namespace Tradeguard.Trading.Broker;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    /// <summary>Accepted by the risk guard and the broker, waiting for a bar to fill against.</summary>
    Working,

    /// <summary>Completely filled.</summary>
    Filled,

    /// <summary>Refused (risk limit, not enough cash, nothing to sell); never worked.</summary>
    Rejected,

    /// <summary>Cancelled by the strategy, by the broker (its sibling filled, its position closed) or by the kill switch.</summary>
    Cancelled,

    /// <summary>Its validity ran out before it could fill.</summary>
    Expired,
}
