using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests;

/// <summary>The one write pipeline behind every store: one outcome type, one transaction, one embedding per text.</summary>
public sealed class WritePipelineTests : EngineTestBase
{
    [Fact]
    public async Task StoreWithDuplicateCheck_ThenSearch_EmbedsTheTextOnce()
    {
        await Engine.DisposeAsync();
        var embedder = new RecordingEmbedder();
        await using var engine = await OpenAsync(options => options.Embedder = embedder);
        await engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "the office moved to the harbour" }, Ct);

        var outcome = await engine.StoreAsync(
            new MemoryWrite { Key = "facts/2", Text = "the quarterly report is due on friday", OnDuplicate = DuplicatePolicy.Report }, Ct);
        var hits = await engine.SearchAsync("report deadline", cancellationToken: Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
        Assert.Contains(hits, hit => hit.Entry.Key == "facts/2");
        Assert.Equal(1, embedder.TimesEmbedded("the quarterly report is due on friday"));
        Assert.Equal(1, embedder.TimesEmbedded("the office moved to the harbour"));
    }

    [Fact]
    public async Task StoreMany_SkipsANearDuplicate_WritesTheOthers_AndSaysWhatHappenedToEach()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "The user's dog is called Rex" }, Ct);

        var outcomes = await Engine.StoreManyAsync(
        [
            new MemoryWrite { Key = "facts/2", Text = "The user's dog is called Rex", OnDuplicate = DuplicatePolicy.Skip },
            new MemoryWrite { Key = "facts/3", Text = "The user lives in Lisbon", OnDuplicate = DuplicatePolicy.Skip },
        ], Ct);

        Assert.Equal([StoreAction.Skipped, StoreAction.Written], outcomes.Select(o => o.Action));
        Assert.Equal(["skipped", "written"], outcomes.Select(o => o.ActionName));
        Assert.Equal("facts/1", outcomes[0].Entry.Key);
        Assert.Equal("facts/1", outcomes[0].Duplicate!.Key);
        Assert.Equal("facts/3", outcomes[1].Entry.Key);
        Assert.Null(await Engine.GetAsync("facts/2", Ct));
        Assert.NotNull(await Engine.GetAsync("facts/3", Ct));
    }

    [Fact]
    public async Task StoreMany_WithDuplicateChecks_IsStillAllOrNothing()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "one" }, Ct);

        await Assert.ThrowsAsync<MnemoConflictException>(() => Engine.StoreManyAsync(
        [
            new MemoryWrite { Key = "facts/2", Text = "a new fact", OnDuplicate = DuplicatePolicy.Report },
            new MemoryWrite { Key = "facts/1", Text = "two", ExpectedVersion = 5 },
        ], Ct));

        Assert.Null(await Engine.GetAsync("facts/2", Ct));
        Assert.Equal("one", (await Engine.GetAsync("facts/1", Ct))!.Text);
    }

    [Fact]
    public async Task Store_PastTheWarningShareOfAQuota_CarriesTheWarningInItsOutcome()
    {
        await using var agent = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes) = ("ann", 1000));

        var below = await agent.StoreAsync(new MemoryWrite { Key = "ann/a", Text = new string('a', 700) }, Ct);
        var above = await agent.StoreAsync(new MemoryWrite { Key = "ann/b", Text = new string('b', 150) }, Ct);

        Assert.Empty(below.Warnings);
        var warning = Assert.Single(above.Warnings);
        Assert.Equal("ann", warning.Name);
        Assert.False(warning.IsSession);
        Assert.InRange(warning.Fraction, 0.8, 1.0);
    }

    [Fact]
    public async Task Store_WithAnUndefinedDuplicatePolicy_FailsBeforeWriting()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "facts/1", Text = "x", OnDuplicate = (DuplicatePolicy)42 }, Ct));

        Assert.Contains("allow, report, skip or merge", error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("facts/1", Ct));
    }

    /// <summary>A stand-in for a remote model: the built-in embedder's vectors under another name, recording every text embedded.</summary>
    private sealed class RecordingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly HashingEmbedder _inner = new(64);
        private readonly ConcurrentQueue<string> _texts = new();

        public int TimesEmbedded(string text) => _texts.Count(embedded => embedded.Contains(text, StringComparison.Ordinal));

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            foreach (var text in list)
            {
                _texts.Enqueue(text);
            }

            return await _inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "recording-64", 64) : null;

        public void Dispose() => _inner.Dispose();
    }
}
