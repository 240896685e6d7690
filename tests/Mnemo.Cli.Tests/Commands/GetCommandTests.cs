namespace Mnemo.Cli.Tests.Commands;

public sealed class GetCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Get_UnknownKey_ExitsOneWithMessage()
    {
        var result = await _cli.RunAsync("get", "no/such/key");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no entry 'no/such/key'", result.Error, StringComparison.Ordinal);
    }
}
