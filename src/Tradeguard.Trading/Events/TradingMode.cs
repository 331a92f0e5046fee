namespace Tradeguard.Trading.Events;

/// <summary>Whether real money is at stake; every alert line carries it (as freqtrade's dry-run marker does).</summary>
public enum TradingMode
{
    /// <summary>Simulated fills by the paper broker; no money moves.</summary>
    Paper,

    /// <summary>Orders go to an exchange with real money.</summary>
    Live,
}
