using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Cli;

/// <summary>
/// Parses, runs and maps every failure to the exit codes of DESIGN.md; every message it prints passes the redactor.
/// </summary>
internal static class CliRunner
{
    /// <summary>Exit code for a bug: an exception nobody expected. Distinct from the documented 0-6.</summary>
    public const int InternalError = 70;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(Redactor.Shared.Redact(error.Message));
            }

            Console.Error.WriteLine($"Run '{parsed.CommandResult.Command.Name} --help' for usage.");
            return (int)ExitCode.Usage;
        }

        try
        {
            Composition.HeldAlertsNotice.Show(Console.Error);
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (TradeguardException e)
        {
            Console.Error.WriteLine("error: " + Redactor.Shared.Redact(e.Message));
            return (int)e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        catch (Exception e)
        {
            // Only the type and the redacted message: a stack trace could carry values from frames.
            Console.Error.WriteLine($"internal error ({e.GetType().Name}): {Redactor.Shared.Redact(e.Message)}");
            return InternalError;
        }
    }
}
