namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary><c>mnemo bench predict</c>: Mnemo's model against the process's optimum and "most frequent action", in one run.</summary>
[Trait("Issue", "18")]
public sealed class BenchPredictCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchPredict_FixedSeed_BeatsMostFrequentAndStaysBelowTheOptimum()
    {
        var result = await _cli.RunAsync("bench", "predict", "--sessions", "600", "--seeds", "1-2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("predict", json.GetProperty("benchmark").GetString());
        Assert.Equal(2, json.GetProperty("seeds").GetArrayLength());
        foreach (var seed in json.GetProperty("seeds").EnumerateArray())
        {
            Assert.Equal(480, seed.GetProperty("train_sessions").GetInt32());
            Assert.True(seed.GetProperty("scored_steps").GetInt32() > 1000);
        }

        var mean = json.GetProperty("mean");
        double Top(string who, string k) => mean.GetProperty(who).GetProperty(k).GetDouble();
        Assert.True(Top("mnemo", "top1") > Top("most_frequent", "top1") + 0.1, json.ToString());
        Assert.True(Top("mnemo", "top3") > Top("most_frequent", "top3") + 0.1, json.ToString());
        // No predictor beats the true probabilities on average; what the test split shows beyond them is sampling noise.
        Assert.True(Top("mnemo", "top1") <= Top("optimal", "top1") + 0.03, json.ToString());
        Assert.True(Top("mnemo", "top3") <= Top("optimal", "top3") + 0.03, json.ToString());
    }

    [Theory]
    [InlineData("--seeds", "5-1", "--seeds '5-1'")]
    [InlineData("--sessions", "3", "--sessions 3 is too few")]
    public async Task BenchPredict_BadOption_IsAUserError(string option, string value, string message)
    {
        var result = await _cli.RunAsync("bench", "predict", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
