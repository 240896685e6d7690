namespace Mnemo.Cli.Tests.Commands;

/// <summary><c>mnemo doctor</c> prints each finding with its evidence and advice, exits 0 whatever it finds, and has one JSON shape.</summary>
[Trait("Issue", "17")]
public sealed class DoctorCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Doctor_ValueChangedBack_PrintsFindingEvidenceAndAdviceAndExitsZero()
    {
        await StoreFlipAsync();

        var result = await _cli.RunAsync("doctor");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split(Environment.NewLine);
        Assert.Equal("WARNING contradicting-versions: 1 key changed back and forth (A -> B -> A)", lines[0]);
        Assert.Equal("  - facts/db: changed back 1 time: v1 \"We use SQLite\" -> v2 \"We use Postgres\" -> v3 \"We use SQLite\"", lines[1]);
        Assert.StartsWith("  advice: writers disagree", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("1 finding (1 warning) from 10 rules in ", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_Json_GivesTheReportShape()
    {
        await StoreFlipAsync();

        var result = await _cli.RunAsync("doctor", "--json", "--rule", "contradicting-versions", "--rule", "wal");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(["contradicting-versions", "wal"], json.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("warning", json.GetProperty("worst").GetString());
        Assert.True(json.GetProperty("took_ms").GetDouble() >= 0);
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal("contradicting-versions", finding.GetProperty("rule").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Single(finding.GetProperty("evidence").EnumerateArray());
        Assert.Contains("history", finding.GetProperty("advice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_CleanStore_SaysNoProblemsFound()
    {
        await _cli.RunAsync("store", "notes/a", "The deploy runs at two");

        var result = await _cli.RunAsync("doctor");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("no problems found (10 rules checked in ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_UnknownRule_ExitsOneNamingTheRules()
    {
        var result = await _cli.RunAsync("doctor", "--rule", "wall");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("wall", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_UnreadDays_IsTheThreshold()
    {
        await _cli.RunAsync("store", "notes/a", "The deploy runs at two");

        var result = await _cli.RunAsync("doctor", "--unread-days", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--unread-days 0 is not positive", result.Error, StringComparison.Ordinal);
    }

    private async Task StoreFlipAsync()
    {
        foreach (var text in (string[])["We use SQLite", "We use Postgres", "We use SQLite"])
        {
            Assert.Equal(0, (await _cli.RunAsync("store", "facts/db", text)).ExitCode);
        }
    }
}
