using Microsoft.Data.Sqlite;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>
/// A command opens the engine for itself alone: no background timer, and a reading command leaves the database and its
/// log as it found them, while another connection (a server) keeps the database open.
/// </summary>
[Trait("Issue", "15")]
public sealed class OneShotCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Get_StartsNoBackgroundTimer_AndStillCountsTheRead()
    {
        await _cli.RunAsync("store", "a/b", "x");
        var clock = new TimerClock();

        var (code, output) = await RunWithClockAsync(clock, "get", "a/b", "--json");
        var again = await _cli.RunAsync("get", "a/b", "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"access_count\": 1", output, StringComparison.Ordinal);
        Assert.Equal(0, clock.TimersCreated);
        Assert.Equal(2, again.Json().GetProperty("access_count").GetInt64());
    }

    /// <remarks>
    /// With the action log off: by default each command appends one row to it (the one write a reading command makes, so
    /// that next-action prediction learns from every call; see docs/learning-prediction.md).
    /// </remarks>
    [Fact]
    public async Task ReadingCommands_WithoutActionRecording_LeaveTheDatabaseFilesUnchanged()
    {
        await _cli.RunAsync("store", "a/b", "x");
        using var server = new SqliteConnection($"Data Source={_cli.Database};Pooling=False");
        server.Open();
        using (var write = server.CreateCommand())
        {
            // A change of another process left in the log: a checkpoint by a reading command would move it into the file.
            write.CommandText = "PRAGMA wal_autocheckpoint = 0; INSERT INTO meta (name, value) VALUES ('test_marker', 'x')";
            write.ExecuteNonQuery();
        }

        var database = await File.ReadAllBytesAsync(_cli.Database, TestContext.Current.CancellationToken);
        var logBytes = new FileInfo(_cli.Database + "-wal").Length;
        var results = new[]
        {
            await RunWithoutRecordingAsync("list"),
            await RunWithoutRecordingAsync("history", "a/b"),
            await RunWithoutRecordingAsync("status"),
            await RunWithoutRecordingAsync("get", "a/b", "--version", "1"),
        };

        Assert.All(results, code => Assert.Equal(0, code));
        Assert.True(logBytes > 0);
        Assert.Equal(logBytes, new FileInfo(_cli.Database + "-wal").Length);
        Assert.Equal(database, await File.ReadAllBytesAsync(_cli.Database, TestContext.Current.CancellationToken));
    }

    private Task<int> RunWithoutRecordingAsync(params string[] args)
    {
        MnemoVariables.ClearProcess();
        return MnemoCli.RunAsync([.. args, "--db", _cli.Database], new StringWriter(), new StringWriter(),
            static name => name == "MNEMO_RECORD_ACTIONS" ? "off" : null, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    private async Task<(int Code, string Output)> RunWithClockAsync(TimeProvider clock, params string[] args)
    {
        MnemoVariables.ClearProcess();
        var output = new StringWriter();
        var code = await MnemoCli.RunAsync([.. args, "--db", _cli.Database], output, new StringWriter(), static _ => null, clock,
            TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }
}
