using System.Reflection;

namespace Mnemo.Mcp.Tests;

/// <summary>Paths the build wrote into this assembly (see AddEndToEndPaths in the project file).</summary>
internal static class BuildOutputs
{
    /// <summary>The mnemo.dll built beside these tests, in the same configuration.</summary>
    public static string MnemoCli => Metadata("MnemoCliAssembly");

    /// <summary>tests/e2e-mcp, where the Node.js comparison script lives.</summary>
    public static string EndToEndDirectory => Metadata("EndToEndDirectory");

    private static string Metadata(string key) =>
        typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"the build did not record {key}: build the tests with `dotnet build` or `dotnet test`");
}
