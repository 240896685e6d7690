using Mnemo.Core.Monitoring.Optimization;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Optimization;

/// <summary>
/// archive-cold moves entries unread for long to compressed storage and out of the vector index: the database's pages in
/// use shrink, reads and full-text search go on, versions and the change sequence stay, and check passes.
/// </summary>
[Trait("Issue", "17")]
public sealed class ArchiveColdTests : EngineTestBase
{
    private const int Cold = 120;
    private const int Read = 10;

    [Fact]
    public async Task ArchiveCold_OldUnreadEntries_ArchivesOnlyThoseShrinksPagesAndKeepsThemReadable()
    {
        await SeedAsync();
        var head = await Engine.GetFeedHeadAsync(Ct);
        var history = (await Engine.GetHistoryAsync("cold/50", cancellationToken: Ct)).Select(entry => entry.Version).ToList();

        var result = await RunAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold] });

        Assert.Equal(OptimizationOutcome.Acted, result.Outcome);
        Assert.Equal(new OptimizationFigure("archived_entries", 0, Cold - Read), Figure(result, "archived_entries"));
        Assert.True(result.BytesAfter < result.BytesBefore, $"pages in use {result.BytesBefore} -> {result.BytesAfter}");
        var vectors = Figure(result, "index_vectors");
        Assert.Equal(vectors.Before - (Cold - Read), vectors.After);
        Assert.Equal(Text("cold", 50), (await Engine.GetAsync("cold/50", Ct))!.Text);
        Assert.Equal(head, await Engine.GetFeedHeadAsync(Ct));
        Assert.Equal(history, (await Engine.GetHistoryAsync("cold/50", cancellationToken: Ct)).Select(entry => entry.Version).ToList());
        var text = await Engine.SearchAsync("zebra50", new SearchFilter { Mode = SearchMode.FullText }, Ct);
        Assert.Equal("cold/50", Assert.Single(text).Entry.Key);
        var byVector = await Engine.SearchAsync(Text("cold", 50), new SearchFilter { Mode = SearchMode.Vector, Limit = 500 }, Ct);
        Assert.DoesNotContain(byVector, hit => hit.Entry.Key.StartsWith("cold/", StringComparison.Ordinal)
            && int.Parse(hit.Entry.Key["cold/".Length..], System.Globalization.CultureInfo.InvariantCulture) >= Read);
        Assert.Contains(byVector, hit => hit.Entry.Key == "cold/3");
        Assert.Contains(byVector, hit => hit.Entry.Key == "warm/3");
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task ArchiveCold_AfterAReopen_VectorSearchStillLeavesArchivedEntriesOut()
    {
        await SeedAsync();
        await RunAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold] });
        await Engine.DisposeAsync();
        foreach (var file in Directory.GetFiles(Temp.Path, "*.hnsw*"))
        {
            File.Delete(file);
        }

        await using var reopened = await OpenAsync();
        var byVector = await reopened.SearchAsync(Text("cold", 50), new SearchFilter { Mode = SearchMode.Vector, Limit = 500 }, Ct);

        Assert.Equal(Cold + 20 - (Cold - Read), byVector.Count);
        Assert.Equal(Text("cold", 50), (await reopened.GetAsync("cold/50", Ct))!.Text);
    }

    [Fact]
    public async Task ArchiveCold_EntryWrittenAgain_IsFoundByVectorSearchAgain()
    {
        await SeedAsync();
        await RunAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold] });

        await Engine.StoreAsync(new MemoryWrite { Key = "cold/50", Text = "a lighthouse keeper's logbook from 1890" }, Ct);
        var hits = await Engine.SearchAsync("lighthouse keeper logbook", new SearchFilter { Mode = SearchMode.Vector }, Ct);

        Assert.Equal("cold/50", hits[0].Entry.Key);
        Assert.Equal(Cold - Read - 1, await StoreArchivedAsync());
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task ArchiveCold_DryRun_CountsAndChangesNothing()
    {
        await SeedAsync();
        var result = await RunAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold], DryRun = true });

        Assert.Equal(OptimizationOutcome.DryRun, result.Outcome);
        Assert.Equal(Cold - Read, Figure(result, "cold_entries").Before);
        Assert.Equal(0, await StoreArchivedAsync());
        var byVector = await Engine.SearchAsync(Text("cold", 50), new SearchFilter { Mode = SearchMode.Vector, Limit = 500 }, Ct);
        Assert.Equal(Cold + 20, byVector.Count);
        Assert.Contains("would archive", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveCold_ShorterColdAge_ArchivesTheRecentOnesToo()
    {
        await SeedAsync();
        Clock.Advance(TimeSpan.FromDays(10));

        var result = await RunAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold], ColdAfter = TimeSpan.FromDays(5) });

        Assert.Equal(Cold + 20, Figure(result, "archived_entries").After);
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task ArchiveCold_NotPositiveColdAge_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Engine.OptimizeAsync(
            new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold], ColdAfter = TimeSpan.Zero }, Ct));
    }

    [Fact]
    public async Task ArchiveCold_WhileAnotherEngineWritesAndReads_LosesNothingAndCheckPasses()
    {
        await SeedAsync();
        await using var writer = await OpenAsync();
        var written = 0;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await writer.StoreAsync(new MemoryWrite { Key = $"live/{i}", Text = Text("live", i) }, Ct);
                Assert.Equal(Text("cold", i % Cold), (await writer.GetAsync($"cold/{i % Cold}", Ct))?.Text);
                written = i + 1;
            }
        }, Ct);

        for (var round = 0; round < 3; round++)
        {
            await Engine.OptimizeAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.ArchiveCold, OptimizationStrategy.CompactIndex] }, Ct);
        }

        await writing;
        Assert.Equal(200, written);
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
        await using var reader = await OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Text("live", i), (await reader.GetAsync($"live/{i}", Ct))?.Text);
        }

        for (var i = 0; i < Cold; i++)
        {
            Assert.Equal(Text("cold", i), (await reader.GetAsync($"cold/{i}", Ct))?.Text);
        }
    }

    /// <summary>
    /// Cold entries written 100 days ago (the first <see cref="Read"/> of them read today, so warm), and 20 written today;
    /// the vector index built over all of them.
    /// </summary>
    private async Task SeedAsync()
    {
        for (var i = 0; i < Cold; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"cold/{i}", Text = Text("cold", i), OnDuplicate = DuplicatePolicy.Allow }, Ct);
        }

        Clock.Advance(TimeSpan.FromDays(100));
        for (var i = 0; i < 20; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"warm/{i}", Text = Text("warm", i), OnDuplicate = DuplicatePolicy.Allow }, Ct);
        }

        for (var i = 0; i < Read; i++)
        {
            Assert.NotNull(await Engine.GetAsync($"cold/{i}", Ct));
        }

        await Engine.SearchAsync("word3", new SearchFilter { Mode = SearchMode.Vector }, Ct);
    }

    /// <summary>About 800 bytes of compressible text (under the 1024 bytes that go to shared storage), with one rare word.</summary>
    private static string Text(string prefix, int i) =>
        $"{prefix} {i} zebra{i} " + string.Join(' ', Enumerable.Range(0, 110).Select(j => $"word{(j * 7 + i) % 30}"));

    private async Task<OptimizationResult> RunAsync(OptimizationRequest request) => Assert.Single((await Engine.OptimizeAsync(request, Ct)).Results);

    private async Task<long> StoreArchivedAsync()
    {
        await using var store = await OpenStoreAsync();
        return await store.CountArchivedAsync(Ct);
    }

    private static OptimizationFigure Figure(OptimizationResult result, string name) => Assert.Single(result.Figures, figure => figure.Name == name);
}
