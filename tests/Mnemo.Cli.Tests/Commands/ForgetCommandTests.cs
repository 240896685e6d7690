namespace Mnemo.Cli.Tests.Commands;

public sealed class ForgetCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Forget_PatternDryRunThenReal()
    {
        await _cli.RunAsync("store", "session-1/a", "x");
        await _cli.RunAsync("store", "session-1/b/c", "y");
        await _cli.RunAsync("store", "session-2/a", "z");

        var dry = (await _cli.RunAsync("forget", "session-1/**", "--dry-run", "--json")).Json();
        var real = (await _cli.RunAsync("forget", "session-1/**", "--json")).Json();

        Assert.True(dry.GetProperty("dry_run").GetBoolean());
        Assert.Equal(2, dry.GetProperty("count").GetInt32());
        Assert.Equal(2, real.GetProperty("count").GetInt32());
        Assert.Equal(1, (await _cli.RunAsync("status", "--json")).Json().GetProperty("live_entries").GetInt64());
    }
}
