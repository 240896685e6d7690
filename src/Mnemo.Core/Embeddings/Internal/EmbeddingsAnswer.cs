namespace Mnemo.Core.Embeddings.Internal;

/// <summary>One answer of an embeddings endpoint: the vectors in input order and the tokens it counted, if it said.</summary>
internal sealed record EmbeddingsAnswer(float[][] Vectors, long? InputTokens, long? TotalTokens);
