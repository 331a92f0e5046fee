using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Rest;

namespace Tradeguard.Gateway.State;

/// <summary>
/// Keeps the bots' ledgers (and which bots the operator paused) in their <see cref="LedgerFile"/> while the gateway runs: after start it checks the restored
/// working orders with the exchange (<see cref="OrderDesk.ReconcileAsync"/>), then saves whenever a ledger changed, at
/// most every <c>interval</c> (default 250 ms), off the order path, and once more on stop, after Kestrel stopped taking
/// requests (it is registered before the server, so it stops after it). A save that fails (disk full) is logged and
/// retried at the next tick; nothing in memory is dropped.
/// </summary>
/// <remarks>What a crash of the gateway process can lose: the ledger changes of the last interval. The next start's
/// reconciliation then learns fills of the orders it knows; an order placed within that interval is not known.</remarks>
public sealed class LedgerKeeper(LedgerFile file, Uri upstream, OrderDesk desk, ControlBoard board, IReadOnlyList<string> bots,
    IReadOnlyList<BotLedgerState> carried, ILogger<LedgerKeeper> logger, TimeSpan? interval = null) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private long _savedVersion; // restored ledgers start at version 0: nothing new to save
    private string _savedPauses = string.Empty;
    private Task? _loop;

    /// <summary>Starts reconciling and saving in the background.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops the loop and saves what changed since the last save.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        SaveIfChanged();
    }

    private bool IsPaused(string bot) => board.StateOf(bot) == BotRunState.Paused;

    /// <summary>Releases the timer's token.</summary>
    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            foreach (var bot in bots.Where(b => desk.LedgerOf(b).HasOrdersToCheck()))
            {
                try
                {
                    logger.LogInformation("Ledger: {Result}", await desk.ReconcileAsync(bot, stopping).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Saving must go on whatever went wrong in checking one bot's orders.
                    logger.LogError("Ledger: could not check {Bot}'s working orders with the exchange ({Problem})", bot, e.Message);
                }
            }

            using var timer = new PeriodicTimer(interval ?? TimeSpan.FromMilliseconds(250));
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                SaveIfChanged();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void SaveIfChanged()
    {
        var version = bots.Sum(b => desk.LedgerOf(b).Version);
        var pauses = string.Join(',', bots.Where(IsPaused));
        if (version == Interlocked.Read(ref _savedVersion) && pauses == _savedPauses)
        {
            return;
        }

        try
        {
            file.Save(upstream, [.. bots.Select(b => desk.LedgerOf(b).Snapshot() with { Paused = IsPaused(b) }), .. carried]);
            Interlocked.Exchange(ref _savedVersion, version);
            _savedPauses = pauses;
        }
        catch (TradeguardException e)
        {
            logger.LogError("Ledger: could not save {Path} ({Problem}); retrying", file.Path, e.Message);
        }
    }
}
