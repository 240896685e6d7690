using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Mnemo.Embeddings.Onnx.Tests;

/// <summary>Short ways to embed in tests.</summary>
internal static class Embeddings
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<float[]> EmbedAsync(this OnnxEmbedder embedder, string text, EmbeddingGenerationOptions? options = null) =>
        (await embedder.GenerateAsync([text], options, Token)).Single().Vector.ToArray();

    public static async Task<float[][]> EmbedAllAsync(this OnnxEmbedder embedder, IEnumerable<string> texts, EmbeddingGenerationOptions? options = null) =>
        [.. (await embedder.GenerateAsync(texts, options, Token)).Select(e => e.Vector.ToArray())];

    public static float Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);
}
