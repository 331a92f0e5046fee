using System.CommandLine;
using Tradeguard.Audit;
using Tradeguard.Cli.Commands.Vault;

namespace Tradeguard.Cli.Commands.Audit;

/// <summary><c>audit verify</c>: every MAC, the sequence, and both checkpoints; exit 4 naming the first bad record.</summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var logOption = AuditAccess.CreateLogOption();
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("verify",
            "Check every record's MAC under the vault-held key, the sequence for gaps, and the tail against the checkpoints. " +
            "Exit 0 when intact, 4 naming the first bad record.")
        {
            logOption, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            using var vault = VaultAccess.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var paths = AuditAccess.Paths(parseResult.GetValue(logOption), vault);
            var result = AuditVerifier.Verify(paths, vault);
            if (!result.IsIntact)
            {
                foreach (var problem in result.Problems.Skip(1))
                {
                    Console.Error.WriteLine($"also: {problem.Description}");
                }

                result.ThrowIfTampered();
            }

            Console.WriteLine(result.Summary);
            return 0;
        });
        return command;
    }
}
