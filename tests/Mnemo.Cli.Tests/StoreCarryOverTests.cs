namespace Mnemo.Cli.Tests;

/// <summary><c>mnemo store</c> of an existing key keeps the fields it leaves out, and its <c>--json</c> shows what was stored.</summary>
public sealed class StoreCarryOverTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Store_NewVersionWithoutFlags_KeepsTagsImportanceAndMetadata_AndEmptyTagsClearThem()
    {
        await _cli.RunAsync("store", "team/plan", "ship in May", "--kind", "decision", "--tags", "roadmap,q2",
            "--importance", "0.9", "--metadata", """{"source":"standup"}""");

        var kept = await _cli.RunAsync("store", "team/plan", "ship in June", "--json");
        var cleared = await _cli.RunAsync("store", "team/plan", "ship in July", "--tags", "", "--json");

        Assert.Equal(0, kept.ExitCode);
        var json = kept.Json();
        Assert.Equal(2, json.GetProperty("version").GetInt64());
        Assert.Equal("decision", json.GetProperty("kind").GetString());
        Assert.Equal(["roadmap", "q2"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0.9, json.GetProperty("importance").GetDouble());
        Assert.Equal("standup", json.GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal(0, cleared.ExitCode);
        Assert.Equal(0, cleared.Json().GetProperty("tags").GetArrayLength());
        Assert.Equal(0.9, cleared.Json().GetProperty("importance").GetDouble());
    }
}
