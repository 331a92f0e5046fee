using System.Text.Json.Nodes;

namespace Tradeguard.Identity.Tests.Vectors;

/// <summary>Loads a vector file copied beside the tests (see Vectors/README.md for sources).</summary>
internal static class VectorFile
{
    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", name)))!;

    public static byte[] Hex(JsonNode? node) => Convert.FromHexString((string)node!);
}
