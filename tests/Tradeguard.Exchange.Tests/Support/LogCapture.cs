using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>An ILogger that keeps every formatted line (with its exception), to grep for secrets afterwards.</summary>
public sealed class LogCapture : ILogger
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => lines.ToArray();

    public string Text => string.Join('\n', lines);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
}
