using Microsoft.Data.Sqlite;
using Mnemo.Core;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Sqlite.Internal;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests;

/// <summary>The action log's store contract on SQLite (schema 9): append with trimming, filtered reads, the migration.</summary>
[Trait("Issue", "18")]
public sealed class ActionLogStoreTests : EngineTestBase
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendAction_GivesIncreasingIds_AndTrimsToTheNewestInTheSameWrite()
    {
        await using var store = await OpenStoreAsync();

        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.AppendActionAsync(Action(i, "a", "s", $"step-{i}"), keepCount: 3, Ct)).Id);
        }

        var kept = await store.GetActionsAsync(cancellationToken: Ct);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(["step-2", "step-3", "step-4"], kept.Select(a => a.Action));
        Assert.Equal(ids[2..], kept.Select(a => a.Id));
    }

    [Fact]
    public async Task GetActions_FiltersBySinceAgentAndSession_OldestFirst()
    {
        await using var store = await OpenStoreAsync();
        await store.AppendActionAsync(Action(2, "a", "s1", "late"), 100, Ct);
        await store.AppendActionAsync(Action(0, "a", "s1", "early"), 100, Ct);
        await store.AppendActionAsync(Action(1, "b", "s1", "other-agent"), 100, Ct);
        await store.AppendActionAsync(Action(3, "a", null, "no-session") with { Source = ActionSource.Cli }, 100, Ct);

        var all = await store.GetActionsAsync(cancellationToken: Ct);
        var agentA = await store.GetActionsAsync(agent: "a", cancellationToken: Ct);
        var sessionS1 = await store.GetActionsAsync(agent: "a", session: "s1", cancellationToken: Ct);
        var since = await store.GetActionsAsync(since: s_start.AddMinutes(2), cancellationToken: Ct);

        Assert.Equal(["early", "other-agent", "late", "no-session"], all.Select(a => a.Action));
        Assert.Equal(["early", "late", "no-session"], agentA.Select(a => a.Action));
        Assert.Equal(["early", "late"], sessionS1.Select(a => a.Action));
        Assert.Equal(["late", "no-session"], since.Select(a => a.Action));
        Assert.Equal((s_start.AddMinutes(3), ActionSource.Cli, (string?)null, Environment.ProcessId),
            (all[3].At, all[3].Source, all[3].Session, all[3].ProcessId));
    }

    [Fact]
    public async Task AppendAction_KeepCountBelowOne_Throws()
    {
        await using var store = await OpenStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.AppendActionAsync(Action(0, "a", null, "x"), 0, Ct));
    }

    [Fact]
    public async Task Open_Version8File_GainsTheActionLogAndKeepsEntries()
    {
        var path = Temp.File("old.db");
        await using (var engine = await TestEngines.OpenAsync(path))
        {
            await engine.StoreAsync(new MemoryWrite { Key = "a/1", Text = "kept" }, Ct);
        }

        // What a schema 8 file looks like: no actions table.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE actions; PRAGMA user_version = 8";
            command.ExecuteNonQuery();
        }

        await using var migrated = await TestEngines.OpenAsync(path);
        var logged = await migrated.RecordActionAsync("run-tests", ActionSource.Event, Ct);

        Assert.Equal(9, SqliteSchema.CurrentVersion);
        Assert.Equal(SqliteSchema.CurrentVersion, (await migrated.GetStatusAsync(Ct)).Store.SchemaVersion);
        Assert.Equal(logged.Action, Assert.Single(await migrated.GetActionsAsync(cancellationToken: Ct)));
        Assert.Equal("kept", (await migrated.GetAsync("a/1", Ct))!.Text);
        Assert.True((await migrated.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task RecordAction_IsNotAnEntry_NorInTheChangeFeed()
    {
        await Engine.RecordActionAsync("run-tests", ActionSource.Event, Ct);

        var status = await Engine.GetStatusAsync(Ct);

        Assert.Equal(0, status.Store.LiveEntries);
        Assert.Empty((await Engine.ListAsync(cancellationToken: Ct)).Entries);
    }

    private static ActionRecord Action(int minute, string agent, string? session, string name) =>
        new(0, s_start.AddMinutes(minute), agent, session, ActionSource.Event, name, Environment.ProcessId);
}
