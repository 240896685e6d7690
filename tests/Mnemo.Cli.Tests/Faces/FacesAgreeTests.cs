using System.Text.Json.Nodes;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Faces;

/// <summary>
/// The faces agree because Core decides: the same operations on three fresh stores, one through the CLI's --json, one
/// through MCP tool calls and one through the library, answer the same JSON, field by field. Every face runs on its
/// own clock fixed at the same time and moved by the same step after each operation, so timestamps, recency and scores
/// must agree too.
/// </summary>
[Trait("Issue", "14")]
public sealed class FacesAgreeTests : IAsyncLifetime
{
    // Longer than a snippet (a list shows every entry whole, in every face).
    private const string Decision = "We chose PostgreSQL for the orders service: it already runs the billing database, the team " +
        "knows how to operate it, its transactions span the order and payment tables, and the managed offering " +
        "gives point-in-time recovery without extra work from us.";

    private readonly TempDirectory _temp = new();
    private readonly ManualClock[] _clocks = [new(FaceSettings.Start), new(FaceSettings.Start), new(FaceSettings.Start)];
    private CliFace _cli = null!;
    private IFace[] _faces = [];

    public async ValueTask InitializeAsync()
    {
        _cli = new CliFace(_temp.File("cli.db"), _clocks[0]);
        _faces = [_cli, await McpFace.StartAsync(_temp.File("mcp.db"), _clocks[1]), await LibraryFace.OpenAsync(_temp.File("library.db"), _clocks[2])];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var face in _faces)
        {
            await face.DisposeAsync();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task SameOperations_ThroughCliMcpAndLibrary_AnswerTheSameJson()
    {
        var stored = await AgreeAsync(f => f.StoreAsync("proj/db", Decision, "decision", ["db", "orders"], """{"by":"team"}""", 0.8, null));
        var duplicate = await AgreeAsync(f => f.StoreAsync("proj/db-copy", Decision, null, null, null, null, "report"));
        var cliWarnings = _cli.LastError;
        var listed = await AgreeAsync(f => f.ListAsync("proj/"));
        var read = await AgreeAsync(f => f.GetAsync("proj/db"));
        var found = await AgreeAsync(f => f.SearchAsync("which database for the orders service"));
        var history = await AgreeAsync(f => f.HistoryAsync("proj/db"));
        var linked = await AgreeAsync(f => f.LinkAsync("proj/db-copy", "proj/db", "duplicates", 0.5));
        var neighbors = await AgreeAsync(f => f.NeighborsAsync("proj/db"));
        var unlinked = await AgreeAsync(f => f.UnlinkAsync("proj/db-copy", "proj/db"));
        var forgotten = await AgreeAsync(f => f.ForgetAsync("proj/db-*"));

        // Fields that must differ by face, and why: "database" is the CLI's alone (its user sees the file in use; MCP
        // does not show a model paths); "embedding_model" is the MCP server's alone (it resolves its model anyway, a
        // one-shot CLI status would load it to print a name); "database_bytes", "wal_bytes", "file_bytes" and "files"
        // measure files, which the CLI checkpoints when each command closes its store and long-lived engines do not;
        // "cached_entries" counts the process's read cache, new for every CLI command.
        var status = await AgreeAsync(f => f.StatusAsync(), "database", "embedding_model", "database_bytes", "wal_bytes", "file_bytes", "files",
            "cached_entries");

        // What was agreed on is what was meant: the values below, not only the same values everywhere.
        Assert.Equal("written", stored["action"]!.GetValue<string>());
        Assert.Equal(FaceSettings.Agent, stored["agent"]!.GetValue<string>());
        Assert.Equal("2026-11-21T09:00:00.000Z", stored["created_at"]!.GetValue<string>());
        Assert.Equal("proj/db", duplicate["duplicate"]!["key"]!.GetValue<string>());
        Assert.Equal(FaceSettings.Agent, Assert.Single(duplicate["warnings"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Contains($"warning: {duplicate["warnings"]![0]!["message"]!.GetValue<string>()}", cliWarnings, StringComparison.Ordinal);
        Assert.Equal(1, read["access_count"]!.GetValue<long>());
        Assert.Equal("proj/db", found[0]!["key"]!.GetValue<string>());
        Assert.NotNull(found[0]!["explain"]!["vector"]);
        Assert.Equal("put", Assert.Single(history.AsArray())!["change"]!.GetValue<string>());
        Assert.True(linked["created"]!.GetValue<bool>());
        Assert.Equal("in", Assert.Single(neighbors.AsArray())!["direction"]!.GetValue<string>());
        Assert.Equal(1, unlinked["removed"]!.GetValue<int>());
        Assert.Equal(["proj/db-copy"], forgotten["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.All(listed["entries"]!.AsArray(), entry => Assert.Equal(Decision, entry!["text"]!.GetValue<string>()));
        Assert.Equal(2, listed["entries"]!.AsArray().Count);
        Assert.Null(listed["next_after"]);
        Assert.Equal(1, status["live_entries"]!.GetValue<long>());
        Assert.Equal(FaceSettings.Agent, status["agent"]!.GetValue<string>());
    }

    /// <summary>Runs one operation on every face, asserts they answer the same, moves every clock a minute on.</summary>
    private async Task<JsonNode> AgreeAsync(Func<IFace, Task<JsonNode>> operation, params string[] ignored)
    {
        var answers = new List<JsonNode>();
        foreach (var face in _faces)
        {
            answers.Add(await operation(face));
        }

        foreach (var clock in _clocks)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        for (var i = 1; i < _faces.Length; i++)
        {
            var differences = JsonDifferences.Of(answers[0], answers[i], ignored);
            Assert.True(differences.Count == 0,
                $"{_faces[i].Name} differs from {_faces[0].Name}:\n{string.Join('\n', differences)}\n{_faces[0].Name}: {answers[0].ToJsonString()}\n{_faces[i].Name}: {answers[i].ToJsonString()}");
        }

        return answers[0];
    }
}
