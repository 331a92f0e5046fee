namespace Tradeguard.Exchange.Models;

/// <summary>Binance Spot order statuses (<c>ENUM Order status</c> in the Spot API docs), as the client reports them.</summary>
public enum ExchangeOrderStatus
{
    /// <summary><c>NEW</c>: accepted by the engine, working.</summary>
    New,

    /// <summary><c>PARTIALLY_FILLED</c>: part of it has filled.</summary>
    PartiallyFilled,

    /// <summary><c>FILLED</c>: completely filled.</summary>
    Filled,

    /// <summary><c>CANCELED</c>: cancelled by the user or the venue.</summary>
    Canceled,

    /// <summary><c>REJECTED</c>: not accepted by the engine.</summary>
    Rejected,

    /// <summary><c>EXPIRED</c>: its time in force ran out.</summary>
    Expired,

    /// <summary><c>EXPIRED_IN_MATCH</c>: expired by self-trade prevention.</summary>
    ExpiredInMatch,
}
