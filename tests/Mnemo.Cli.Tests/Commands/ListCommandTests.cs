using System.Text.Json;

namespace Mnemo.Cli.Tests.Commands;

public sealed class ListCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ListJson_PagesWithNextAfter()
    {
        foreach (var key in new[] { "p/1", "p/2", "p/3", "q/1" })
        {
            await _cli.RunAsync("store", key, $"text {key}");
        }

        var first = (await _cli.RunAsync("list", "p/", "--limit", "2", "--json")).Json();
        var second = (await _cli.RunAsync("list", "p/", "--limit", "2", "--after", first.GetProperty("next_after").GetString()!, "--json")).Json();
        var all = (await _cli.RunAsync("list", "--limit", "1", "--all", "--json")).Json();

        Assert.Equal(["p/1", "p/2"], first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(["p/3"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_after").ValueKind);
        Assert.Equal(4, all.GetProperty("entries").GetArrayLength());
    }
}
