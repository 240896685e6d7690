namespace Mnemo.Core.Embeddings;

/// <summary>Which embedder <see cref="EmbedderSettings"/> creates.</summary>
public enum EmbedderKind
{
    /// <summary>The offline <see cref="HashingEmbedder"/>.</summary>
    Builtin = 0,

    /// <summary>An <see cref="OpenAiEmbedder"/> on an OpenAI-compatible endpoint.</summary>
    OpenAi = 1,
}
