using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tradeguard.TestSupport;

/// <summary>Compiles C# sources into a .dll with Roslyn, as <c>dotnet build</c> of a plugin project would, in a second instead of half a minute.</summary>
public static class PluginCompiler
{
    // What the SDK's ImplicitUsings adds to a class library, as the sample project has it.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";

    /// <summary>
    /// Writes <paramref name="outputPath"/> from <paramref name="sources"/>, referencing every assembly the test host
    /// runs with (the framework, Tradeguard.Trading and Core) except those named in <paramref name="without"/>, plus
    /// <paramref name="extraReferences"/>. Fails the test with the compiler's errors.
    /// </summary>
    public static string Compile(string outputPath, string[] sources, Version? version = null, string[]? without = null, string[]? extraReferences = null)
    {
        var name = Path.GetFileNameWithoutExtension(outputPath);
        var trees = sources.Append(ImplicitUsings).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))).ToList();
        if (version is not null)
        {
            trees.Add(CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]"));
        }

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !(without ?? []).Contains(Path.GetFileNameWithoutExtension(p)))
            .Concat(extraReferences ?? [])
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        var result = compilation.Emit(outputPath);
        if (!result.Success)
        {
            throw new InvalidOperationException("plugin does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return outputPath;
    }
}
