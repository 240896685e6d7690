using System.Text.Json;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Retrieval;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Retrieval;

/// <summary>The who and when of an entry are found by search although its text does not say them.</summary>
public sealed class IndexContextTests : EngineTestBase
{
    private async Task StoreTurnAsync(string key, string speaker, string text) =>
        await Engine.StoreAsync(new MemoryWrite
        {
            Key = key,
            Text = text,
            Metadata = JsonDocument.Parse($$"""{"speaker":"{{speaker}}","date":"2023-05-08"}""").RootElement.Clone(),
        }, Ct);

    [Fact]
    public async Task Search_QuestionNamingTheSpeaker_FindsTheirTurnThatDoesNotNameThem()
    {
        await StoreTurnAsync("chat/1", "Caroline", "I've been researching adoption agencies lately");
        await StoreTurnAsync("chat/2", "Melanie", "I've been researching pottery classes lately");

        var text = await Engine.SearchAsync("What has Caroline been researching?", new SearchFilter { Mode = SearchMode.FullText }, Ct);
        var hybrid = await Engine.SearchAsync("What has Caroline been researching?", cancellationToken: Ct);

        Assert.Equal("chat/1", text[0].Entry.Key);
        Assert.Equal("chat/1", hybrid[0].Entry.Key);
        Assert.Equal("I've been researching adoption agencies lately", hybrid[0].Entry.Text);
    }

    [Fact]
    public async Task Search_DateInMetadata_IsFoundByTheMonthAskedAbout()
    {
        await StoreTurnAsync("chat/1", "Jon", "Went to the lake with my dog");

        var hits = await Engine.SearchAsync("May 2023", new SearchFilter { Mode = SearchMode.FullText }, Ct);

        Assert.Equal("chat/1", Assert.Single(hits).Entry.Key);
    }

    [Fact]
    public async Task SetIndexContext_None_RebuildsBothIndexesWithoutTheContext()
    {
        await StoreTurnAsync("chat/1", "Caroline", "I've been researching adoption agencies lately");
        Assert.NotEmpty(await Engine.SearchAsync("Caroline", new SearchFilter { Mode = SearchMode.FullText }, Ct));

        var rules = await Engine.SetIndexContextAsync("chat/", ContextFields.None, Ct);

        Assert.Equal(ContextFields.None, rules.For("chat/1"));
        Assert.Empty(await Engine.SearchAsync("Caroline", new SearchFilter { Mode = SearchMode.FullText }, Ct));
        Assert.NotEmpty(await Engine.SearchAsync("adoption agencies", cancellationToken: Ct));
        Assert.Single(Directory.GetFiles(Temp.Path, "*.hnsw"));

        // Another engine (another process) reads the same rules from the store.
        await using var other = await OpenAsync();
        Assert.Equal(ContextFields.None, (await other.GetIndexContextAsync(Ct)).For("chat/1"));
    }

    [Fact]
    public async Task Store_RecordsItsEmbedder_AndRefusesAnotherUntilReindexed()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/1", Text = "the roadmap" }, Ct);
        await Engine.SearchAsync("roadmap", cancellationToken: Ct);
        await Engine.DisposeAsync();

        await using (var other = await OpenAsync(options => options.EmbedderSettings = EmbedderSettings.Parse("builtin:128", _ => null)))
        {
            var error = await Assert.ThrowsAsync<MnemoException>(() => other.SearchAsync("roadmap", cancellationToken: Ct));

            Assert.Equal(MnemoErrorCode.EmbeddingModelMismatch, error.ErrorCode);
            Assert.Contains("builtin:384", error.Message, StringComparison.Ordinal);
            Assert.Contains("reindex the store with the embedder builtin:128", error.Message, StringComparison.Ordinal);
            await other.ReindexAsync(EmbedderSettings.Parse("builtin:128", _ => null), cancellationToken: Ct);
        }

        await using var after = await OpenAsync(options => options.EmbedderSettings = EmbedderSettings.Parse("builtin:128", _ => null));
        Assert.NotEmpty(await after.SearchAsync("roadmap", cancellationToken: Ct));
    }

    [Fact]
    public async Task Search_MinScore_DropsWeakHits_AndAnUnrelatedEntryScoresLow()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/db", Text = "We run PostgreSQL 16 in production" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "n/cat", Text = "my cat sleeps on the keyboard" }, Ct);

        var unrelated = await Engine.SearchAsync("quarterly tax filing deadline", cancellationToken: Ct);
        var filtered = await Engine.SearchAsync("postgresql production", new SearchFilter { MinScore = 0.5 }, Ct);

        Assert.All(unrelated, hit => Assert.True(hit.Score < 0.2, $"{hit.Entry.Key} scored {hit.Score}"));
        Assert.Equal(["n/db"], filtered.Select(hit => hit.Entry.Key));
    }
}
