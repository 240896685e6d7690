using Microsoft.Extensions.AI;

namespace Mnemo.Core.Embeddings;

/// <summary>
/// Tells an embedder whether it embeds a search query or a stored document, through
/// <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> (<c>input_type</c>, the name several embedding APIs
/// use). Retrieval models such as snowflake-arctic-embed embed queries with an instruction prefix and documents
/// without; an embedder that makes no difference ignores it.
/// </summary>
public static class EmbeddingInput
{
    /// <summary>The additional property that carries the input type.</summary>
    public const string PropertyName = "input_type";

    /// <summary>The value for a search query.</summary>
    public const string Query = "query";

    /// <summary>The value for a stored document.</summary>
    public const string Document = "document";

    /// <summary>Options that mark the inputs as search queries.</summary>
    public static EmbeddingGenerationOptions ForQueries() => new() { AdditionalProperties = new() { [PropertyName] = Query } };

    /// <summary>Options that mark the inputs as stored documents.</summary>
    public static EmbeddingGenerationOptions ForDocuments() => new() { AdditionalProperties = new() { [PropertyName] = Document } };

    /// <summary>True when <paramref name="options"/> mark the inputs as queries (documents are the default).</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true
        && string.Equals(value as string, Query, StringComparison.OrdinalIgnoreCase);
}
