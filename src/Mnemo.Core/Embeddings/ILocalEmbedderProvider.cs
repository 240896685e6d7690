using Microsoft.Extensions.AI;

namespace Mnemo.Core.Embeddings;

/// <summary>
/// Makes the local neural embedders (models that run in-process), which live outside Core so that Core keeps no native
/// dependency. Mnemo.Embeddings.Onnx provides one; the CLI and the MCP server set it on <see cref="MnemoOptions.LocalEmbedders"/>.
/// </summary>
public interface ILocalEmbedderProvider
{
    /// <summary>Creates the embedder of a local model named by <see cref="LocalModels"/>, loading it now.</summary>
    /// <exception cref="MnemoException">The model's resources are missing or damaged, or the runtime failed to load it.</exception>
    IEmbeddingGenerator<string, Embedding<float>> Create(string model);
}
