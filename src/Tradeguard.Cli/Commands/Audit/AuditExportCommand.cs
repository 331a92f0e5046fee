using System.CommandLine;
using Tradeguard.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;

namespace Tradeguard.Cli.Commands.Audit;

/// <summary><c>audit export --jsonl</c>: every matching record as one JSON object per line, for a SIEM.</summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var logOption = AuditAccess.CreateLogOption();
        var filters = new AuditAccess.Filters();
        var jsonl = new Option<bool>("--jsonl") { Description = "JSON Lines: one record per line (the only format; required)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (created 0600) instead of stdout" };
        var command = new Command("export", "Export audit records, oldest first, with their MACs (docs/audit.md, \"Export\").")
        {
            logOption, jsonl, output,
        };
        filters.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!parseResult.GetValue(jsonl))
            {
                throw new TradeguardException(ExitCode.Usage, "Choose the export format: --jsonl.");
            }

            var file = parseResult.GetValue(output);
            if (!string.IsNullOrEmpty(file) && File.Exists(file))
            {
                throw new TradeguardException(ExitCode.Usage, $"{Path.GetFullPath(file)} already exists: choose another --output or remove it.");
            }

            var paths = AuditAccess.Paths(parseResult.GetValue(logOption));
            var records = AuditReader.Read(paths.Database, filters.Query(parseResult, last: null));
            if (string.IsNullOrEmpty(file))
            {
                using var stdout = Console.OpenStandardOutput();
                AuditJsonLines.Write(stdout, records);
                return 0;
            }

            using var stream = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = AtomicFile.OwnerOnly,
            });
            var count = AuditJsonLines.Write(stream, records);
            Console.Error.WriteLine($"{count} record(s) written to {Path.GetFullPath(file)}");
            return 0;
        });
        return command;
    }
}
