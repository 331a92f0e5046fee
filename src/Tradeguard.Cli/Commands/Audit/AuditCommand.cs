using System.CommandLine;

namespace Tradeguard.Cli.Commands.Audit;

/// <summary><c>tradeguard audit ...</c>: the tamper-evident log of sensitive actions (docs/audit.md).</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit",
            "Tamper-evident log of every sensitive action, HMAC-chained under a key in the vault.\n" +
            "Exit codes: 4 tampered or damaged log, 5 missing or exposed file.");
        audit.Subcommands.Add(AuditShowCommand.Create());
        audit.Subcommands.Add(AuditVerifyCommand.Create());
        audit.Subcommands.Add(AuditExportCommand.Create());
        return audit;
    }
}
