using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Core.Vectors;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Optimization;

/// <summary>
/// Each strategy frees what it says on a store built for it, and its figures agree with the file system and the GC's API.
/// In the meter's collection: the heap figures are the process's, which parallel tests would move.
/// </summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class OptimizeTests : EngineTestBase
{
    private static readonly string s_filler = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i * 7919 % 1000}"));

    [Fact]
    public async Task PurgeExpired_ExpiredEntries_AreGoneAndTheirPagesFreed()
    {
        await WriteAsync("keep/", 5);
        await WriteAsync("short/", 60, TimeSpan.FromMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        var fileBefore = new FileInfo(DatabasePath).Length;

        var result = await RunAsync(OptimizationStrategy.PurgeExpired);

        Assert.Equal(OptimizationOutcome.Acted, result.Outcome);
        Assert.Equal(new OptimizationFigure("expired_entries", 60, 0), Figure(result, "expired_entries"));
        Assert.True(result.BytesAfter < result.BytesBefore, $"pages in use {result.BytesBefore} -> {result.BytesAfter}");
        Assert.Equal(fileBefore, Figure(result, "database_file_bytes").Before);
        Assert.Equal(new FileInfo(DatabasePath).Length, Figure(result, "database_file_bytes").After);
        Assert.Equal(0, (await Engine.GetStatusAsync(Ct)).Store.ExpiredEntries);
        Assert.Null(Assert.Single(await Engine.GetHistoryAsync("short/0", Ct)).Entry);
        Assert.NotNull(await Engine.GetAsync("keep/4", Ct));
    }

    [Fact]
    public async Task Vacuum_AfterPurge_ShrinksTheDatabaseFileAsTheFileSystemMeasures()
    {
        await WriteAsync("keep/", 5);
        await WriteAsync("short/", 60, TimeSpan.FromMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        await RunAsync(OptimizationStrategy.PurgeExpired);
        var before = FileBytes(DatabasePath) + FileBytes(DatabasePath + "-wal");

        var result = await RunAsync(OptimizationStrategy.Vacuum);

        Assert.Equal(OptimizationOutcome.Acted, result.Outcome);
        Assert.Equal(before, result.BytesBefore);
        Assert.Equal(FileBytes(DatabasePath) + FileBytes(DatabasePath + "-wal"), result.BytesAfter);
        Assert.True(result.FreedBytes > 60 * 1000, $"freed {result.FreedBytes} bytes");
        Assert.Equal(0, Figure(result, "free_pages").After);
        Assert.Equal(0, FileBytes(DatabasePath + "-wal"));
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
        Assert.NotNull(await Engine.GetAsync("keep/0", Ct));
    }

    [Fact]
    public async Task CheckpointWal_LogWithFrames_IsTruncatedToZero()
    {
        await WriteAsync("notes/", 30);
        Assert.True(FileBytes(DatabasePath + "-wal") > 0);

        var result = await RunAsync(OptimizationStrategy.CheckpointWal);

        Assert.Equal(OptimizationOutcome.Acted, result.Outcome);
        Assert.True(result.BytesBefore > 0);
        Assert.Equal(0, result.BytesAfter);
        Assert.Equal(0, new FileInfo(DatabasePath + "-wal").Length);
        Assert.Equal(30, (await Engine.ListAsync("notes/", limit: 100, cancellationToken: Ct)).Entries.Count);
    }

    [Fact]
    public async Task CompactIndex_LoadedIndexWithTombstones_LeavesNoDeletedNode()
    {
        await WriteAsync("notes/", 100);
        await Engine.SearchAsync("word7", cancellationToken: Ct);
        for (var i = 0; i < 20; i++)
        {
            await Engine.ForgetAsync($"notes/{i}", cancellationToken: Ct);
        }

        await Engine.SearchAsync("word7", cancellationToken: Ct);

        var result = await RunAsync(OptimizationStrategy.CompactIndex);

        Assert.Equal(new OptimizationFigure("deleted_nodes", 20, 0), Figure(result, "deleted_nodes"));
        Assert.Equal(IndexFileBytes(), result.BytesAfter);
        Assert.True(result.BytesAfter < result.BytesBefore, $"index files {result.BytesBefore} -> {result.BytesAfter}");
        using var saved = HnswIndex.Open(IndexFile());
        Assert.Equal(0, saved.DeletedCount);
        Assert.Equal(80, saved.Count);
    }

    [Fact]
    public async Task CompactIndex_FileNoEngineLoaded_IsCompactedOnDisk()
    {
        await WriteAsync("notes/", 100);
        await Engine.SearchAsync("word7", cancellationToken: Ct);
        for (var i = 0; i < 20; i++)
        {
            await Engine.ForgetAsync($"notes/{i}", cancellationToken: Ct);
        }

        await Engine.SearchAsync("word7", cancellationToken: Ct);
        await using var other = await OpenAsync();

        var report = await other.OptimizeAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.CompactIndex] }, Ct);

        var result = Assert.Single(report.Results);
        Assert.Equal(new OptimizationFigure("deleted_nodes", 20, 0), Figure(result, "deleted_nodes"));
        using var saved = HnswIndex.Open(IndexFile());
        Assert.Equal(0, saved.DeletedCount);
        Assert.Equal(IndexFileBytes(), result.BytesAfter);
    }

    [Fact]
    public async Task EvictCaches_CachedEntries_CountZeroAfter()
    {
        await WriteAsync("notes/", 20);
        for (var i = 0; i < 20; i++)
        {
            await Engine.GetAsync($"notes/{i}", Ct);
        }

        Assert.Equal(20, (await Engine.GetStatusAsync(Ct)).CachedEntries);

        var result = await RunAsync(OptimizationStrategy.EvictCaches);

        Assert.Equal(new OptimizationFigure("cached_entries", 20, 0), Figure(result, "cached_entries"));
        Assert.Equal(0, (await Engine.GetStatusAsync(Ct)).CachedEntries);
        Assert.True(result.BytesBefore > 0 && result.BytesAfter > 0);
        Assert.NotNull(await Engine.GetAsync("notes/3", Ct));
    }

    [Fact]
    public async Task CompactHeap_Acts_FiguresAreTheGcsOwn()
    {
        var retained = Enumerable.Range(0, 50).Select(i => new byte[100_000 + i]).Where((_, i) => i % 2 == 0).ToList();

        var result = await RunAsync(OptimizationStrategy.CompactHeap);
        var info = GC.GetGCMemoryInfo(GCKind.Any);

        Assert.Equal(OptimizationOutcome.Acted, result.Outcome);
        var index = Figure(result, "gc_index");
        Assert.True(index.After > index.Before);
        if (info.Index == index.After)
        {
            Assert.Equal(info.HeapSizeBytes, result.BytesAfter);
            Assert.Equal(info.FragmentedBytes, Figure(result, "fragmented_bytes").After);
            Assert.Equal(info.GenerationInfo[3].SizeAfterBytes, Figure(result, "loh_bytes").After);
        }

        GC.KeepAlive(retained);
    }

    [Fact]
    public async Task DryRun_EveryStrategy_ChangesNothing()
    {
        await WriteAsync("keep/", 5);
        await WriteAsync("short/", 20, TimeSpan.FromMinutes(1));
        await Engine.SearchAsync("word7", cancellationToken: Ct);
        await Engine.ForgetAsync("keep/0", cancellationToken: Ct);
        await Engine.GetAsync("keep/1", Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Engine.FlushAsync(Ct);
        var files = Directory.GetFiles(Temp.Path).ToDictionary(path => path, FileBytes);
        var cached = (await Engine.GetStatusAsync(Ct)).CachedEntries;

        var report = await Engine.OptimizeAsync(new OptimizationRequest { Strategies = OptimizationStrategy.All, DryRun = true }, Ct);

        Assert.True(report.DryRun);
        Assert.All(report.Results, result => Assert.Null(result.BytesAfter));
        Assert.Contains(report.Results, result => result.Strategy == OptimizationStrategy.PurgeExpired && result.Outcome == OptimizationOutcome.DryRun
            && Figure(result, "expired_entries").Before == 20);
        Assert.Equal(files, Directory.GetFiles(Temp.Path).ToDictionary(path => path, FileBytes));
        Assert.Equal(20, (await Engine.GetStatusAsync(Ct)).Store.ExpiredEntries);
        Assert.Equal(cached, (await Engine.GetStatusAsync(Ct)).CachedEntries);
    }

    [Fact]
    public async Task Optimize_UnknownStrategy_ThrowsListingTheKnownOnes()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Engine.OptimizeAsync(new OptimizationRequest { Strategies = ["vacum"] }, Ct));

        Assert.Contains("'vacum'", error.Message, StringComparison.Ordinal);
        Assert.All(OptimizationStrategy.All, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Optimize_NoStrategyNamed_RunsTheDefaultsInOrder()
    {
        var report = await Engine.OptimizeAsync(new OptimizationRequest(), Ct);

        Assert.Equal(OptimizationStrategy.Default, report.Results.Select(result => result.Strategy));
        Assert.Equal(Environment.ProcessId, report.ProcessId);
    }

    [Fact]
    public async Task Optimize_WhileAnotherEngineWritesAndReads_LosesNothingAndCheckPasses()
    {
        await WriteAsync("short/", 40, TimeSpan.FromMinutes(1));
        await Engine.SearchAsync("word7", cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await using var writer = await OpenAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var written = 0;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 400 && !stop.IsCancellationRequested; i++)
            {
                await writer.StoreAsync(new MemoryWrite { Key = $"live/{i}", Text = $"{s_filler} {i}" }, Ct);
                Assert.NotNull(await writer.GetAsync($"live/{i / 2}", Ct));
                written = i + 1;
            }
        }, Ct);

        for (var round = 0; round < 3; round++)
        {
            await Engine.OptimizeAsync(new OptimizationRequest { Strategies = OptimizationStrategy.All }, Ct);
        }

        await writing;
        Assert.Equal(400, written);
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
        await using var reader = await OpenAsync();
        for (var i = 0; i < 400; i++)
        {
            Assert.Equal($"{s_filler} {i}", (await reader.GetAsync($"live/{i}", Ct))?.Text);
        }
    }

    private async Task<OptimizationResult> RunAsync(string strategy) =>
        Assert.Single((await Engine.OptimizeAsync(new OptimizationRequest { Strategies = [strategy] }, Ct)).Results);

    private async Task WriteAsync(string prefix, int count, TimeSpan? ttl = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = $"{prefix}{i}", Text = $"{s_filler} {prefix}{i}", TimeToLive = ttl }, Ct);
        }
    }

    private static OptimizationFigure Figure(OptimizationResult result, string name) => Assert.Single(result.Figures, figure => figure.Name == name);

    private static long FileBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private string IndexFile() => Assert.Single(Directory.GetFiles(Temp.Path, "*.hnsw"));

    private long IndexFileBytes() => Directory.GetFiles(Temp.Path).Where(path => path.Contains(".hnsw", StringComparison.Ordinal)).Sum(FileBytes);
}
