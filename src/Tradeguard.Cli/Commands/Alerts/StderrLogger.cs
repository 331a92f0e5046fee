using Microsoft.Extensions.Logging;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Cli.Commands.Alerts;

/// <summary>
/// Log lines on stderr (<c>time level message</c>), every line through the redactor, so a secret that reached a log
/// message by mistake still never leaves the process. <c>--verbose</c> turns on Debug.
/// </summary>
internal sealed class StderrLogger(LogLevel minimum) : ILogger
{
    private static readonly Lock Gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"{DateTimeOffset.UtcNow:HH:mm:ss} {logLevel.ToString().ToLowerInvariant(),-11} {formatter(state, exception)}";
        if (exception is not null)
        {
            line += $" ({exception.Message})";
        }

        lock (Gate)
        {
            Console.Error.WriteLine(Redactor.Shared.Redact(line));
        }
    }
}
