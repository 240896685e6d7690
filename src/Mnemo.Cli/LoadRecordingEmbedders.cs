using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Cli;

/// <summary>Makes local embedders as <paramref name="inner"/> does and says when it loaded a model.</summary>
internal sealed class LoadRecordingEmbedders(ILocalEmbedderProvider inner, Action loaded) : ILocalEmbedderProvider
{
    public IEmbeddingGenerator<string, Embedding<float>> Create(string model)
    {
        var embedder = inner.Create(model);
        loaded();
        return embedder;
    }
}
