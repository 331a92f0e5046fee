using Tradeguard.Alerts.Outbox;

namespace Tradeguard.Alerts.Channels;

/// <summary>
/// Writes alerts as lines on a text writer (standard output by default): for operators watching a terminal and for
/// runs without Telegram. Sealed attachments are named, never printed.
/// </summary>
/// <remarks>
/// Console alerts are printed by the process that raised them, as they happen (no rate limit applies). A line printed
/// later than <see cref="LateAfter"/> after its alert was raised (left over by a process that stopped first) says when it
/// was raised, so it is never mistaken for something happening now.
/// </remarks>
public sealed class ConsoleChannel : IAlertChannel
{
    /// <summary>The channel name, <c>console</c>.</summary>
    public const string ChannelName = "console";

    /// <summary>How late a line may be printed before it says when its alert was raised.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(5);

    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates the channel over <paramref name="writer"/>, or standard error.</summary>
    /// <param name="writer">Where lines go; standard error when null.</param>
    /// <param name="time">The clock that decides whether a line is late; the system clock when null.</param>
    public ConsoleChannel(TextWriter? writer = null, TimeProvider? time = null)
    {
        // Standard error: standard output is the command's own result (vault get --reveal | ...), never an alert.
        _writer = writer ?? Console.Error;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>False: the console has no service limit to respect.</summary>
    public bool IsRateLimited => false;

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <inheritdoc />
    public int MaxTextLength => int.MaxValue;

    /// <inheritdoc />
    public bool IsGroup(string recipient) => false;

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var raised = _time.GetUtcNow() - message.CreatedAt > LateAfter
            ? $" (raised {message.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)})"
            : "";
        lock (_gate)
        {
            if (message.Attachment is not null)
            {
                _writer.WriteLine($"alert: sealed attachment {message.AttachmentName} ({message.Attachment.Length} bytes, open with age -d){raised}");
            }
            else
            {
                _writer.WriteLine("alert: " + message.Text + raised);
            }

            _writer.Flush();
        }

        return Task.FromResult(DeliveryResult.Delivered);
    }
}
