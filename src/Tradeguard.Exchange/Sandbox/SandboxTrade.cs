using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Sandbox;

/// <summary>One fill in the sandbox.</summary>
/// <param name="Id">Trade id, from 1.</param>
/// <param name="OrderId">The order filled.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Price">Fill price, quote currency per unit.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Commission">Commission, quote currency.</param>
/// <param name="Time">Open time of the bar it filled on, Unix milliseconds (market time).</param>
public sealed record SandboxTrade(long Id, long OrderId, OrderSide Side, decimal Price, decimal Quantity, decimal Commission, long Time);
