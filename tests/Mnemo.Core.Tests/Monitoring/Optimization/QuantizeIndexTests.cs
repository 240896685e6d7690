using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Core.Vectors;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring.Optimization;

/// <summary>quantize-index makes the engine's vector index int8, smaller on disk, still searchable, and says what recall it keeps.</summary>
[Trait("Issue", "17")]
public sealed class QuantizeIndexTests : EngineTestBase
{
    private const int QuantizationOffset = 21;

    [Fact]
    public async Task QuantizeIndex_FloatIndex_BecomesInt8AndSmallerWithRecallReported()
    {
        await WriteAsync(300);
        await Engine.SearchAsync("topic 3", new SearchFilter { Mode = SearchMode.Vector }, Ct);
        var before = IndexFileBytes();
        Assert.Equal((byte)VectorQuantization.None, (await File.ReadAllBytesAsync(IndexFile(), Ct))[QuantizationOffset]);

        var result = await RunAsync(OptimizationStrategy.QuantizeIndex);

        Assert.Equal(OptimizationOutcome.Acted, result.Outcome);
        Assert.Equal(before, result.BytesBefore);
        Assert.Equal(IndexFileBytes(), result.BytesAfter);
        Assert.True(result.BytesAfter < before / 2, $"index file {before} -> {result.BytesAfter}");
        Assert.Equal((byte)VectorQuantization.Int8, (await File.ReadAllBytesAsync(IndexFile(), Ct))[QuantizationOffset]);
        var memory = Figure(result, "index_memory_bytes");
        Assert.True(memory.After < memory.Before, $"index memory {memory.Before} -> {memory.After}");
        Assert.Equal(new OptimizationFigure("vectors", 300, 300), Figure(result, "vectors"));
        var recall = Assert.Single(result.Ratios, ratio => ratio.Name == "recall_at_10").Value;
        Assert.InRange(recall, 0.0, 1.0);
        Assert.True(recall > 0.5, $"recall@10 {recall}");
        var hits = await Engine.SearchAsync("note 42 about topic 8", new SearchFilter { Mode = SearchMode.Vector, Limit = 5 }, Ct);
        Assert.Contains(hits, hit => hit.Entry.Key == "n/42");
    }

    [Fact]
    public async Task QuantizeIndex_OnAnInt8Index_SaysSoAndChangesNothing()
    {
        await WriteAsync(200);
        await RunAsync(OptimizationStrategy.QuantizeIndex);
        var file = await File.ReadAllBytesAsync(IndexFile(), Ct);

        var again = await RunAsync(OptimizationStrategy.QuantizeIndex);

        Assert.Equal(OptimizationOutcome.Skipped, again.Outcome);
        Assert.Contains("already stores int8", again.Summary, StringComparison.Ordinal);
        Assert.Equal(file, await File.ReadAllBytesAsync(IndexFile(), Ct));
    }

    [Fact]
    public async Task QuantizeIndex_ThenAFloatEngine_KeepsTheInt8IndexAndFindsNewEntries()
    {
        await WriteAsync(200);
        await RunAsync(OptimizationStrategy.QuantizeIndex);
        await Engine.DisposeAsync();

        await using var reopened = await OpenAsync();
        await reopened.StoreAsync(new MemoryWrite { Key = "late/1", Text = "a lighthouse keeper's logbook from 1890" }, Ct);
        var hits = await reopened.SearchAsync("lighthouse keeper logbook", new SearchFilter { Mode = SearchMode.Vector }, Ct);

        Assert.Equal("late/1", hits[0].Entry.Key);
        Assert.Equal((byte)VectorQuantization.Int8, (await File.ReadAllBytesAsync(IndexFile(), Ct))[QuantizationOffset]);
        var again = Assert.Single((await reopened.OptimizeAsync(new OptimizationRequest { Strategies = [OptimizationStrategy.QuantizeIndex] }, Ct)).Results);
        Assert.Equal(OptimizationOutcome.Skipped, again.Outcome);
    }

    [Fact]
    public async Task QuantizeIndex_DryRun_SaysWhatItWouldDoAndChangesNothing()
    {
        await WriteAsync(200);
        await Engine.SearchAsync("topic 3", new SearchFilter { Mode = SearchMode.Vector }, Ct);
        var file = await File.ReadAllBytesAsync(IndexFile(), Ct);

        var result = Assert.Single((await Engine.OptimizeAsync(
            new OptimizationRequest { Strategies = [OptimizationStrategy.QuantizeIndex], DryRun = true }, Ct)).Results);

        Assert.Equal(OptimizationOutcome.DryRun, result.Outcome);
        Assert.Equal(file.Length, result.BytesBefore);
        Assert.Equal(200, Figure(result, "vectors").Before);
        var expected = Figure(result, "expected_index_bytes").Before;
        Assert.InRange(expected, 1, file.Length / 2);
        Assert.Contains("would rebuild", result.Summary, StringComparison.Ordinal);
        Assert.Equal(file, await File.ReadAllBytesAsync(IndexFile(), Ct));
    }

    private async Task<OptimizationResult> RunAsync(string strategy) =>
        Assert.Single((await Engine.OptimizeAsync(new OptimizationRequest { Strategies = [strategy] }, Ct)).Results);

    private async Task WriteAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Engine.StoreAsync(
                new MemoryWrite { Key = $"n/{i}", Text = $"note {i} about topic {i % 17} and item {i * 7919 % 1000}", OnDuplicate = DuplicatePolicy.Allow }, Ct);
        }
    }

    private static OptimizationFigure Figure(OptimizationResult result, string name) => Assert.Single(result.Figures, figure => figure.Name == name);

    private string IndexFile() => Assert.Single(Directory.GetFiles(Temp.Path, "*.hnsw"));

    private long IndexFileBytes() => Directory.GetFiles(Temp.Path).Where(path => path.Contains(".hnsw", StringComparison.Ordinal)).Sum(path => new FileInfo(path).Length);
}
