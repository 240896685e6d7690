namespace Mnemo.Cli.Tests.Benchmarks;

public sealed class BenchAnnCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchAnn_TinyDataset_PrintsTheContractJson()
    {
        // 200 random 8-d vectors; exact truth by brute force (L2), so recall at a wide beam must be near 1.
        var random = new Random(9);
        float[] Vectors(int rows) => Enumerable.Range(0, rows * 8).Select(_ => (float)random.NextDouble()).ToArray();
        var data = Vectors(200);
        var queries = Vectors(20);
        var truth = Enumerable.Range(0, 20).SelectMany(q => Enumerable.Range(0, 200)
            .OrderBy(i => Enumerable.Range(0, 8).Sum(d => Math.Pow(data[i * 8 + d] - queries[q * 8 + d], 2)))
            .Take(10)).ToArray();
        var ct = TestContext.Current.CancellationToken;
        await Mnemo.Benchmarks.Ann.TexmexWriter.WriteFvecsAsync(_cli.Temp.File("b.fvecs"), new(data, 200, 8), ct);
        await Mnemo.Benchmarks.Ann.TexmexWriter.WriteFvecsAsync(_cli.Temp.File("q.fvecs"), new(queries, 20, 8), ct);
        await Mnemo.Benchmarks.Ann.TexmexWriter.WriteIvecsAsync(_cli.Temp.File("g.ivecs"), new(truth, 20, 10), ct);

        var result = await CliHarness.RunRawAsync("bench", "ann", "--base", _cli.Temp.File("b.fvecs"), "--queries", _cli.Temp.File("q.fvecs"),
            "--truth", _cli.Temp.File("g.ivecs"), "--metric", "l2", "--ef-search", "10,100", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.True(json.GetProperty("build_seconds").GetDouble() > 0);
        Assert.True(json.GetProperty("index_bytes").GetInt64() > 0);
        Assert.Equal([10, 100], json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ef").GetInt32()));
        Assert.True(json.GetProperty("results")[1].GetProperty("recall_at_10").GetDouble() >= 0.95);
    }

    [Fact]
    public async Task BenchAnn_MissingFile_ExitsOne()
    {
        var result = await CliHarness.RunRawAsync("bench", "ann", "--base", "nope.fvecs", "--queries", "nope.fvecs", "--truth", "nope.ivecs");

        Assert.Equal(1, result.ExitCode);
    }
}
