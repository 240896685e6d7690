namespace Mnemo.Cli.Tests.Commands;

public sealed class HistoryCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task HistoryJson_ShowsPutsAndDeletes()
    {
        await _cli.RunAsync("store", "a/b", "one");
        await _cli.RunAsync("store", "a/b", "two");
        await _cli.RunAsync("forget", "a/b");

        var history = (await _cli.RunAsync("history", "a/b", "--json")).Json();

        Assert.Equal(["put", "put", "delete"], history.EnumerateArray().Select(v => v.GetProperty("change").GetString()));
        Assert.Equal("one", history[0].GetProperty("entry").GetProperty("text").GetString());
    }
}
