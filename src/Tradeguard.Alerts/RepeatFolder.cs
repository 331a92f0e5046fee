namespace Tradeguard.Alerts;

/// <summary>
/// Folds repeats: the same line to the same recipients again within <see cref="Window"/> of its first sending is not
/// sent again but counted, and the count is told once when the window closes: <c>[paper] Buy order refused · ORCL ·
/// momentum (×12 in 5 min)</c>. A strategy retrying every bar, or a bot hammering a limit, is then one message and one
/// tally instead of a flood. Thread-safe. Counts live in memory: a process that dies mid-window loses that tally (the
/// audit log still has every event).
/// </summary>
/// <param name="window">How long after a line's first sending its repeats are folded; <see cref="TimeSpan.Zero"/> folds nothing.</param>
/// <param name="time">The clock.</param>
public sealed class RepeatFolder(TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OpenFold> _open = new(StringComparer.Ordinal);

    /// <summary>The folding window.</summary>
    public TimeSpan Window => window;

    /// <summary>The clock windows are measured by (also drives the publisher's tally timer).</summary>
    public TimeProvider Time => time;

    /// <summary>
    /// Decides whether <paramref name="alert"/> goes out now: true for the first occurrence of <paramref name="line"/>
    /// in a window, false for a repeat (counted). When this occurrence comes after its line's window closed, that
    /// window's tally is returned in <paramref name="closed"/> (null when it had no repeats).
    /// </summary>
    /// <param name="line">The rendered line and its recipients, exactly as they would be sent.</param>
    /// <param name="alert">The alert (the first of a window is kept to word the tally).</param>
    /// <param name="recipients">Who it goes to.</param>
    /// <param name="closed">The tally of the window this occurrence closed, if any.</param>
    public bool Admit(string line, Alert alert, IReadOnlyList<AlertRecipient> recipients, out RepeatTally? closed)
    {
        closed = null;
        if (window <= TimeSpan.Zero)
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_open.TryGetValue(line, out var open))
            {
                if (now - open.First < window)
                {
                    open.Count++;
                    open.Last = now;
                    return false;
                }

                closed = open.Tally();
            }

            _open[line] = new OpenFold(alert, recipients, now);
            return true;
        }
    }

    /// <summary>Removes the windows that have closed (every open one when <paramref name="all"/>, at shutdown) and returns their tallies.</summary>
    public IReadOnlyList<RepeatTally> TakeClosed(bool all = false)
    {
        var now = time.GetUtcNow();
        var due = new List<RepeatTally>();
        lock (_gate)
        {
            foreach (var (line, open) in _open.Where(kv => all || now - kv.Value.First >= window).ToArray())
            {
                _open.Remove(line);
                if (open.Tally() is { } tally)
                {
                    due.Add(tally);
                }
            }
        }

        return due;
    }

    /// <summary>How long until the earliest open window closes (zero if one already has); null when none is open.</summary>
    public TimeSpan? UntilNextClose()
    {
        lock (_gate)
        {
            if (_open.Count == 0)
            {
                return null;
            }

            var wait = _open.Values.Min(o => o.First) + window - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    private sealed class OpenFold(Alert alert, IReadOnlyList<AlertRecipient> recipients, DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;

        public DateTimeOffset Last { get; set; } = first;

        public int Count { get; set; } = 1;

        // Null when the line came only once: nothing to tell.
        public RepeatTally? Tally() => Count > 1 ? new RepeatTally(alert, recipients, Count, Last - First) : null;
    }
}

/// <summary>A window's repeats: <paramref name="Count"/> occurrences of <paramref name="First"/>'s line (the first included) over <paramref name="Span"/>.</summary>
/// <param name="First">The window's first alert (already sent).</param>
/// <param name="Recipients">Its recipients.</param>
/// <param name="Count">Occurrences in the window, the first included (at least 2).</param>
/// <param name="Span">From the first occurrence to the last.</param>
public sealed record RepeatTally(Alert First, IReadOnlyList<AlertRecipient> Recipients, int Count, TimeSpan Span)
{
    /// <summary>The suffix the tally line carries: <c> (×12 in 5 min)</c>; spans under a minute read <c>in 40 s</c>.</summary>
    public string Suffix => Span < TimeSpan.FromMinutes(1)
        ? $" (×{Count} in {Math.Max(1, (int)Math.Ceiling(Span.TotalSeconds))} s)"
        : $" (×{Count} in {(int)Math.Ceiling(Span.TotalMinutes)} min)";
}
