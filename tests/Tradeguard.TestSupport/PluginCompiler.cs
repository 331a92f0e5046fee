using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tradeguard.TestSupport;

/// <summary>
/// Compiles C# sources into a .dll with Roslyn, as <c>dotnet build</c> of a plugin project would, in a second instead
/// of half a minute. The same sources with the same references are compiled once per test process and then copied:
/// a theory that needs the same plugin in every case pays for one compilation (the suite has a time budget).
/// </summary>
public static class PluginCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Compiled = new();

    // What the SDK's ImplicitUsings adds to a class library, as the sample project has it.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";

    /// <summary>
    /// Writes <paramref name="outputPath"/> from <paramref name="sources"/>, referencing every assembly the test host
    /// runs with (the framework, Tradeguard.Trading and Core) except those named in <paramref name="without"/>, plus
    /// <paramref name="extraReferences"/>. Fails the test with the compiler's errors.
    /// </summary>
    public static string Compile(string outputPath, string[] sources, Version? version = null, string[]? without = null, string[]? extraReferences = null)
    {
        var image = Compiled.GetOrAdd(Key(outputPath, sources, version, without, extraReferences),
            _ => new Lazy<byte[]>(() => Emit(Path.GetFileNameWithoutExtension(outputPath), sources, version, without, extraReferences))).Value;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        File.WriteAllBytes(outputPath, image);
        return outputPath;
    }

    // Everything the image depends on: the assembly name, the sources, the version, and the references' contents
    // (an extra reference is itself a compiled plugin at a per-test path).
    private static string Key(string outputPath, string[] sources, Version? version, string[]? without, string[]? extraReferences)
    {
        var text = new StringBuilder(Path.GetFileNameWithoutExtension(outputPath)).Append('\0').Append(version).Append('\0');
        foreach (var source in sources)
        {
            text.Append(source).Append('\0');
        }

        text.Append("without\0");
        foreach (var name in without ?? [])
        {
            text.Append(name).Append('\0');
        }

        foreach (var reference in extraReferences ?? [])
        {
            text.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(reference)))).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static byte[] Emit(string name, string[] sources, Version? version, string[]? without, string[]? extraReferences)
    {
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
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("plugin does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return image.ToArray();
    }
}
