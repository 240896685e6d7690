namespace Mnemo.Core.Embeddings;

/// <summary>The names of the local neural models (<see cref="ILocalEmbedderProvider"/>), as <c>--embedder</c> and <c>MNEMO_EMBEDDER</c> take them.</summary>
public static class LocalModels
{
    /// <summary>snowflake-arctic-embed-xs: 384 dimensions, CLS pooling, queries with an instruction prefix. The default.</summary>
    public const string ArcticXs = "arctic-xs";

    /// <summary>all-MiniLM-L6-v2: 384 dimensions, mean pooling.</summary>
    public const string MiniLm = "minilm";

    /// <summary>Every local model name.</summary>
    public static readonly IReadOnlyList<string> All = [ArcticXs, MiniLm];
}
