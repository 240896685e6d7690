using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Retrieval;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Retrieval;

public sealed class ReindexTests : EngineTestBase
{
    private async Task StoreNotesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"notes/{i}", Text = $"meeting note {i} about the quarterly roadmap" }, Ct);
        }
    }

    [Fact]
    public async Task Reindex_MovesTheStoreToTheNewModel_AndLaterEnginesUseIt()
    {
        await StoreNotesAsync(5);
        await Engine.SearchAsync("roadmap", cancellationToken: Ct);
        var oldFile = Assert.Single(Directory.GetFiles(Temp.Path, "*.hnsw"));
        var reports = new List<ReindexProgress>();

        var result = await Engine.ReindexAsync(EmbedderSettings.Parse("builtin:128", _ => null), new SyncProgress<ReindexProgress>(reports.Add), Ct);

        Assert.Equal(128, result.Dimensions);
        Assert.Equal(5, result.Vectors);
        Assert.Equal(5, result.Embedded);
        Assert.NotEmpty(reports);
        Assert.Equal(reports[^1].Total, reports[^1].Covered);
        Assert.False(File.Exists(oldFile));
        await Engine.DisposeAsync();

        await using var reopened = await OpenAsync();
        var hits = await reopened.SearchAsync("roadmap", new SearchFilter { Mode = SearchMode.Vector }, Ct);

        Assert.Equal(5, hits.Count);
        Assert.Contains("-128.", Assert.Single(Directory.GetFiles(Temp.Path, "*.hnsw")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoteEmbeddings_AreCachedByText_SoARebuildDoesNotEmbedAgain()
    {
        await Engine.DisposeAsync();
        var first = new CountingEmbedder();
        await using (var engine = await OpenAsync(options => options.Embedder = first))
        {
            for (var i = 0; i < 4; i++)
            {
                await engine.StoreAsync(new MemoryWrite { Key = $"notes/{i}", Text = $"note number {i}" }, Ct);
            }

            await engine.SearchAsync("note", cancellationToken: Ct);
        }

        Assert.Equal(4 + 1, first.Texts);
        File.Delete(Assert.Single(Directory.GetFiles(Temp.Path, "*.hnsw")));

        var second = new CountingEmbedder();
        await using (var engine = await OpenAsync(options => options.Embedder = second))
        {
            var hits = await engine.SearchAsync("note number 2", new SearchFilter { Mode = SearchMode.Vector }, Ct);
            Assert.Equal("notes/2", hits[0].Entry.Key);
        }

        Assert.Equal(1, second.Texts);
    }

    [Fact]
    public async Task Search_WithAnEmbedderOfOtherDimensions_FailsWithAFix()
    {
        await Engine.DisposeAsync();
        await using var engine = await OpenAsync(options => options.Embedder = new CountingEmbedder(answerDimensions: 3));
        await engine.StoreAsync(new MemoryWrite { Key = "notes/1", Text = "x" }, Ct);

        var error = await Assert.ThrowsAsync<Core.MnemoException>(() => engine.SearchAsync("x", cancellationToken: Ct));

        Assert.Contains("reindex", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsCallerError);
    }

    /// <summary>A stand-in for a remote model: the built-in embedder's vectors under another name, counting texts embedded.</summary>
    private sealed class CountingEmbedder(int? answerDimensions = null) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly HashingEmbedder _inner = new(32);
        private int _texts;

        public int Texts => _texts;

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Add(ref _texts, list.Count);
            var generated = await _inner.GenerateAsync(list, cancellationToken: cancellationToken);
            return answerDimensions is { } wrong
                ? [.. generated.Select(e => new Embedding<float>(e.Vector[..wrong]))]
                : generated;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "counting-32", 32) : null;

        public void Dispose() => _inner.Dispose();
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
