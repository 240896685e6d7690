using System.Text.Json;

namespace Mnemo.Cli.Tests.Commands;

/// <summary>
/// <c>mnemo health</c> exits by health: 0 healthy, 1 warning, 2 critical (and 2 when it cannot tell). Exit codes are
/// checked in real processes, whose memory is the command's own (tens of MiB), with thresholds set around it.
/// </summary>
[Trait("Issue", "17")]
public sealed class HealthCommandTests : IDisposable
{
    // The machine's memory is whatever the test machine's is: a threshold of 100% keeps its part below the warning score.
    private static readonly Dictionary<string, string?> s_quietMachine = new() { ["MNEMO_MEMORY_USAGE_THRESHOLD"] = "1" };

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Health_FreshStore_ExitsZero()
    {
        var result = await RunProcessAsync(s_quietMachine, "health", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("score").GetDouble() < 70);
    }

    [Fact]
    public async Task Health_ProcessThresholdBelowTheProcess_ExitsTwoDrivenByProcessMemory()
    {
        var result = await RunProcessAsync(With(("MNEMO_PROCESS_MEMORY_THRESHOLD", "1MiB")), "health", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var json = result.Json();
        Assert.Equal("critical", json.GetProperty("status").GetString());
        Assert.Equal("process_memory", json.GetProperty("driver").GetString());
        Assert.Equal(100, json.GetProperty("score").GetDouble());
        var process = Input(json, "process_memory");
        Assert.Equal(1 << 20, process.GetProperty("threshold").GetDouble());
        Assert.True(process.GetProperty("value").GetDouble() > 1 << 20);
    }

    [Fact]
    public async Task Health_SeedsBareVariableName_IsHonoured()
    {
        var result = await RunProcessAsync(With(("PROCESS_MEMORY_THRESHOLD", "1MiB")), "health");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("CRITICAL", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_PartBetweenTheWarningAndCriticalScores_ExitsOne()
    {
        // A part is value / threshold × the warning score: at a warning score of 1, a process of 10 to 1000 MiB against
        // 10 MiB scores 1 to 100, below the critical 100 unless the process is over 1000 MiB.
        var result = await RunProcessAsync(
            With(("MNEMO_PROCESS_MEMORY_THRESHOLD", "10MiB"), ("MNEMO_MEMORY_PRESSURE_THRESHOLD", "1"), ("MNEMO_MEMORY_PRESSURE_CRITICAL", "100")),
            "health", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.Equal("warning", json.GetProperty("status").GetString());
        var process = Input(json, "process_memory");
        Assert.Equal(process.GetProperty("value").GetDouble() / (10 << 20), process.GetProperty("part").GetDouble(), 0.05);
    }

    [Fact]
    public async Task Health_BadThresholdVariable_ExitsTwoNamingIt()
    {
        var result = await RunProcessAsync(With(("MNEMO_MEMORY_USAGE_THRESHOLD", "lots")), "health");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MNEMO_MEMORY_USAGE_THRESHOLD='lots'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_StoreThatCannotBeOpened_ExitsTwo()
    {
        File.WriteAllText(_cli.Database, "not a database");

        var result = await CliHarness.RunProcessAsync("mnemo.dll", ["health", "--db", _cli.Database], s_quietMachine);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a SQLite database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthJson_HasEveryInputLeakAndForecast()
    {
        var json = (await _cli.RunAsync("health", "--json")).Json();

        Assert.Equal(Environment.ProcessId, json.GetProperty("pid").GetInt32());
        Assert.Equal(70, json.GetProperty("warning_score").GetDouble());
        Assert.Equal(90, json.GetProperty("critical_score").GetDouble());
        Assert.Equal(
            ["machine_memory", "process_memory", "vector_store", "store_growth", "quota"],
            json.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.All(json.GetProperty("inputs").EnumerateArray(), input =>
        {
            foreach (var name in new[] { "unit", "value", "threshold", "part", "source" })
            {
                Assert.True(input.TryGetProperty(name, out _), name);
            }
        });
        Assert.Equal(JsonValueKind.Null, Input(json, "store_growth").GetProperty("value").ValueKind);
        Assert.Equal(["content", "heap"], json.GetProperty("leaks").EnumerateArray().Select(l => l.GetProperty("subject").GetString()));
        Assert.All(json.GetProperty("leaks").EnumerateArray(), leak =>
        {
            Assert.Equal("insufficient_data", leak.GetProperty("status").GetString());
            Assert.Equal(0, leak.GetProperty("samples").GetInt32());
            Assert.Equal(12, leak.GetProperty("samples_needed").GetInt32());
        });
        Assert.Equal(["content", "heap"], json.GetProperty("forecasts").EnumerateArray().Select(l => l.GetProperty("subject").GetString()));
        Assert.All(json.GetProperty("forecasts").EnumerateArray(), f => Assert.Equal(3600, f.GetProperty("horizon_seconds").GetDouble()));
    }

    [Fact]
    public async Task Health_WithSample_AddsToTheHistoryEachTime()
    {
        await _cli.RunAsync("store", "n/a", "some text to hold");

        var first = (await _cli.RunAsync("health", "--sample", "--json")).Json();
        var second = (await _cli.RunAsync("health", "--sample", "--json")).Json();
        var without = (await _cli.RunAsync("health", "--json")).Json();

        Assert.Equal(1, first.GetProperty("history_samples").GetInt32());
        Assert.Equal(2, second.GetProperty("history_samples").GetInt32());
        Assert.Equal(2, without.GetProperty("history_samples").GetInt32());
    }

    [Fact]
    public async Task Health_Text_ShowsScoreEachInputLeaksAndForecast()
    {
        var result = await _cli.RunAsync("health");

        Assert.Matches(@"^health: +(HEALTHY|WARNING|CRITICAL), pressure \d+\.\d of 100 \(warning from 70, critical from 90\)", result.Output);
        foreach (var name in new[] { "machine_memory", "process_memory", "vector_store", "store_growth", "quota", "leaks:", "forecast, next hour:", "history:" })
        {
            Assert.Contains(name, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("0 of the 12 needed", result.Output, StringComparison.Ordinal);
    }

    private Task<CliResult> RunProcessAsync(IDictionary<string, string?> environment, params string[] args) =>
        CliHarness.RunProcessAsync("mnemo.dll", [.. args, "--db", _cli.Database], environment);

    private static Dictionary<string, string?> With(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?>(s_quietMachine);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static JsonElement Input(JsonElement json, string name) =>
        json.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);
}
