using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Core.Tests.Embeddings;

public sealed class HashingEmbedderTests
{
    private readonly HashingEmbedder _embedder = new();

    private float Similarity(string a, string b) => TensorPrimitives.CosineSimilarity(_embedder.Embed(a), _embedder.Embed(b));

    [Fact]
    public void Embed_SameText_GivesTheSameUnitVector()
    {
        var first = _embedder.Embed("The deployment failed because the disk was full");
        var second = _embedder.Embed("The deployment failed because the disk was full");

        Assert.Equal(first, second);
        Assert.Equal(1f, TensorPrimitives.Norm(first), 3);
        Assert.Equal(HashingEmbedder.DefaultDimensions, first.Length);
    }

    [Theory]
    [InlineData("optimise", "optimization", "banana")]
    [InlineData("receive", "recieve", "transmit")]
    [InlineData("deployments failed", "the deployment failed", "lunch menu today")]
    [InlineData("Café crème", "cafe creme", "tea house")]
    public void Embed_SharedWordParts_AreCloserThanUnrelatedText(string text, string near, string far)
    {
        Assert.True(Similarity(text, near) > Similarity(text, far) + 0.2f,
            $"near {Similarity(text, near):0.000}, far {Similarity(text, far):0.000}");
    }

    [Fact]
    public void Embed_FunctionWords_CountLessThanContentWords()
    {
        var onTopic = Similarity("what is the database we chose", "database choice");
        var offTopic = Similarity("what is the database we chose", "what is the weather");

        Assert.True(onTopic > offTopic, $"on topic {onTopic:0.000}, off topic {offTopic:0.000}");
    }

    [Fact]
    public void Embed_NoLettersOrDigits_GivesTheZeroVector() =>
        Assert.All(_embedder.Embed("!!! ... ---"), x => Assert.Equal(0f, x));

    [Fact]
    public async Task GenerateAsync_Batch_KeepsOrderAndRecordsTheModel()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = new HashingEmbedder(64);

        var embeddings = await generator.GenerateAsync(["alpha", "beta"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(new HashingEmbedder(64).Embed("beta"), embeddings[1].Vector.ToArray());
        Assert.Equal("mnemo-hashing-v2-64", embeddings[0].ModelId);
        Assert.Equal(64, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsAsked_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _embedder.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 1536 }, TestContext.Current.CancellationToken));

        Assert.Contains("384", error.Message, StringComparison.Ordinal);
    }
}
