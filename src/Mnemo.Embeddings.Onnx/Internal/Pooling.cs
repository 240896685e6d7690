namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>How a model's token vectors (<c>last_hidden_state</c>) become one sentence vector.</summary>
internal enum Pooling
{
    /// <summary>The first token's vector, the one at [CLS] (snowflake-arctic-embed was trained for it).</summary>
    Cls,

    /// <summary>The mean of the vectors of the real tokens, padding excluded (all-MiniLM-L6-v2 was trained for it).</summary>
    Mean,
}
