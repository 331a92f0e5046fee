namespace Tradeguard.Gateway.Policy;

/// <summary>
/// What a <see cref="BotLedger"/> keeps across a gateway restart (<see cref="BotLedger.Snapshot"/>,
/// <see cref="BotLedger.Restore"/>): its working orders and most recent finished ones, its positions at average cost,
/// today's realised P&amp;L and its fill count, and whether the operator had paused it. Not kept: the per-minute order
/// times (the rate window starts afresh) and a kill switch's Stopped state (a restart is how the operator lifts it).
/// </summary>
/// <param name="Bot">The bot.</param>
/// <param name="Orders">Working orders, then finished ones oldest first (at most <see cref="BotLedger.FinishedOrdersSaved"/>).</param>
/// <param name="Positions">Each symbol held or short: base quantity and its cost, quote currency.</param>
/// <param name="PnlDay">The UTC day <paramref name="PnlToday"/> belongs to.</param>
/// <param name="PnlToday">Realised P&amp;L of <paramref name="PnlDay"/>, quote currency (negative: a loss).</param>
/// <param name="Fills">Fills seen.</param>
/// <param name="Trades">Round trips closed.</param>
/// <param name="Wins">Of those, the ones with a realised profit.</param>
/// <param name="Paused">True when the operator had paused the bot (or closed all): it stays paused across the restart.</param>
/// <param name="Pending">Reservations of orders whose outcome is not known yet (<see cref="OrderReservation"/>): after the
/// restart they are held and asked about as orders of unknown outcome; null (files from before) for none.</param>
public sealed record BotLedgerState(string Bot, IReadOnlyList<TrackedOrder> Orders, IReadOnlyList<HeldPosition> Positions, DateOnly PnlDay, decimal PnlToday,
    int Fills, int Trades = 0, int Wins = 0, bool Paused = false, IReadOnlyList<OrderReservation>? Pending = null);

/// <summary>A position as a <see cref="BotLedger"/> keeps it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Base quantity (negative: sold more than bought through the gateway).</param>
/// <param name="Cost">Cost of what is held, quote currency (0 when nothing is held).</param>
/// <param name="TripPnl">Realised P&amp;L of the round trip under way, quote currency.</param>
public sealed record HeldPosition(string Symbol, decimal Quantity, decimal Cost, decimal TripPnl = 0);
