using Microsoft.Extensions.Logging;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary>A logger that writes "level: message" to stderr, every line through the process-wide redactor.</summary>
internal sealed class ConsoleLog(LogLevel minimum) : ILogger
{
    private static readonly Lock Gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var word = logLevel switch
        {
            LogLevel.Critical => "critical",
            LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            LogLevel.Information => "info",
            _ => "debug",
        };
        lock (Gate)
        {
            Console.Error.WriteLine($"{word}: {Redactor.Shared.Redact(formatter(state, exception))}");
        }
    }
}
