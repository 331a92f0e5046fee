using System.CommandLine;
using System.Text;
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
            foreach (var line in UsageErrors.Describe(parsed))
            {
                Console.Error.WriteLine(Redactor.Shared.Redact(line));
            }

            return (int)ExitCode.Usage;
        }

        if (Console.IsInputRedirected)
        {
            // Piped input is decoded strictly: a secret or hash with bytes that are not UTF-8 is refused, never
            // stored or checked with U+FFFD in their place.
            Console.InputEncoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
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
        catch (DecoderFallbackException)
        {
            // Its own message quotes the bytes, which may be a secret's.
            Console.Error.WriteLine("error: the input is not UTF-8 text; nothing was changed.");
            return (int)ExitCode.IntegrityFailure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        catch (Exception e)
        {
            // Only the redacted message: a stack trace could carry values from frames.
            Console.Error.WriteLine($"internal error: {Redactor.Shared.Redact(e.Message)} This is a bug: please report it.");
            return InternalError;
        }
    }
}
