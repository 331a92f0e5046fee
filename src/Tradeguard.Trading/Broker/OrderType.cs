namespace Tradeguard.Trading.Broker;

/// <summary>How an order's fill price is found (see <see cref="PaperBroker"/> for the exact matching rules).</summary>
public enum OrderType
{
    /// <summary>Fills at the next bar's open.</summary>
    Market,

    /// <summary>Fills at the next bar's close.</summary>
    Close,

    /// <summary>Fills at the limit price or better.</summary>
    Limit,

    /// <summary>Becomes a market order once the price trades through the stop price.</summary>
    Stop,

    /// <summary>Becomes a limit order once the price trades through the stop price.</summary>
    StopLimit,
}
