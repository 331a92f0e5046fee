using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault.Exec;

/// <summary>
/// Runs a program with secrets from the vault in its environment only: never in argv (ours or the child's), never in
/// a file. The child inherits stdin, stdout and stderr; SIGTERM and SIGHUP sent to us are forwarded to it, and SIGINT
/// and SIGQUIT too unless our stdin is a terminal (then the terminal has already sent them to the child, which is in
/// our foreground process group). The child's exit code is returned; a child killed by signal N yields 128 + N.
/// </summary>
public static partial class SecretExec
{
    /// <summary>Variables that unlock the vault; removed from the child's environment so it never sees them.</summary>
    public static readonly IReadOnlyList<string> UnlockVariables = ["TRADEGUARD_VAULT_PASSWORD", "TRADEGUARD_VAULT_KEY", "TRADEGUARD_VAULT_NEW_PASSWORD"];

    /// <summary>
    /// Resolves every mapping against <paramref name="store"/>; the caller disposes the values.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 naming a reference that is not in the vault, or a value with a NUL
    /// byte; exit 2 for an entry of <see cref="InternalItem"/>; exit 4 for a damaged entry.</exception>
    public static IReadOnlyDictionary<string, Secret> Resolve(ISecretStore store, IEnumerable<EnvironmentMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(mappings);
        var values = new Dictionary<string, Secret>(StringComparer.Ordinal);
        try
        {
            foreach (var m in mappings)
            {
                if (m.Reference is { } own)
                {
                    InternalItem.Refuse(own, $"passed to a program (as {m.Name})");
                }

                var value = m.Reference is { } r
                    ? store.TryGet(r) ?? throw new TradeguardException(ExitCode.Configuration,
                        $"{m.Name} refers to {r}, which is not in the vault; 'tradeguard vault list' shows what it holds.")
                    : Secret.FromString(m.Literal!);
                if (value.Use(bytes => bytes.IndexOf((byte)0) >= 0))
                {
                    value.Dispose();
                    // The kernel ends an environment string at its first NUL: the program would get a shorter value.
                    throw new TradeguardException(ExitCode.Configuration,
                        $"{m.Name}: {(m.Reference is { } held ? held.ToString() : "its value")} holds a NUL byte, which an environment variable cannot carry; nothing was started.");
                }

                if (values.Remove(m.Name, out var earlier))
                {
                    earlier.Dispose();
                }

                values[m.Name] = value;
            }

            return values;
        }
        catch
        {
            foreach (var v in values.Values)
            {
                v.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// The names of our environment variables whose value contains one of <paramref name="withheld"/> (e.g. a real
    /// exchange key exported in the shell), sorted; pass them to <see cref="Run"/> so the child does not inherit them.
    /// </summary>
    public static IReadOnlyList<string> InheritedHolding(IEnumerable<Secret> withheld)
    {
        ArgumentNullException.ThrowIfNull(withheld);
        var values = withheld.Select(s => s.Reveal()).Where(v => v.Length > 0).ToList();
        return Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => Environment.GetEnvironmentVariable(name) is { } value && values.Any(v => value.Contains(v, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="secrets"/> added to a copy of our environment and waits for it.</summary>
    /// <param name="program">The program (looked up on PATH as execvp does).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="secrets">Variables to set (they override inherited ones); registered with the redactor.</param>
    /// <param name="audit">Records <c>vault.exec</c> with the variable names (never values).</param>
    /// <param name="actor">The audit actor.</param>
    /// <param name="settings">Variables that are not secret (addresses), set as they are after the secrets.</param>
    /// <param name="removed">Inherited variables to leave out as well as <see cref="UnlockVariables"/> (see <see cref="InheritedHolding"/>).</param>
    /// <returns>The child's exit code, or 128 + N when signal N ended it.</returns>
    /// <exception cref="TradeguardException">Exit 6 when the program cannot be started.</exception>
    public static int Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, Secret> secrets,
        IAuditLog? audit = null, string actor = "system",
        IReadOnlyDictionary<string, string>? settings = null, IReadOnlyCollection<string>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(secrets);
        var info = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var name in UnlockVariables.Concat(removed ?? []))
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in secrets)
        {
            var text = value.Reveal();
            Redactor.Shared.Register(text);
            info.Environment[name] = text;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        // The forwarders exist before the child does: a signal that arrives while the child starts, or while its start
        // is audited, reaches the child instead of ending this process and leaving the child running on its own.
        var forwarding = new SignalForwarding();
        var fromTerminal = !Console.IsInputRedirected;
        var registrations = new List<PosixSignalRegistration>
        {
            forwarding.Register(PosixSignal.SIGTERM, 15, always: true),
            forwarding.Register(PosixSignal.SIGHUP, 1, always: true),
            forwarding.Register(PosixSignal.SIGINT, 2, always: !fromTerminal),
            forwarding.Register(PosixSignal.SIGQUIT, 3, always: !fromTerminal),
        };
        try
        {
            Process child;
            try
            {
                child = Process.Start(info) ?? throw new TradeguardException(ExitCode.ExternalService, $"could not start {program}.");
            }
            catch (Win32Exception e)
            {
                throw new TradeguardException(ExitCode.ExternalService, $"could not start '{program}': {e.Message}. Check the name and PATH.", e);
            }

            using (child)
            {
                forwarding.Started(child);
                (audit ?? NullAuditLog.Instance).Record(new AuditEvent(actor, "vault.exec", program, AuditOutcome.Success, "",
                    new Dictionary<string, string> { ["variables"] = string.Join(",", secrets.Keys.Concat(settings?.Keys ?? []).Order(StringComparer.Ordinal)) }));
                child.WaitForExit();
                return child.ExitCode;
            }
        }
        finally
        {
            registrations.ForEach(r => r.Dispose());
        }
    }

    // Passes signals on to the child; one that comes before the child exists is passed on as soon as it does.
    private sealed class SignalForwarding
    {
        private readonly Lock _gate = new();
        private Process? _child;
        private int _pending;

        public PosixSignalRegistration Register(PosixSignal signal, int number, bool always) =>
            PosixSignalRegistration.Create(signal, context =>
            {
                // We stay alive until the child has gone, so its exit code is still reported.
                context.Cancel = true;
                if (!always)
                {
                    return;
                }

                lock (_gate)
                {
                    if (_child is null)
                    {
                        _pending = number;
                    }
                    else if (!_child.HasExited)
                    {
                        _ = Kill(_child.Id, number);
                    }
                }
            });

        public void Started(Process child)
        {
            lock (_gate)
            {
                _child = child;
                if (_pending != 0)
                {
                    _ = Kill(child.Id, _pending);
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
