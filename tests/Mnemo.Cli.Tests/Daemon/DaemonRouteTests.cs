using Mnemo.Cli.Daemon;

namespace Mnemo.Cli.Tests.Daemon;

/// <summary>Which command lines a CLI process hands to the daemon, and where it finds the daemon.</summary>
[Trait("Issue", "15")]
public sealed class DaemonRouteTests
{
    private static readonly Dictionary<string, string?> s_auto = new() { ["MNEMO_DAEMON_DIR"] = "/tmp/daemons" };

    [Theory]
    [InlineData("store", "a/b", "text")]
    [InlineData("search", "what was decided")]
    [InlineData("--json", "search", "what was decided", "--limit", "3")]
    public void StoreAndSearch_GoToTheDaemonOfTheirDatabase(params string[] command)
    {
        var address = Route([.. command, "--db", "/data/memory.db"], s_auto);

        Assert.NotNull(address);
        Assert.Equal("/data/memory.db", address.DatabasePath);
        Assert.StartsWith("/tmp/daemons/db-", address.SocketPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get", "a/b")]
    [InlineData("list")]
    [InlineData("status")]
    [InlineData("store", "a/b", "-")]
    [InlineData("store", "a/b")]
    public void CommandsThatNeedNoModel_ReadStandardInput_OrDoNotParse_RunInTheirOwnProcess(params string[] command) =>
        Assert.Null(Route([.. command, "--db", "/data/memory.db"], s_auto));

    [Fact]
    public void DaemonOff_RunsEverythingInItsOwnProcess() =>
        Assert.Null(Route(["search", "x", "--db", "/data/memory.db"], new() { ["MNEMO_DAEMON"] = "off" }));

    [Fact]
    public void UnknownDaemonMode_IsACallerErrorNamingTheVariable()
    {
        var error = Assert.Throws<FormatException>(() => Route(["search", "x"], new() { ["MNEMO_DAEMON"] = "always" }));

        Assert.Equal("MNEMO_DAEMON='always' is not a daemon mode: use auto (the default) or off", error.Message);
    }

    [Fact]
    public void OneDatabase_ByRelativeOrFullPathOrVariable_HasOneDaemon()
    {
        var relative = Route(["search", "x", "--db", "memory.db"], s_auto)!;
        var full = Route(["search", "x", "--db", Path.GetFullPath("memory.db")], s_auto)!;
        var variable = Route(["search", "x"], new(s_auto) { ["MNEMO_DB"] = "memory.db" })!;
        var other = Route(["search", "x", "--db", "other.db"], s_auto)!;

        Assert.Equal(full.SocketPath, relative.SocketPath);
        Assert.Equal(full.SocketPath, variable.SocketPath);
        Assert.NotEqual(full.SocketPath, other.SocketPath);
    }

    private static DaemonAddress? Route(string[] args, Dictionary<string, string?> variables) =>
        DaemonRoute.For(MnemoCli.BuildRoot().Parse(args), args, name => variables.GetValueOrDefault(name));
}
