using System.Text.Json;

namespace Mnemo.Core.Tests.Embeddings;

/// <summary>A request as <see cref="ScriptedEmbeddingServer"/> received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string[] Inputs
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return [.. document.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!)];
        }
    }

    public string Model
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.GetProperty("model").GetString()!;
        }
    }

    public int? Dimensions
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("dimensions", out var dimensions) ? dimensions.GetInt32() : null;
        }
    }
}
