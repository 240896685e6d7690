namespace Mnemo.Cli.Tests.Commands;

public sealed class StatusCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task StatusJson_SaysWhichDatabaseAndItsSizes()
    {
        await _cli.RunAsync("store", "a/b", new string('r', 4000));

        var status = (await _cli.RunAsync("status", "--json")).Json();

        Assert.Equal(_cli.Database, status.GetProperty("database").GetString());
        Assert.Equal(1, status.GetProperty("live_entries").GetInt64());
        Assert.Equal(1, status.GetProperty("compressed_contents").GetInt64());
        Assert.True(status.GetProperty("database_bytes").GetInt64() > 0);
    }
}
