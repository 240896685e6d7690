using System.Text.Json;

namespace Mnemo.Cli.Tests;

/// <summary>What the CLI prints reads right: counts in the right number, dry runs in the conditional, JSON as written.</summary>
[Trait("Issue", "14")]
public sealed class WordingTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Forget_OneEntry_SaysEntryInTheSingular()
    {
        await _cli.RunAsync("store", "a/b", "x");

        var dry = await _cli.RunAsync("forget", "a/*", "--dry-run");
        var real = await _cli.RunAsync("forget", "a/b", "--purge-history");

        Assert.Equal($"  a/b{Environment.NewLine}would forget 1 entry{Environment.NewLine}", dry.Output);
        Assert.Equal($"  a/b{Environment.NewLine}forgot 1 entry and its history{Environment.NewLine}", real.Output);
    }

    [Fact]
    public async Task Clean_DryRun_SaysWhatWouldBeDeleted()
    {
        var result = await _cli.RunAsync("clean", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"would remove 0 expired entries and 0 unused entries; would delete 0 unreferenced contents{Environment.NewLine}", result.Output);
    }

    [Fact]
    public async Task Get_FirstRead_CountsItself()
    {
        await _cli.RunAsync("store", "a/b", "x");

        var text = await _cli.RunAsync("get", "a/b");
        var json = await _cli.RunAsync("get", "a/b", "--json");

        Assert.Contains("(1 read)", text.Output, StringComparison.Ordinal);
        Assert.Equal(2, json.Json().GetProperty("access_count").GetInt64());
    }

    [Fact]
    public async Task List_OneEntry_SaysEntryInTheSingular()
    {
        await _cli.RunAsync("store", "a/b", "x");

        var result = await _cli.RunAsync("list");

        Assert.EndsWith($"{Environment.NewLine}1 entry{Environment.NewLine}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJson_TextWithApostropheAndAccents_IsPrintedAsWrittenAndControlCharactersStayEscaped()
    {
        await _cli.RunAsync("store", "a/b", "it's café <b>&\u001b[31m", "--metadata", """{"note":"Ada's"}""");

        var result = await _cli.RunAsync("get", "a/b", "--json");

        Assert.Contains("\"text\": \"it's café <b>&\\u001B[31m\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"note\": \"Ada's\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", result.Output, StringComparison.Ordinal);
        Assert.Equal("it's café <b>&\u001b[31m", result.Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Export_Apostrophe_IsWrittenAsWritten()
    {
        await _cli.RunAsync("store", "a/b", "it's", "--metadata", """{"note":"Ada's"}""");
        var file = _cli.Temp.File("out.jsonl");

        await _cli.RunAsync("export", file);
        var exported = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);

        Assert.Contains("\"text\":\"it's\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"note\":\"Ada's\"", exported, StringComparison.Ordinal);
        using var line = JsonDocument.Parse(exported.Split('\n')[0]);
        Assert.Equal("it's", line.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task GetAsOf_BeforeTheEntryWasCreated_SaysItDidNotExistYetAndWhenItWasCreated()
    {
        await _cli.RunAsync("store", "a/b", "x");

        var result = await _cli.RunAsync("get", "a/b", "--as-of", "2h");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^mnemo: no entry 'a/b' at \S+Z: the key did not exist yet; it was created at \S+Z, (1 hour 59 minutes|2 hours) later\r?\n$", result.Error);
    }
}
