namespace Mnemo.Cli.Tests.Benchmarks;

public sealed class BenchKvCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchKv_SmallRun_ReportsBothSidesAndRatios()
    {
        var result = await _cli.RunAsync("bench", "kv", "--count", "300", "--value-size", "64", "--pattern", "mixed", "--batch-size", "50",
            "--dir", _cli.Temp.File("bench"), "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        foreach (var phase in new[] { "put_batched", "put_single", "get_hot", "get_all", "mixed" })
        {
            Assert.True(json.GetProperty("mnemo").GetProperty(phase).GetProperty("ops_per_sec").GetDouble() > 0, phase);
            Assert.True(json.GetProperty("sqlite").GetProperty(phase).GetProperty("p99_us").GetDouble() > 0, phase);
            Assert.True(json.GetProperty("ratio_mnemo_to_sqlite_ops_per_sec").GetProperty(phase).GetDouble() > 0, phase);
        }
    }
}
