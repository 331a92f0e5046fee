using Tradeguard.Core.Errors;

namespace Tradeguard.Audit;

/// <summary>
/// Reads records for people and for shipping (<c>audit show</c>, <c>audit export</c>). Reading needs no key: it shows
/// what is stored and proves nothing; <see cref="AuditVerifier"/> does the proving.
/// </summary>
public static class AuditReader
{
    /// <summary>Streams the records of <paramref name="databasePath"/> that match <paramref name="query"/>, oldest
    /// first; nothing when the file does not exist.</summary>
    /// <exception cref="TradeguardException">Exit 4 when a record's details are not a JSON object of strings or the
    /// file is not an audit database; exit 5 when it is accessible by group or others.</exception>
    /// <remarks>The file is opened (and checked) before this returns; records are read as they are enumerated.</remarks>
    public static IEnumerable<AuditRecord> Read(string databasePath, AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Last is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Last, "Last must be positive.");
        }

        var database = AuditDatabase.OpenForReading(databasePath);
        return database is null ? [] : ReadRows(database, query);
    }

    private static IEnumerable<AuditRecord> ReadRows(AuditDatabase opened, AuditQuery query)
    {
        using var database = opened;

        var conditions = new List<string>();
        var parameters = new Dictionary<string, object>();
        if (query.Since is { } since)
        {
            conditions.Add("time_us >= $since");
            parameters["$since"] = AuditTime.ToMicros(since);
        }

        if (query.Actor is { } actor)
        {
            conditions.Add("actor = $actor");
            parameters["$actor"] = actor;
        }

        if (query.Action is { } action)
        {
            // substr, not LIKE: an action may hold '_' or '%', which LIKE would read as wildcards.
            conditions.Add("(action = $action OR substr(action, 1, length($action) + 1) = $action || '.')");
            parameters["$action"] = action;
        }

        var where = conditions.Count == 0 ? null : string.Join(" AND ", conditions);
        if (query.Last is { } last)
        {
            var from = database.NthNewestSequence(where, parameters, last);
            where = (where is null ? "" : where + " AND ") + "seq >= $from";
            parameters["$from"] = from;
        }

        foreach (var row in database.Rows(where, parameters))
        {
            if (!AuditDetails.TryParse(row.DetailsJson, out var details))
            {
                throw new TradeguardException(
                    ExitCode.IntegrityFailure,
                    $"Audit record {row.Sequence} is damaged: its details are not a JSON object of strings. Run 'tradeguard audit verify'.");
            }

            yield return new AuditRecord(row.Sequence, AuditTime.FromMicros(row.TimeMicros), row.Actor, row.Action,
                row.Target, row.Outcome, row.Reason, details, row.Mac);
        }
    }
}
