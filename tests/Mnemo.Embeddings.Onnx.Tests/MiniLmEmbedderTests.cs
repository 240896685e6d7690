using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Embeddings.Onnx.Tests;

public sealed class MiniLmEmbedderTests(MiniLmFixture fixture)
{
    private readonly OnnxEmbedder _embedder = fixture.Embedder;

    [Fact]
    public async Task GenerateAsync_Text_GivesUnitVectorOf384()
    {
        var vector = await _embedder.EmbedAsync("The deployment failed because the disk was full");

        Assert.Equal(384, vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task GenerateAsync_Query_IsEmbeddedLikeADocument()
    {
        var query = await _embedder.EmbedAsync("which database did we choose", EmbeddingInput.ForQueries());
        var document = await _embedder.EmbedAsync("which database did we choose", EmbeddingInput.ForDocuments());

        Assert.Equal(document, query);
    }

    [Fact]
    public async Task GenerateAsync_Batch_GivesTheVectorsOfOneByOne()
    {
        // Mean pooling reads every position: a padded position that counted would move the short texts' vectors.
        string[] texts = ["a", string.Join(' ', Enumerable.Repeat("Bob said the meeting on Tuesday is moved to 3 pm.", 20)), "I baked bread"];

        var batch = await _embedder.EmbedAllAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = await _embedder.EmbedAsync(texts[i]);
            Assert.True(Embeddings.Cosine(batch[i], single) > 0.9999f, $"text {i}: cosine {Embeddings.Cosine(batch[i], single)}");
        }
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_IsNearerThanUnrelatedText()
    {
        var vectors = await _embedder.EmbedAllAsync(["The car would not start this morning", "My automobile broke down", "I baked bread"]);

        Assert.True(Embeddings.Cosine(vectors[0], vectors[1]) > Embeddings.Cosine(vectors[0], vectors[2]) + 0.05f,
            $"paraphrase {Embeddings.Cosine(vectors[0], vectors[1])}, unrelated {Embeddings.Cosine(vectors[0], vectors[2])}");
    }

    [Fact]
    public async Task GenerateAsync_EmptyText_GivesUnitVector() =>
        Assert.Equal(1f, TensorPrimitives.Norm(await _embedder.EmbedAsync(string.Empty)), 4);

    [Fact]
    public void GetService_Metadata_DescribesTheModel()
    {
        var metadata = _embedder.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
        Assert.Equal(LocalModels.MiniLm, _embedder.Model);
    }
}
