namespace Mnemo.Core.Embeddings;

/// <summary>How <see cref="OpenAiEmbedder"/> sends the API key.</summary>
public enum OpenAiApiKeyHeader
{
    /// <summary><c>Authorization: Bearer KEY</c>, as OpenAI and most compatible servers expect.</summary>
    Bearer = 0,

    /// <summary><c>api-key: KEY</c>, as Azure OpenAI expects for its resource keys.</summary>
    ApiKey = 1,
}
