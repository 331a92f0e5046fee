namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Documentation, example and test files, by path: Markdown and other prose, <c>*.example</c>/<c>*.sample</c>/
/// <c>*.template</c> files, and files under <c>docs/</c>, <c>examples/</c>, <c>config_examples/</c>, <c>tests/</c>,
/// <c>testdata/</c>, <c>fixtures/</c> or a <c>*.Tests</c> project, or named like a test (<c>test_*.py</c>,
/// <c>*_test.go</c>, <c>*.spec.ts</c>, <c>*Tests.cs</c>). In them a weak human phrase is a stand-in
/// (<see cref="WeakPhrase"/>), and so is a UUID; anywhere else they are real secrets.
/// </summary>
internal static class FixtureFile
{
    private static readonly string[] ProseExtensions = [".md", ".markdown", ".mdx", ".rst", ".adoc", ".txt"];
    private static readonly string[] ExampleMarks = [".example", ".sample", ".template", ".dist", "-example", "_example", "-sample", "_sample"];
    private static readonly HashSet<string> Folders = new(StringComparer.OrdinalIgnoreCase)
    {
        "doc", "docs", "documentation", "example", "examples", "config_examples", "sample", "samples", "test", "tests",
        "testing", "testdata", "test-data", "test_data", "test_support", "test_utils", "testutils", "fixtures", "mocks",
        "__tests__", "__mocks__", "spec", "specs",
    };

    /// <summary>True for a documentation, example or test file (relative path, forward slashes).</summary>
    public static bool Is(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        var name = relativePath[(slash + 1)..];
        var folders = slash < 0 ? [] : relativePath[..slash].Split('/');
        return ProseExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || ExampleMarks.Any(m => name.Contains(m, StringComparison.OrdinalIgnoreCase))
            || folders.Any(f => Folders.Contains(f) || f.EndsWith(".Tests", StringComparison.Ordinal))
            || IsTestName(Path.GetFileNameWithoutExtension(name));
    }

    private static bool IsTestName(string stem) =>
        stem.StartsWith("test_", StringComparison.OrdinalIgnoreCase)
        || stem.EndsWith("_test", StringComparison.OrdinalIgnoreCase)
        || stem.EndsWith(".test", StringComparison.OrdinalIgnoreCase)
        || stem.EndsWith(".spec", StringComparison.OrdinalIgnoreCase)
        || stem.EndsWith("Tests", StringComparison.Ordinal)
        || stem.EndsWith("Test", StringComparison.Ordinal)
        || stem == "conftest";
}
