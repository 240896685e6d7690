using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Embeddings.Onnx.Tests;

public sealed class ArcticXsEmbedderTests(ArcticXsFixture fixture)
{
    private readonly OnnxEmbedder _embedder = fixture.Embedder;

    [Theory]
    [InlineData("The deployment failed because the disk was full")]
    [InlineData("Café crème, naïve façade")]
    [InlineData("日本語のテキスト")]
    public async Task GenerateAsync_AnyText_GivesUnitVectorOf384(string text)
    {
        var vector = await _embedder.EmbedAsync(text);

        Assert.Equal(384, vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task GenerateAsync_SameTextTwice_GivesTheSameVector()
    {
        var first = await _embedder.EmbedAsync("Alice prefers dark mode in every editor she uses.");
        var second = await _embedder.EmbedAsync("Alice prefers dark mode in every editor she uses.");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task GenerateAsync_Batch_GivesTheVectorsOfOneByOne()
    {
        // Lengths from one token to a few hundred, so that most of the batch is padded.
        string[] texts =
        [
            "a",
            "The car would not start this morning",
            string.Join(' ', Enumerable.Repeat("We chose PostgreSQL over MySQL for the analytics service.", 30)),
            "",
            "What did Carol decide about the caching layer?",
        ];

        var batch = await _embedder.EmbedAllAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = await _embedder.EmbedAsync(texts[i]);
            Assert.True(Embeddings.Cosine(batch[i], single) > 0.9999f, $"text {i}: cosine {Embeddings.Cosine(batch[i], single)}");
        }
    }

    [Fact]
    public async Task GenerateAsync_SmallBatchSize_GivesTheSameVectors()
    {
        string[] texts = ["one short text", "another, a little longer text than the first", "third", "and a fourth one"];
        using var small = OnnxEmbedder.Load(LocalModels.ArcticXs, new OnnxEmbedderOptions { Threads = 1, BatchSize = 3 });

        var expected = await _embedder.EmbedAllAsync(texts);
        var actual = await small.EmbedAllAsync(texts);

        Assert.All(texts.Index(), t => Assert.True(Embeddings.Cosine(expected[t.Index], actual[t.Index]) > 0.9999f));
    }

    [Fact]
    public async Task GenerateAsync_Query_AddsTheInstructionPrefix()
    {
        const string Text = "which database did we choose";

        var query = await _embedder.EmbedAsync(Text, EmbeddingInput.ForQueries());
        var document = await _embedder.EmbedAsync(Text, EmbeddingInput.ForDocuments());
        var unmarked = await _embedder.EmbedAsync(Text);
        var prefixedDocument = await _embedder.EmbedAsync("Represent this sentence for searching relevant passages: " + Text);

        Assert.Equal(document, unmarked);
        Assert.True(Embeddings.Cosine(query, document) < 0.99f, $"query and document: cosine {Embeddings.Cosine(query, document)}");
        Assert.True(Embeddings.Cosine(query, prefixedDocument) > 0.9999f);
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_IsNearerThanUnrelatedText()
    {
        var vectors = await _embedder.EmbedAllAsync(["The car would not start this morning", "My automobile broke down", "I baked bread"]);

        Assert.True(Embeddings.Cosine(vectors[0], vectors[1]) > Embeddings.Cosine(vectors[0], vectors[2]) + 0.05f,
            $"paraphrase {Embeddings.Cosine(vectors[0], vectors[1])}, unrelated {Embeddings.Cosine(vectors[0], vectors[2])}");
    }

    [Fact]
    public async Task GenerateAsync_QueryForDocument_FindsTheAnsweringPassage()
    {
        var query = await _embedder.EmbedAsync("which database did the team pick for analytics?", EmbeddingInput.ForQueries());
        var passages = await _embedder.EmbedAllAsync(
            ["We chose PostgreSQL over MySQL for the analytics service.", "Rain is expected in Berlin on Saturday."],
            EmbeddingInput.ForDocuments());

        Assert.True(Embeddings.Cosine(query, passages[0]) > Embeddings.Cosine(query, passages[1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task GenerateAsync_EmptyText_GivesTheVectorOfClsAndSep(string text)
    {
        var vector = await _embedder.EmbedAsync(text);

        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
        Assert.Equal(await _embedder.EmbedAsync(string.Empty), vector);
    }

    [Fact]
    public async Task GenerateAsync_LongText_IsChunkedIntoUnitVector()
    {
        var words = ("The car would not start this morning because the battery was dead. The mechanic replaced the starter "
            + "motor and checked the alternator. After the repair the engine ran smoothly on the highway.").Split(' ');
        var text = string.Join(' ', Enumerable.Range(0, 3000).Select(i => words[i % words.Length]));
        var window = _embedder.GetService<IEmbeddingWindow>()!;

        var vector = await _embedder.EmbedAsync(text);

        Assert.Equal(3000, text.Split(' ').Length);
        Assert.True(window.CountTokens(text) > window.MaxTokens);
        Assert.Equal("chunked", window.LongTextPolicy);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task GenerateAsync_LongText_KeepsItsTopic()
    {
        var text = string.Join(' ', Enumerable.Repeat("The car would not start this morning, so I called a mechanic about the engine.", 50));
        var vectors = await _embedder.EmbedAllAsync([text, "car engine trouble", "baking sourdough bread"]);

        Assert.True(_embedder.CountTokens(text) > _embedder.MaxTokens);
        Assert.True(Embeddings.Cosine(vectors[0], vectors[1]) > Embeddings.Cosine(vectors[0], vectors[2]));
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCalls_GiveTheVectorsOfSequentialCalls()
    {
        var texts = Enumerable.Range(0, 16).Select(i => $"Agent {i} stored note number {i * 7} about the release plan.").ToArray();
        var sequential = await _embedder.EmbedAllAsync(texts);

        var concurrent = await Task.WhenAll(texts.Select(text => Task.Run(() => _embedder.EmbedAsync(text), Embeddings.Token)));

        Assert.All(texts.Index(), t => Assert.True(Embeddings.Cosine(sequential[t.Index], concurrent[t.Index]) > 0.9999f));
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _embedder.GenerateAsync(["text"], null, cancelled.Token));
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsAsked_ThrowsArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _embedder.GenerateAsync(["text"], new EmbeddingGenerationOptions { Dimensions = 768 }, Embeddings.Token));

    [Fact]
    public async Task GenerateAsync_Vectors_CarryTheModelId()
    {
        var embeddings = await _embedder.GenerateAsync(["alpha", "beta"], cancellationToken: Embeddings.Token);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal("snowflake-arctic-embed-xs", e.ModelId));
    }

    [Fact]
    public void GetService_Metadata_DescribesTheModel()
    {
        var metadata = _embedder.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal("snowflake-arctic-embed-xs", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void GetService_EmbeddingWindow_IsTheEmbedder()
    {
        var window = _embedder.GetService<IEmbeddingWindow>();

        Assert.Same(_embedder, window);
        Assert.Equal(510, window!.MaxTokens);
        Assert.Null(_embedder.GetService<IEmbeddingWindow>("some key"));
    }

    [Fact]
    public void CountTokens_Text_CountsWordPiecesWithoutSpecialTokens()
    {
        Assert.Equal(0, _embedder.CountTokens(string.Empty));
        Assert.Equal(4, _embedder.CountTokens("Café crème!")); // cafe cr ##eme !
    }
}
