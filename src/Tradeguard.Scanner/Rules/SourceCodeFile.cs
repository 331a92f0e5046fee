namespace Tradeguard.Scanner.Rules;

/// <summary>
/// Files that hold program code, by name (<see cref="FileKinds.Code"/>). Notebooks, shell scripts and Dockerfiles
/// count as code.
/// </summary>
internal static class SourceCodeFile
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".pyw", ".pyi", ".ipynb", ".cs", ".csx", ".fs", ".fsx", ".vb", ".js", ".mjs", ".cjs", ".jsx", ".ts",
        ".mts", ".cts", ".tsx", ".go", ".java", ".kt", ".kts", ".scala", ".groovy", ".rb", ".php", ".rs", ".swift",
        ".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".m", ".mm", ".dart", ".lua", ".pl", ".pm", ".r", ".jl", ".ex",
        ".exs", ".erl", ".clj", ".sh", ".bash", ".zsh", ".ksh", ".fish", ".ps1", ".psm1", ".bat", ".cmd",
    };

    /// <summary>True for a source file, by its relative path (forward slashes).</summary>
    public static bool Is(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return Extensions.Contains(Path.GetExtension(name))
            || name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase);
    }
}
