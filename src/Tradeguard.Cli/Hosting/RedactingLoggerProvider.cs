using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Alerts;

namespace Tradeguard.Cli.Hosting;

/// <summary>The host's only log sink: <see cref="StderrLogger"/> lines, each through the process-wide redactor.</summary>
internal sealed class RedactingLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(minimum);

    public void Dispose()
    {
    }
}
