using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradeguard.Audit;

namespace Tradeguard.Cli.Commands.Audit;

/// <summary><c>audit show</c>: the newest records as a table. Reading needs no key and proves nothing; see verify.</summary>
internal static class AuditShowCommand
{
    public static Command Create()
    {
        var logOption = AuditAccess.CreateLogOption();
        var filters = new AuditAccess.Filters();
        var last = new Option<int>("--last")
        {
            Description = "Show the newest N matching records",
            DefaultValueFactory = _ => 100,
        };
        var all = new Option<bool>("--all") { Description = "Show every matching record" };
        var command = new Command("show", "Show audit records as a table, oldest first (the newest 100 unless --last or --all).")
        {
            logOption, last, all,
        };
        filters.AddTo(command);
        command.SetAction(parseResult =>
        {
            var count = parseResult.GetValue(last);
            if (count <= 0)
            {
                throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Usage, "--last must be a positive number of records.");
            }

            var paths = AuditAccess.Paths(parseResult.GetValue(logOption));
            var query = filters.Query(parseResult, parseResult.GetValue(all) ? null : count);
            var table = new Table().AddColumns("Seq", "Time (UTC)", "Actor", "Action", "Target", "Outcome", "Reason", "Details");
            var shown = 0;
            foreach (var record in AuditReader.Read(paths.Database, query))
            {
                table.AddRow(
                    new Text(record.Sequence.ToString(CultureInfo.InvariantCulture)),
                    new Text(record.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    new Text(record.Actor),
                    new Text(record.Action),
                    new Text(record.Target),
                    new Text(record.Outcome, OutcomeStyle(record.Outcome)),
                    new Text(record.Reason),
                    new Text(string.Join(", ", record.Details.Select(d => $"{d.Key}={d.Value}"))));
                shown++;
            }

            if (shown == 0)
            {
                Console.WriteLine($"No audit records match in {paths.Database}.");
                return 0;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected)
            {
                // Piped output is read by grep and people's scripts: one line per record, no wrapping at 80 columns.
                console.Profile.Width = 400;
            }

            console.Write(table);
            console.WriteLine($"{shown} record(s). Run 'tradeguard audit verify' to prove they are intact.");
            return 0;
        });
        return command;
    }

    private static Style OutcomeStyle(string outcome) => outcome switch
    {
        "success" => new Style(Color.Green),
        "denied" => new Style(Color.Yellow),
        _ => new Style(Color.Red),
    };
}
