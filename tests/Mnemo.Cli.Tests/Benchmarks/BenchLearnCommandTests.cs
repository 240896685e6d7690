namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary><c>mnemo bench learn</c>: the recommender against greedy, uniform and an oracle in a simulation (issue 18).</summary>
[Trait("Issue", "18")]
public sealed class BenchLearnCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchLearn_SmallRunJson_ReportsEveryPolicyTheCoverageAndTheChecks()
    {
        var result = await _cli.RunAsync("bench", "learn", "--rounds", "100", "--seeds", "1-2", "--strategies", "3", "--half-life-days", "10", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("learn", json.GetProperty("benchmark").GetString());
        Assert.Equal(3, json.GetProperty("strategies").GetInt32());
        Assert.Equal("1-2", json.GetProperty("seed_list").GetString());
        Assert.Equal(10, json.GetProperty("parameters").GetProperty("half_life_days").GetDouble());
        foreach (var policy in new[] { "mnemo", "greedy", "uniform", "oracle" })
        {
            Assert.True(json.GetProperty("policies").TryGetProperty(policy, out _), policy);
        }

        Assert.Equal(0, json.GetProperty("policies").GetProperty("oracle").GetProperty("regret").GetProperty("mean").GetDouble());
        Assert.Equal(2 * 100 * 3, json.GetProperty("coverage").GetProperty("overall").GetProperty("intervals").GetInt32());
        Assert.True(json.GetProperty("checks").GetProperty("coverage_near_level").TryGetProperty("passed", out _));
    }

    [Fact]
    public async Task BenchLearn_Table_PrintsThePoliciesAndTheChecks()
    {
        var result = await _cli.RunAsync("bench", "learn", "--rounds", "60", "--seeds", "3", "--no-drift");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no drift", result.Output, StringComparison.Ordinal);
        Assert.Contains("mnemo_regret_below_greedy", result.Output, StringComparison.Ordinal);
        Assert.Contains("oracle", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--rounds", "0" }, "--rounds 0 is too few")]
    [InlineData(new[] { "--seeds", "x" }, "--seeds 'x'")]
    [InlineData(new[] { "--strategies", "20" }, "--strategies 20 is out of range")]
    [InlineData(new[] { "--rounds-per-day", "0" }, "--rounds-per-day 0 is not a positive number")]
    [InlineData(new[] { "--exploration", "2" }, "--exploration 2 is out of range")]
    [InlineData(new[] { "--half-life-days", "-1" }, "--half-life-days -1 is out of range")]
    [InlineData(new[] { "--drift", "--no-drift" }, "--drift and --no-drift")]
    public async Task BenchLearn_BadOption_IsAUserErrorNamingIt(string[] args, string expected)
    {
        var result = await _cli.RunAsync(["bench", "learn", .. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
