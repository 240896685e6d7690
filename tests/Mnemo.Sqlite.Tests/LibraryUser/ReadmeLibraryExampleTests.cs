using Mnemo.Core;

// Outside Mnemo's namespaces, as a user's application is: no enclosing namespace brings Mnemo's types into scope, so this
// file compiles only if the usings the README lists (Mnemo.Core) are enough for the common path. Test helpers are named
// in full instead of imported.
#pragma warning disable IDE0130
namespace LibraryUser;
#pragma warning restore IDE0130

/// <summary>The README's library example ("The library (use from .NET)"), run as written against a temporary SQLite file.</summary>
[Trait("Issue", "14")]
public sealed class ReadmeLibraryExampleTests : IDisposable
{
    private readonly Mnemo.TestSupport.TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadmeExample_WithOnlyTheMnemoCoreUsing_StoresGetsListsSearchesLinksAndActsAsAnotherAgent()
    {
        var path = _temp.File("memory.db");

        await using var memory = await MnemoEngine.OpenAsync(new MnemoOptions { Agent = "planner" }.UseSqlite(path), Ct);
        StoreOutcome outcome = await memory.StoreAsync(new MemoryWrite { Key = "project/decisions/db", Text = "We chose SQLite", Tags = ["db"] }, Ct);
        MemoryEntry? entry = await memory.GetAsync("project/decisions/db", Ct);
        var history = await memory.GetHistoryAsync("project/decisions/db", Ct);
        var listed = new List<string>();
        await foreach (var decision in memory.ListAllAsync("project/decisions/", cancellationToken: Ct))
        {
            listed.Add($"{decision.Key}: {decision.Text}");
        }

        IReadOnlyList<SearchHit> hits = await memory.SearchAsync(
            "SQLite", new SearchFilter { Prefix = "project/", Mode = SearchMode.Hybrid }, Ct);
        await memory.StoreAsync(new MemoryWrite { Key = "project/decisions/backup", Text = "Back up the SQLite file nightly" }, Ct);
        await memory.LinkAsync("project/decisions/db", "project/decisions/backup", relation: "led-to", cancellationToken: Ct);
        var next = await memory.GetNeighborsAsync("project/decisions/db", direction: LinkDirection.Outgoing, cancellationToken: Ct);
        var worker = memory.As("worker1", session: "run-7");
        await worker.StoreAsync(new MemoryWrite { Key = "swarm-x/agent-worker1/state", Text = "indexing shard 3" }, Ct);
        var conflict = await Assert.ThrowsAsync<MnemoConflictException>(() =>
            memory.StoreAsync(new MemoryWrite { Key = "project/decisions/db", Text = "We chose Postgres", ExpectedVersion = 0 }, Ct));

        Assert.Equal(StoreAction.Written, outcome.Action);
        Assert.Equal("We chose SQLite", entry!.Text);
        Assert.Equal(["db"], entry.Tags);
        Assert.Equal(ChangeKind.Put, Assert.Single(history).Change);
        Assert.Equal(["project/decisions/db: We chose SQLite"], listed);
        Assert.Equal("project/decisions/db", hits[0].Entry.Key);
        Assert.Equal("project/decisions/backup", Assert.Single(next).Entry.Key);
        Assert.Equal("worker1", (await memory.GetAsync("swarm-x/agent-worker1/state", Ct))!.Agent);
        Assert.Equal(MnemoErrorCode.VersionConflict, conflict.ErrorCode);
        Assert.Equal(path, memory.Location);
    }

    [Fact]
    public void Readme_LibraryExample_ListsExactlyTheUsingsThisFileNeedsForMnemo()
    {
        var readme = File.ReadAllText(Mnemo.TestSupport.RepositoryFiles.Path("README.md"));
        var section = readme[readme.IndexOf("## The library (use from .NET)", StringComparison.Ordinal)..];
        var example = section[section.IndexOf("```csharp", StringComparison.Ordinal)..];
        example = example[..example.IndexOf("\n```", "```csharp".Length, StringComparison.Ordinal)];

        Assert.Equal(MnemoUsings(File.ReadAllText(ThisFile())), MnemoUsings(example));
    }

    public void Dispose() => _temp.Dispose();

    // The using directives of Mnemo's namespaces, without comments: what a reader must copy.
    private static List<string> MnemoUsings(string code) =>
    [
        .. code.Split('\n')
            .Select(line => line.Split("//")[0].Trim())
            .Where(line => line.StartsWith("using Mnemo", StringComparison.Ordinal)),
    ];

    private static string ThisFile() =>
        Mnemo.TestSupport.RepositoryFiles.Path("tests", "Mnemo.Sqlite.Tests", "LibraryUser", "ReadmeLibraryExampleTests.cs");
}
