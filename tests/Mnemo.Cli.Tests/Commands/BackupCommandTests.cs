namespace Mnemo.Cli.Tests.Commands;

public sealed class BackupCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task BackupRestoreCheck_Work()
    {
        await _cli.RunAsync("store", "a/b", "one");
        var backup = _cli.Temp.File("backup.db");

        var made = await _cli.RunAsync("backup", backup);
        await _cli.RunAsync("store", "a/b", "two");
        var restored = await _cli.RunAsync("restore", backup);
        var check = await _cli.RunAsync("check", "--json");

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal("one", (await _cli.RunAsync("get", "a/b", "--json")).Json().GetProperty("text").GetString());
        Assert.True(check.Json().GetProperty("healthy").GetBoolean());
    }
}
