using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Embeddings.Onnx;

/// <summary>
/// Makes <see cref="OnnxEmbedder"/>s for the local models (<see cref="LocalModels"/>): what the CLI and the MCP server
/// set as Core's <see cref="ILocalEmbedderProvider"/>.
/// </summary>
/// <remarks>
/// Loading a model costs 0.3-0.8 s (reading 90 MB, creating the ONNX Runtime session), so each model is loaded once per
/// provider and shared: every engine that asks for it gets a handle whose <c>Dispose</c> leaves the model loaded for
/// the next (a test run or a server opens many engines in one process). The models live as long as the provider; the
/// shared ones (<see cref="Instance"/>, <see cref="Shared"/>) as long as the process.
/// <para>A provider never reads the process environment: the options it is given are the ones it uses
/// (<see cref="OnnxEmbedderOptions.FromEnvironment"/> maps <c>MNEMO_EMBEDDING_THREADS</c> and <c>MNEMO_MODEL_DIR</c>).</para>
/// </remarks>
public sealed class OnnxEmbedderProvider : ILocalEmbedderProvider
{
    private static readonly ConcurrentDictionary<OnnxEmbedderOptions, OnnxEmbedderProvider> s_shared = new();

    private readonly OnnxEmbedderOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<OnnxEmbedder>> _loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a provider whose embedders use <paramref name="options"/>; null for the defaults.</summary>
    public OnnxEmbedderProvider(OnnxEmbedderOptions? options = null)
    {
        _options = options ?? new OnnxEmbedderOptions();
    }

    /// <summary>The process's shared provider with the default options.</summary>
    public static OnnxEmbedderProvider Instance => Shared(new OnnxEmbedderOptions());

    /// <summary>
    /// The process's shared provider for <paramref name="options"/> (equal options, one provider), so that hosts that
    /// build options per command or per engine still load each model once.
    /// </summary>
    public static OnnxEmbedderProvider Shared(OnnxEmbedderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return s_shared.GetOrAdd(options, static key => new OnnxEmbedderProvider(key));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a local model's name; the message lists them.</exception>
    public IEmbeddingGenerator<string, Embedding<float>> Create(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var loaded = _loaded.GetOrAdd(model, name => new Lazy<OnnxEmbedder>(
            () => OnnxEmbedder.Load(name, _options)));
        try
        {
            return new SharedEmbedder(loaded.Value);
        }
        catch
        {
            // A failed load (unknown name, missing model) is not remembered: the next call tries again and says why.
            _loaded.TryRemove(new KeyValuePair<string, Lazy<OnnxEmbedder>>(model, loaded));
            throw;
        }
    }

    /// <summary>A handle on a shared model: everything passes through, except that disposing it leaves the model loaded.</summary>
    private sealed class SharedEmbedder(OnnxEmbedder model) : DelegatingEmbeddingGenerator<string, Embedding<float>>(model)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
