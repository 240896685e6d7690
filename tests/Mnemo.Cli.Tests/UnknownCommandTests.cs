namespace Mnemo.Cli.Tests;

/// <summary>A missing or mistyped command gets one error line naming the closest command, and exit code 1.</summary>
[Trait("Issue", "14")]
public sealed class UnknownCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(new[] { "serch" }, "unknown command 'serch': did you mean 'search'? (see 'mnemo --help')")]
    [InlineData(new[] { "stor", "a/b", "x" }, "unknown command 'stor': did you mean 'store'? (see 'mnemo --help')")]
    [InlineData(new[] { "xyzzy" }, "unknown command 'xyzzy': see 'mnemo --help' for the commands")]
    [InlineData(new string[0], "'mnemo' needs a command: see 'mnemo --help' for the commands")]
    [InlineData(new[] { "lock", "relase", "7" }, "unknown command 'relase' for 'mnemo lock': did you mean 'release'? (see 'mnemo lock --help')")]
    [InlineData(new[] { "lock", "foo" }, "unknown command 'foo' for 'mnemo lock': use acquire, list, release or renew (see 'mnemo lock --help')")]
    [InlineData(new[] { "lock" }, "'mnemo lock' needs a command: use acquire, list, release or renew (see 'mnemo lock --help')")]
    [InlineData(new[] { "bench", "foo" }, "unknown command 'foo' for 'mnemo bench': see 'mnemo bench --help' for the commands")]
    [InlineData(new[] { "conflicts", "lst" }, "unknown command 'lst' for 'mnemo conflicts': did you mean 'list'? (see 'mnemo conflicts --help')")]
    [InlineData(new[] { "acl", "--bogus" }, "'mnemo acl' needs a command: use grant, list or revoke (see 'mnemo acl --help')")]
    public async Task Run_UnknownOrMissingCommand_PrintsOneErrorAndExitsOne(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"mnemo: {expected}{Environment.NewLine}", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Run_OtherParseError_NamesTheCommandsHelp()
    {
        var result = await _cli.RunAsync("get");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith($"(see 'mnemo get --help'){Environment.NewLine}", result.Error, StringComparison.Ordinal);
    }
}
