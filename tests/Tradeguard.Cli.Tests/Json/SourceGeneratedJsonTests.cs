using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tradeguard.Cli.Tests.Json;

/// <summary>
/// Every JSON file and answer of the CLI goes through a source-generated context, so a Native AOT build reads them as
/// the JIT build does. The generator differs from the reflection-based reader in one way that silently changes
/// configs: an init-only property's default is replaced by null or 0 when its key is absent (dotnet/runtime#84484), so
/// an alerts.json without <c>fold_repeats_seconds</c> would mean 0 instead of 300.
/// </summary>
public sealed class SourceGeneratedJsonTests
{
    public static TheoryData<string> ObjectShapes()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Shapes())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ObjectShapes))]
    public void AnEmptyObject_ReadsAsTheTypesDefaults(string shape)
    {
        var info = Shapes().Single(s => s.Name == shape).Info;
        var defaults = JsonSerializer.Serialize(Activator.CreateInstance(info.Type, nonPublic: true), info.Type, info.Options);
        var read = JsonSerializer.Deserialize("{}", info.Type, info.Options);

        Assert.Equal(defaults, JsonSerializer.Serialize(read, info.Type, info.Options));
    }

    [Fact]
    public void TheContexts_AreFound()
    {
        var names = Shapes().Select(s => s.Name).ToArray();
        Assert.Contains(names, n => n.EndsWith(".AlertsConfig", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".GatewayConfig", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".ExchangeRunConfig", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".RunConfigFile", StringComparison.Ordinal));
    }

    /// <summary>Each object type with a parameterless constructor and no required member in every Tradeguard context, with its context's metadata.</summary>
    private static IEnumerable<(string Name, JsonTypeInfo Info)> Shapes()
    {
        // The product's assemblies beside the tests (the test projects' own are left out).
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "Tradeguard.*.dll")
            .Where(p => !Path.GetFileName(p).Contains(".Tests", StringComparison.Ordinal) && !Path.GetFileName(p).Contains("TestSupport", StringComparison.Ordinal))
            .Select(p => Assembly.Load(AssemblyName.GetAssemblyName(p)))
            .Append(typeof(Program).Assembly);
        foreach (var context in assemblies.SelectMany(a => a.GetTypes())
                     .Where(t => t.IsSubclassOf(typeof(JsonSerializerContext)) && !t.IsAbstract))
        {
            var instance = (JsonSerializerContext)(context.GetProperty("Shape", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is JsonTypeInfo shape
                ? shape.OriginatingResolver!
                : context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
            foreach (var property in context.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>)))
            {
                var info = (JsonTypeInfo)property.GetValue(instance)!;
                if (info.Kind == JsonTypeInfoKind.Object && info.Type.Namespace!.StartsWith("Tradeguard.", StringComparison.Ordinal)
                    && info.Type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null
                    && !info.Type.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute"))
                {
                    yield return (info.Type.FullName!, info);
                }
            }
        }
    }
}
