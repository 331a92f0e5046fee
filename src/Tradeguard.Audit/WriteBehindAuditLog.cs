using System.Threading.Channels;
using Tradeguard.Core.Audit;

namespace Tradeguard.Audit;

/// <summary>
/// An <see cref="IAuditLog"/> that takes disk syncs off a latency-critical path: one writer thread commits queued
/// records to the inner log in batches (group commit: one <see cref="IAuditLog.RecordAll"/>, so one disk sync, per
/// batch of up to <see cref="MaxBatch"/> records), in the order they were queued.
/// </summary>
/// <remarks>
/// <para><see cref="Post"/> returns once the record is queued; <see cref="Record"/> returns once it, and everything queued
/// before it, is committed, and throws if it could not be. So a security alert released after <see cref="Record"/> still
/// never precedes its record.</para>
/// <para>The guarantee for posted records: committed within one batch's commit time while the disk works; lost only if
/// this process dies first (at most what was queued, typically one batch of a few milliseconds). A commit that fails
/// (disk full) is retried every second, posted records kept, and reported through <c>report</c>; when
/// <c>capacity</c> records wait, <see cref="Post"/> blocks rather than drop one. <see cref="Dispose"/> commits what
/// is queued (for at most <c>drainTimeout</c>) and reports what it could not.</para>
/// <para>Used by <c>tradeguard gateway serve</c> (docs/gateway.md, "Audit on the order path"). Thread-safe.</para>
/// </remarks>
public sealed class WriteBehindAuditLog : IAuditLog, IDisposable
{
    /// <summary>Most records committed in one batch.</summary>
    public const int MaxBatch = 512;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly IAuditLog _inner;
    private readonly Action<string> _report;
    private readonly TimeSpan _drainTimeout;
    private readonly int _capacity;
    private readonly Channel<Entry> _queue;
    private readonly Thread _writer;
    private readonly CancellationTokenSource _abandon = new();
    private int _pending;
    private int _disposed;

    /// <summary>Starts the writer thread.</summary>
    /// <param name="inner">The log records are committed to (the installation's <see cref="SqliteAuditLog"/>).</param>
    /// <param name="report">Told (in plain words, no record contents) when a commit fails or records are left on dispose; default: nothing.</param>
    /// <param name="capacity">Most records waiting before <see cref="Post"/> blocks; default 10,000.</param>
    /// <param name="drainTimeout">How long <see cref="Dispose"/> keeps trying to commit what is queued; default 10 s.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is under 1.</exception>
    public WriteBehindAuditLog(IAuditLog inner, Action<string>? report = null, int capacity = 10_000, TimeSpan? drainTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _report = report ?? (_ => { });
        _drainTimeout = drainTimeout ?? TimeSpan.FromSeconds(10);
        _capacity = capacity;
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "audit write-behind" };
        _writer.Start();
    }

    /// <summary>Records queued and not yet committed.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues <paramref name="auditEvent"/> and returns; it is committed in order with the others.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public void Post(AuditEvent auditEvent) => Enqueue(new Entry(auditEvent, null));

    /// <summary>Queues <paramref name="auditEvent"/> and waits until it is committed.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    /// <exception cref="Core.Errors.TradeguardException">The inner log's error when the batch holding it could not be committed.</exception>
    public void Record(AuditEvent auditEvent)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry(auditEvent, done));
        done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Commits what is queued (for at most the drain timeout), reports what was left, and stops the writer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        if (!_writer.Join(_drainTimeout))
        {
            _abandon.Cancel();
            _writer.Join();
        }

        var left = Pending;
        while (_queue.Reader.TryRead(out var abandoned))
        {
            abandoned.Done?.TrySetException(new ObjectDisposedException(nameof(WriteBehindAuditLog)));
        }

        if (left > 0)
        {
            _report($"{left} audit record(s) could not be committed before shutdown and are lost; the audit log's last record is the last one kept.");
        }

        _abandon.Dispose();
    }

    private void Enqueue(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry.Event);
        Interlocked.Increment(ref _pending);
        try
        {
            if (!_queue.Writer.TryWrite(entry))
            {
                // Full (the disk is behind or failing): wait for room rather than drop a record.
                _queue.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (ChannelClosedException)
        {
            Interlocked.Decrement(ref _pending);
            throw new ObjectDisposedException(nameof(WriteBehindAuditLog));
        }
    }

    private void WriteLoop()
    {
        var batch = new List<Entry>(MaxBatch);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (!Commit(batch))
            {
                return;
            }
        }
    }

    // Commits the batch, retrying posted records until they are kept or the owner gives up on them (false).
    private bool Commit(List<Entry> batch)
    {
        while (true)
        {
            try
            {
                _inner.RecordAll(batch.ConvertAll(e => e.Event));
                Interlocked.Add(ref _pending, -batch.Count);
                batch.ForEach(e => e.Done?.TrySetResult());
                batch.Clear();
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Records queued since join the retry behind the failed ones (order kept, up to the queue's capacity, so
                // Post still blocks when that many wait), so that a caller waiting in Record behind a failing batch
                // gets the error within one retry instead of waiting for the disk.
                while (batch.Count < _capacity && _queue.Reader.TryRead(out var later))
                {
                    batch.Add(later);
                }

                // A waiting caller gets the error now, as a synchronous log would give it; posted records wait for the disk.
                var waiting = batch.Where(x => x.Done is not null).ToList();
                waiting.ForEach(x => x.Done!.TrySetException(e));
                batch.RemoveAll(x => x.Done is not null);
                Interlocked.Add(ref _pending, -waiting.Count);
                if (batch.Count == 0)
                {
                    return true;
                }

                _report($"The audit log could not commit {batch.Count} record(s) ({e.Message}); retrying every {RetryDelay.TotalSeconds:0} s.");
                if (_abandon.Token.WaitHandle.WaitOne(RetryDelay))
                {
                    return false;
                }
            }
        }
    }

    private sealed record Entry(AuditEvent Event, TaskCompletionSource? Done);
}
