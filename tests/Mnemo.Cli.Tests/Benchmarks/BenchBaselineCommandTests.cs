using System.Text.Json.Nodes;

namespace Mnemo.Cli.Tests.Benchmarks;

/// <summary>Any <c>mnemo bench</c> saves its runs with <c>--baseline</c> and tests later ones with <c>--compare-with</c> (issue 17).</summary>
[Trait("Issue", "17")]
public sealed class BenchBaselineCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task CompareWith_ItsOwnBaseline_PassesAndAnImpossiblyFastBaseline_FailsWithExitOne()
    {
        var baseline = _cli.Temp.File("base.json");
        var saved = await BenchAsync("--repeat", "2", "--baseline", baseline);
        var baselineJson = JsonNode.Parse(File.ReadAllText(baseline))!;
        foreach (var run in baselineJson["runs"]!.AsArray())
        {
            run!["plain_puts_per_sec"] = 1e12;
        }

        var faster = _cli.Temp.File("faster.json");
        File.WriteAllText(faster, baselineJson.ToJsonString());

        var same = await BenchAsync("--repeat", "2", "--compare-with", baseline, "--significance", "0.0001", "--json");
        var regression = await BenchAsync("--repeat", "2", "--compare-with", faster);

        Assert.Equal(0, saved.ExitCode);
        Assert.Equal(2, baselineJson["runs"]!.AsArray().Count);
        Assert.Equal("monitoring-overhead", baselineJson["benchmark"]!.GetValue<string>());
        Assert.Equal(0, same.ExitCode);
        var comparison = same.Json().GetProperty("comparison");
        Assert.Equal(0, comparison.GetProperty("regressions").GetInt32());
        Assert.Equal(2, same.Json().GetProperty("runs").GetArrayLength());
        Assert.Equal(1, regression.ExitCode);
        Assert.Contains("REGRESSION in plain_puts_per_sec", regression.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareWith_AMissingFile_IsAUserErrorBeforeAnyRun()
    {
        var result = await BenchAsync("--compare-with", _cli.Temp.File("missing.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing.json", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("run 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_TwoSavedFiles_FlagsTheSlowerOneWithoutRunningAnything()
    {
        File.WriteAllText(_cli.Temp.File("fast.json"), """{"runs": [{"benchmark":"kv","put_ms":10.1},{"benchmark":"kv","put_ms":9.9},{"benchmark":"kv","put_ms":10.0}]}""");
        File.WriteAllText(_cli.Temp.File("slow.json"), """{"runs": [{"benchmark":"kv","put_ms":20.2},{"benchmark":"kv","put_ms":19.8},{"benchmark":"kv","put_ms":20.0}]}""");

        var slower = await _cli.RunAsync("bench", "compare", _cli.Temp.File("fast.json"), _cli.Temp.File("slow.json"));
        var faster = await _cli.RunAsync("bench", "compare", _cli.Temp.File("slow.json"), _cli.Temp.File("fast.json"), "--json");

        Assert.Equal(1, slower.ExitCode);
        Assert.Contains("REGRESSION in put_ms", slower.Output, StringComparison.Ordinal);
        Assert.Equal(0, faster.ExitCode);
        Assert.Equal("better", faster.Json().GetProperty("metrics")[0].GetProperty("verdict").GetString());
    }

    private Task<CliResult> BenchAsync(params string[] extra) => _cli.RunAsync(
        ["bench", "monitoring-overhead", "--puts", "100", "--rounds", "1", "--interval", "5ms", "--value-size", "16", "--dir", _cli.Temp.File("bench"), .. extra]);
}
