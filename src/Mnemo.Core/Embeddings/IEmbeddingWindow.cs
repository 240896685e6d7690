namespace Mnemo.Core.Embeddings;

/// <summary>
/// What an embedding model reads of a text at once, for embedders whose model has a token limit. Found with
/// <c>embedder.GetService&lt;IEmbeddingWindow&gt;()</c>; search explanations use it to say how a long text was embedded.
/// </summary>
public interface IEmbeddingWindow
{
    /// <summary>The most tokens of text the model reads in one pass (without its special tokens).</summary>
    int MaxTokens { get; }

    /// <summary>How many tokens the model's tokenizer makes of <paramref name="text"/> (without special tokens).</summary>
    int CountTokens(string text);

    /// <summary>How the embedder treats a longer text, one word for explanations: <c>chunked</c> or <c>truncated</c>.</summary>
    string LongTextPolicy { get; }
}
