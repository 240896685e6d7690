using Microsoft.Extensions.AI;

namespace Mnemo.Core.Embeddings.Internal;

/// <summary>The <c>GetService</c> answer every Mnemo embedder gives: its metadata, or itself for its own types.</summary>
internal static class EmbedderServices
{
    public static object? Get(object embedder, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(embedder) ? embedder
            : null;
    }
}
