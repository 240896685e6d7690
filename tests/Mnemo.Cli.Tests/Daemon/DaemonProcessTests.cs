using System.Diagnostics;

namespace Mnemo.Cli.Tests.Daemon;

/// <summary>
/// The daemon as users meet it: real mnemo processes hand store and search to a real daemon process over its socket,
/// with the same output, exit codes and identity as when they run the command themselves.
/// </summary>
[Trait("Issue", "15")]
public sealed class DaemonProcessTests : IDisposable
{
    private readonly CliHarness _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task StoreAndSearch_WhileADaemonServes_RunInTheDaemonAsTheCallersAgent()
    {
        using var daemon = await StartDaemonAsync();

        var stored = await MnemoAsync(Hashing(("MNEMO_AGENT", "alice")), "store", "project/db", "We chose SQLite for the store");
        var found = await MnemoAsync(Hashing(), "search", "SQLite store", "--json");
        var status = await MnemoAsync(Hashing(), "daemon", "status", "--json");
        var entry = await MnemoAsync(Hashing(("MNEMO_DAEMON", "off")), "get", "project/db", "--json");

        Assert.Equal("stored project/db (version 1)\n", stored.Output);
        Assert.Equal("project/db", found.Json()[0].GetProperty("key").GetString());
        Assert.True(status.Json().GetProperty("running").GetBoolean(), status.ToString());
        Assert.Equal(daemon.Id, status.Json().GetProperty("pid").GetInt32());
        Assert.Equal(2, status.Json().GetProperty("requests").GetInt64());
        Assert.Equal("alice", entry.Json().GetProperty("agent").GetString());
        await StopAsync(daemon);
    }

    [Fact]
    public async Task CallerError_InTheDaemon_GivesTheSameExitCodeAndMessageAsInProcess()
    {
        using var daemon = await StartDaemonAsync();

        var viaDaemon = await MnemoAsync(Hashing(), "store", "a/b", "x", "--importance", "7");
        var inProcess = await MnemoAsync(Hashing(("MNEMO_DAEMON", "off")), "store", "a/b", "x", "--importance", "7");
        var status = await MnemoAsync(Hashing(), "daemon", "status", "--json");

        Assert.Equal(1, viaDaemon.ExitCode);
        Assert.Equal(inProcess.Error, viaDaemon.Error);
        Assert.Equal(1, status.Json().GetProperty("requests").GetInt64());
        await StopAsync(daemon);
    }

    [Fact]
    public async Task FourProcesses_StoringThroughOneDaemon_KeepEveryEntry()
    {
        using var daemon = await StartDaemonAsync();

        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var result = await MnemoAsync(Hashing(), "store", $"w{writer}/n{i}", $"writer {writer} note {i}", "--on-duplicate", "allow");
                Assert.True(result.ExitCode == 0, result.ToString());
            }
        }, Ct));
        await Task.WhenAll(writers);
        var listed = await MnemoAsync(Hashing(("MNEMO_DAEMON", "off")), "list", "--limit", "100", "--json");
        var status = await MnemoAsync(Hashing(), "daemon", "status", "--json");

        Assert.Equal(40, listed.Json().GetProperty("entries").GetArrayLength());
        Assert.Equal(40, status.Json().GetProperty("requests").GetInt64());
        await StopAsync(daemon);
    }

    [Fact]
    public async Task ClientOfAnotherBuild_IsToldToRunTheCommandItself_AndTheDaemonEnds()
    {
        using var daemon = await StartDaemonAsync();
        var socket = Assert.Single(Directory.GetFiles(DaemonDirectory, "*.sock"));

        using var client = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream,
            System.Net.Sockets.ProtocolType.Unspecified);
        await client.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socket), Ct);
        using var stream = new System.Net.Sockets.NetworkStream(client);
        await Cli.Daemon.DaemonFrames.WriteAsync(stream, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("op", "run");
            writer.WriteString("version", "0.0.1+another-build");
            writer.WriteString("database", _cli.Database);
            writer.WriteStartArray("args");
            writer.WriteStringValue("search");
            writer.WriteStringValue("x");
            writer.WriteEndArray();
            writer.WriteStartObject("variables");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, Ct);
        using var reply = await Cli.Daemon.DaemonFrames.ReadAsync(stream, Ct);
        await daemon.WaitForExitAsync(Ct);

        Assert.False(reply!.RootElement.GetProperty("ran").GetBoolean());
        Assert.Equal(0, daemon.ExitCode);
    }

    [Fact]
    public async Task SecondDaemon_ForTheSameDatabase_EndsWithACallerError()
    {
        using var daemon = await StartDaemonAsync();

        var second = await MnemoAsync(Hashing(), "daemon", "run");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("a daemon already serves", second.Error, StringComparison.Ordinal);
        await StopAsync(daemon);
    }

    [Fact]
    public async Task SocketLeftByAKilledDaemon_TheCommandRunsInItsOwnProcess()
    {
        var daemon = await StartDaemonAsync();
        daemon.Kill();
        await daemon.WaitForExitAsync(Ct);
        daemon.Dispose();
        Assert.Single(Directory.GetFiles(DaemonDirectory, "*.sock"));

        var stored = await MnemoAsync(Hashing(), "store", "a/b", "still works");
        var status = await MnemoAsync(Hashing(), "daemon", "status", "--json");

        Assert.Equal(0, stored.ExitCode);
        Assert.False(status.Json().GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Daemon_EndsWhenIdle()
    {
        using var daemon = await StartDaemonAsync("--idle", "200ms");

        await daemon.WaitForExitAsync(Ct);

        Assert.Equal(0, daemon.ExitCode);
        Assert.Empty(Directory.GetFiles(DaemonDirectory, "*.sock"));
    }

    [Fact]
    public async Task Daemon_EndsWhenItsDatabaseIsDeleted()
    {
        await MnemoAsync(Hashing(("MNEMO_DAEMON", "off")), "store", "a/b", "x");
        using var daemon = await StartDaemonAsync();

        File.Delete(_cli.Database);
        await daemon.WaitForExitAsync(Ct);

        Assert.Equal(0, daemon.ExitCode);
    }

    [Fact]
    public async Task Search_ThatLoadedTheModel_StartsTheDaemon_WhichServesTheNextSearch()
    {
        var environment = new Dictionary<string, string?> { ["MNEMO_DAEMON"] = "auto", ["MNEMO_DAEMON_DIR"] = DaemonDirectory };
        await MnemoAsync(new Dictionary<string, string?>(environment) { ["MNEMO_DAEMON"] = "off" }, "store", "a/b", "the daemon keeps the model loaded");

        var first = await MnemoAsync(environment, "search", "model loaded");
        var status = await WaitForDaemonAsync(environment);
        var second = await MnemoAsync(environment, "search", "model loaded");
        var after = await MnemoAsync(environment, "daemon", "status", "--json");

        Assert.Equal(first.Output, second.Output);
        Assert.Equal(0, status.GetProperty("requests").GetInt64());
        Assert.Equal(1, after.Json().GetProperty("requests").GetInt64());
        Assert.Equal("stopped the daemon of " + _cli.Database + "\n", (await MnemoAsync(environment, "daemon", "stop")).Output);
    }

    private string DaemonDirectory => _cli.Temp.File("daemons");

    private Dictionary<string, string?> Hashing(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["MNEMO_DAEMON"] = "auto",
            ["MNEMO_DAEMON_DIR"] = DaemonDirectory,
            ["MNEMO_EMBEDDER"] = "builtin-hashing",
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    private Task<CliResult> MnemoAsync(IDictionary<string, string?> environment, params string[] args) =>
        CliHarness.RunProcessAsync("mnemo.dll", [.. args, "--db", _cli.Database], environment);

    // Returns once the daemon listens: it says so on stderr after binding its socket.
    private async Task<Process> StartDaemonAsync(params string[] args)
    {
        var daemon = CliHarness.Start("mnemo.dll", ["daemon", "run", "--db", _cli.Database, .. args], Hashing());
        daemon.StandardInput.Close();
        var line = await daemon.StandardError.ReadLineAsync(Ct);
        Assert.StartsWith("mnemo daemon: serving", line, StringComparison.Ordinal);
        return daemon;
    }

    private async Task StopAsync(Process daemon)
    {
        var stop = await MnemoAsync(Hashing(), "daemon", "stop");
        Assert.Equal(0, stop.ExitCode);
        var error = await daemon.StandardError.ReadToEndAsync(Ct);
        await daemon.WaitForExitAsync(Ct);
        Assert.True(daemon.ExitCode == 0, $"exit {daemon.ExitCode}: {error}");
    }

    // The daemon a command started in the background: asked until it answers (each ask is a whole process, a bounded number).
    private async Task<System.Text.Json.JsonElement> WaitForDaemonAsync(IDictionary<string, string?> environment)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var status = (await MnemoAsync(environment, "daemon", "status", "--json")).Json();
            if (status.GetProperty("running").GetBoolean())
            {
                return status;
            }
        }

        throw new TimeoutException("no daemon started after a search that loaded the model");
    }
}
