namespace Mnemo.Cli.Tests.Commands;

public sealed class CleanCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Clean_RemovesExpiredEntries()
    {
        await _cli.RunAsync("store", "s/x", "short lived", "--ttl", "1ms");
        await _cli.RunAsync("store", "s/y", "long lived");

        var clean = (await _cli.RunAsync("clean", "--json")).Json();

        Assert.Equal(["s/x"], clean.GetProperty("expired").EnumerateArray().Select(k => k.GetString()));
    }
}
