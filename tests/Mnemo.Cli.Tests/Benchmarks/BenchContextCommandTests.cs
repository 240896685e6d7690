namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary><c>mnemo bench context</c> as a script runs it. No test asserts that one method beats another.</summary>
[Trait("Issue", "16")]
public sealed class BenchContextCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BenchContext_Quick_ReportsEveryMethodPerBudgetWithinBudget()
    {
        var result = await _cli.RunAsync("bench", "context", "--quick", "--sizes", "0", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal(Mnemo.Benchmarks.Context.ContextDataset.HeldOutSeed, json.GetProperty("seed").GetInt32());
        Assert.Equal(2, json.GetProperty("evidence").GetArrayLength());
        Assert.Equal(0, json.GetProperty("budget_violations").GetInt32());
        Assert.Equal(0, json.GetProperty("latency").GetArrayLength());
        Assert.Equal(Mnemo.Cli.Commands.BenchContextCommand.DefaultEmbedder, json.GetProperty("embedder").GetString());
    }

    [Fact]
    public async Task BenchContext_Human_PrintsTheEvidenceTable()
    {
        var result = await _cli.RunAsync("bench", "context", "--quick", "--sizes", "0", "--budgets", "500");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("share of needed evidence", result.Output, StringComparison.Ordinal);
        Assert.Contains("assembled", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--budgets", "1000,lots")]
    [InlineData("--budgets", "0")]
    [InlineData("--tokenizer", "gpt-nonsense")]
    [InlineData("--sessions", "2")]
    public async Task BenchContext_BadOption_ExitsOneNamingIt(string option, string value)
    {
        var result = await _cli.RunAsync("bench", "context", "--quick", option, value, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }
}
