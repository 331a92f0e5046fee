namespace Tradeguard.Trading.Broker;

/// <summary>
/// What a strategy asks for. Prices are in quote currency per unit; quantities in units (whole or fractional).
/// </summary>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units; null lets the run's sizer choose (buys) or means the whole position (sells).</param>
/// <param name="Type">How the fill price is found.</param>
/// <param name="LimitPrice">For <see cref="OrderType.Limit"/> and <see cref="OrderType.StopLimit"/>.</param>
/// <param name="StopPrice">For <see cref="OrderType.Stop"/> and <see cref="OrderType.StopLimit"/>.</param>
/// <param name="Validity">How long it works; null is good-till-cancelled.</param>
/// <param name="Bracket">Protective exits to attach when a buy fills; null uses the run's default bracket.</param>
public sealed record OrderRequest(
    OrderSide Side,
    decimal? Quantity = null,
    OrderType Type = OrderType.Market,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    OrderValidity? Validity = null,
    Bracket? Bracket = null);
