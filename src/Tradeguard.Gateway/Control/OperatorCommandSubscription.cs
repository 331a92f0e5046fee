using System.Threading.Channels;

namespace Tradeguard.Gateway.Control;

/// <summary>A subscriber's feed of operator commands (<see cref="ControlBoard.Subscribe"/>); dispose to stop it (the reader then completes).</summary>
public sealed class OperatorCommandSubscription : IDisposable
{
    private readonly Action _unsubscribe;
    private int _disposed;

    internal OperatorCommandSubscription(ChannelReader<OperatorCommand> reader, Action unsubscribe)
    {
        Reader = reader;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The commands, in the order the gateway applied them.</summary>
    public ChannelReader<OperatorCommand> Reader { get; }

    /// <summary>Ends the subscription.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe();
        }
    }
}
