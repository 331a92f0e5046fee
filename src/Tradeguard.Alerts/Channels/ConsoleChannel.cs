using Tradeguard.Alerts.Outbox;

namespace Tradeguard.Alerts.Channels;

/// <summary>
/// Writes alerts as lines on a text writer (standard output by default): for operators watching a terminal and for
/// runs without Telegram. Sealed attachments are named, never printed.
/// </summary>
public sealed class ConsoleChannel : IAlertChannel
{
    /// <summary>The channel name, <c>console</c>.</summary>
    public const string ChannelName = "console";

    private readonly TextWriter _writer;
    private readonly Lock _gate = new();

    /// <summary>Creates the channel over <paramref name="writer"/>, or standard output.</summary>
    public ConsoleChannel(TextWriter? writer = null)
    {
        _writer = writer ?? Console.Out;
    }

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
        lock (_gate)
        {
            if (message.Attachment is not null)
            {
                _writer.WriteLine($"alert: sealed attachment {message.AttachmentName} ({message.Attachment.Length} bytes, open with age -d)");
            }
            else
            {
                _writer.WriteLine("alert: " + message.Text);
            }

            _writer.Flush();
        }

        return Task.FromResult(DeliveryResult.Delivered);
    }
}
