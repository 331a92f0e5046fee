using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Data;

/// <summary>What a download left on disk.</summary>
/// <param name="CsvPath">The bar file (<c>Date,Open,High,Low,Close,Volume</c>, UTC times).</param>
/// <param name="InstrumentPath">The file beside it naming the exchange, symbol and interval, with the symbol's filters.</param>
/// <param name="Instrument">The symbol's lot, tick and minimum-notional rules; null when the exchange published none.</param>
/// <param name="BarsBefore">Bars the file already held (a resumed download); 0 for a new file.</param>
/// <param name="BarsAdded">Bars this download appended.</param>
/// <param name="LastOpenTime">Open time of the file's last bar, Unix ms; null when the file holds none.</param>
public sealed record KlineDownloadResult(string CsvPath, string InstrumentPath, Instrument? Instrument, int BarsBefore, int BarsAdded, long? LastOpenTime);
