using System.Runtime.InteropServices;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary>A token that fires on SIGTERM (systemd stop) or SIGINT (Ctrl+C), so long-running commands stop gracefully.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration term;
    private readonly PosixSignalRegistration interrupt;

    public ShutdownSignal()
    {
        term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        term.Dispose();
        interrupt.Dispose();
        source.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true; // we stop ourselves, after the current step
        source.Cancel();
    }
}
