namespace Mnemo.Core.Embeddings;

/// <summary>Which embedder <see cref="EmbedderSettings"/> creates.</summary>
public enum EmbedderKind
{
    /// <summary>The offline <see cref="HashingEmbedder"/> (<c>builtin-hashing</c>).</summary>
    Builtin = 0,

    /// <summary>An <see cref="OpenAiEmbedder"/> on an OpenAI-compatible endpoint.</summary>
    OpenAi = 1,

    /// <summary>A local neural model run in-process (<see cref="ILocalEmbedderProvider"/>).</summary>
    Local = 2,
}
