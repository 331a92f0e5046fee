namespace Tradeguard.Trading.Broker;

/// <summary>Which way an order trades.</summary>
public enum OrderSide
{
    /// <summary>Buy units with quote currency.</summary>
    Buy,

    /// <summary>Sell units for quote currency.</summary>
    Sell,
}
