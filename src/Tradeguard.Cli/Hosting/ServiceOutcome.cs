using System.Runtime.ExceptionServices;

namespace Tradeguard.Cli.Hosting;

/// <summary>How the service ended: the first failure of a hosted service (rethrown after shutdown, so it maps to its exit code).</summary>
internal sealed class ServiceOutcome
{
    private ExceptionDispatchInfo? failure;

    public DateTimeOffset? RunnerStoppedAt { get; set; }

    /// <summary>The first failure, or null while every part has ended well.</summary>
    public Exception? Failure => failure?.SourceException;

    public void Fail(Exception exception) => Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(exception), null);

    /// <summary>Throws the first failure, if any.</summary>
    public void ThrowIfFailed() => failure?.Throw();
}
