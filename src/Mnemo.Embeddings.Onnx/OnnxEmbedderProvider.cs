using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Embeddings.Onnx;

/// <summary>
/// Makes <see cref="OnnxEmbedder"/>s for the local models (<see cref="LocalModels"/>): what the CLI and the MCP server
/// set as Core's <see cref="ILocalEmbedderProvider"/>.
/// </summary>
/// <remarks>It caches nothing: every <see cref="Create"/> loads the model anew, so the caller keeps the embedder it made.</remarks>
public sealed class OnnxEmbedderProvider : ILocalEmbedderProvider
{
    private readonly OnnxEmbedderOptions? _options;

    /// <summary>Creates a provider whose embedders use <paramref name="options"/>; null reads them from the environment at each <see cref="Create"/>.</summary>
    public OnnxEmbedderProvider(OnnxEmbedderOptions? options = null)
    {
        _options = options;
    }

    /// <summary>A provider whose embedders take their options from the environment (<see cref="OnnxEmbedderOptions.FromEnvironment"/>).</summary>
    public static OnnxEmbedderProvider Instance { get; } = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a local model's name; the message lists them.</exception>
    public IEmbeddingGenerator<string, Embedding<float>> Create(string model) =>
        OnnxEmbedder.Load(model, _options ?? OnnxEmbedderOptions.FromEnvironment(Environment.GetEnvironmentVariable));
}
