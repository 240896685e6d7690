namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary><c>mnemo bench monitoring-overhead</c> measures puts with and without sampling in one run (issue 17).</summary>
[Trait("Issue", "17")]
public sealed class BenchMonitoringOverheadCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchMonitoringOverhead_SmallRun_ReportsBothKindsAndTheSamplingShare()
    {
        var result = await _cli.RunAsync("bench", "monitoring-overhead", "--puts", "200", "--rounds", "2", "--interval", "5ms",
            "--value-size", "32", "--dir", _cli.Temp.File("bench"), "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal("monitoring-overhead", json.GetProperty("benchmark").GetString());
        Assert.True(json.GetProperty("plain_puts_per_sec").GetDouble() > 0);
        Assert.True(json.GetProperty("sampled_puts_per_sec").GetDouble() > 0);
        Assert.True(json.GetProperty("samples").GetInt32() >= 2, "each sampled round samples at its start");
        Assert.InRange(json.GetProperty("sampling_share").GetDouble(), 0, 1);
        Assert.True(json.GetProperty("mean_sample_ms").GetDouble() > 0);
    }

    [Fact]
    public async Task BenchMonitoringOverhead_ZeroInterval_IsAUserError()
    {
        var result = await _cli.RunAsync("bench", "monitoring-overhead", "--interval", "0s", "--dir", _cli.Temp.File("bench"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--interval", result.Error, StringComparison.Ordinal);
    }
}
