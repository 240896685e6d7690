using Mnemo.Core.Time;
using Mnemo.Core.Transfer;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Transfer;

/// <summary>Links in JSONL export and import: written after the entries, checked with them, restored after them.</summary>
public sealed class LinkTransferTests : EngineTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var key in (string[])["kb/db", "kb/wal", "kb/backup"])
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = $"note {key}" }, Ct);
        }
    }

    [Fact]
    public async Task Export_WritesOneLinkLinePerLink_AfterTheEntries()
    {
        await using var agent = await OpenAsync(options => options.Agent = "linker");
        await agent.LinkAsync("kb/db", "kb/wal", "uses", 0.8, Ct);
        var file = Temp.File("out.jsonl");

        ExportResult result;
        await using (var stream = File.Create(file))
        {
            result = await Engine.ExportAsync(stream, Ct);
        }

        var lines = await File.ReadAllLinesAsync(file, Ct);
        Assert.Equal(new ExportResult(3, 1), result);
        Assert.Equal(4, lines.Length);
        Assert.All(lines[..3], line => Assert.StartsWith("""{"key":""", line, StringComparison.Ordinal));
        Assert.Equal(
            $$$"""{"link":{"from":"kb/db","to":"kb/wal","relation":"uses","weight":0.8,"agent":"linker","created_at":"{{{Timestamps.Format(Clock.GetUtcNow())}}}"}}""",
            lines[3]);
    }

    [Fact]
    public async Task Export_LeavesOutLinksToEntriesThatAreNotCurrent()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "kb/brief", Text = "short-lived", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        await Engine.LinkAsync("kb/db", "kb/wal", cancellationToken: Ct);
        await Engine.LinkAsync("kb/db", "kb/backup", cancellationToken: Ct);
        await Engine.LinkAsync("kb/brief", "kb/db", cancellationToken: Ct);
        await Engine.ForgetAsync("kb/backup", cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var file = Temp.File("out.jsonl");

        ExportResult result;
        await using (var stream = File.Create(file))
        {
            result = await Engine.ExportAsync(stream, Ct);
        }

        Assert.Equal(new ExportResult(2, 1), result);
        Assert.Contains("""{"link":{"from":"kb/db","to":"kb/wal",""", await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportThenImport_IntoEmptyStore_GivesBackTheSameEntriesAndLinks()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", 0.8, Ct);
        await Engine.LinkAsync("kb/db", "kb/wal", "related", 0.3, Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var agent = await OpenAsync(options => options.Agent = "linker"))
        {
            await agent.LinkAsync("kb/backup", "kb/db", "caused_by", 1, Ct);
        }

        var exportFile = await ExportAsync(Engine, "export.jsonl");

        await using var copy = await TestEngines.OpenAsync(Temp.File("copy.db"), Clock);
        var result = await copy.ImportAsync(exportFile, cancellationToken: Ct);
        var reExportFile = await ExportAsync(copy, "reexport.jsonl");

        Assert.Equal(3, result.Imported);
        Assert.Equal(3, result.Links);
        Assert.Equal(6, result.Lines);
        var exported = await File.ReadAllLinesAsync(exportFile, Ct);
        Assert.Equal(3, exported.Count(line => line.StartsWith("""{"link":""", StringComparison.Ordinal)));
        Assert.Equal(exported, await File.ReadAllLinesAsync(reExportFile, Ct));

        // Each neighbour once, reached by its strongest link.
        var neighbors = await copy.GetNeighborsAsync("kb/db", cancellationToken: Ct);
        Assert.Equal(
            [("kb/backup", "caused_by", 1.0, "linker"), ("kb/wal", "uses", 0.8, null)],
            neighbors.Select(n => (n.Entry.Key, n.Link.Relation, n.Link.Weight, n.Link.Agent)).ToList());
    }

    [Fact]
    public async Task Import_SameFileTwice_DoesNotDuplicateLinks()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", 0.8, Ct);
        await Engine.LinkAsync("kb/wal", "kb/backup", cancellationToken: Ct);
        var exportFile = await ExportAsync(Engine, "export.jsonl");
        await using var copy = await TestEngines.OpenAsync(Temp.File("copy.db"), Clock);

        await copy.ImportAsync(exportFile, cancellationToken: Ct);
        var again = await copy.ImportAsync(exportFile, cancellationToken: Ct);

        Assert.Equal(2, again.Links);
        var reExport = await File.ReadAllLinesAsync(await ExportAsync(copy, "reexport.jsonl"), Ct);
        Assert.Equal(2, reExport.Count(line => line.StartsWith("""{"link":""", StringComparison.Ordinal)));
        Assert.Single(await copy.GetNeighborsAsync("kb/db", cancellationToken: Ct));
    }

    [Fact]
    public async Task Import_ExistingLink_TakesTheWeightFromTheFile()
    {
        await Engine.LinkAsync("kb/db", "kb/wal", "uses", 0.2, Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"link":{"from":"kb/db","to":"kb/wal","relation":"uses","weight":0.9}}"""], Ct);

        var result = await Engine.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal(1, result.Links);
        var neighbor = Assert.Single(await Engine.GetNeighborsAsync("kb/db", cancellationToken: Ct));
        Assert.Equal(0.9, neighbor.Link.Weight);
    }

    [Fact]
    public async Task Import_LinkToAnEntryOfTheStore_IsWritten()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"new/note","text":"imported"}""",
            """{"link":{"from":"new/note","to":"kb/db","relation":"part_of"}}""",
        ], Ct);

        await Engine.ImportAsync(file, cancellationToken: Ct);

        var neighbor = Assert.Single(await Engine.GetNeighborsAsync("new/note", cancellationToken: Ct));
        Assert.Equal(("kb/db", "part_of", 1.0), (neighbor.Entry.Key, neighbor.Link.Relation, neighbor.Link.Weight));
    }

    [Fact]
    public async Task Import_LinkLineBeforeItsEntries_IsWrittenAfterThem()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"link":{"from":"new/a","to":"new/b"}}""",
            """{"key":"new/a","text":"first"}""",
            """{"key":"new/b","text":"second"}""",
        ], Ct);

        var result = await Engine.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal((2L, 1L), (result.Imported, result.Links));
        Assert.Equal("new/b", Assert.Single(await Engine.GetNeighborsAsync("new/a", cancellationToken: Ct)).Entry.Key);
    }

    [Fact]
    public async Task Import_ManyLinks_WritesThemInBatchesAfterTheEntries()
    {
        await using var engine = await OpenAsync(options => options.ImportBatchSize = 2);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
            Enumerable.Range(0, 3).Select(i => $$"""{"key":"bulk/{{i}}","text":"entry {{i}}"}""")
                .Concat(Enumerable.Range(0, 3).Select(i => $$$"""{"link":{"from":"bulk/{{{i}}}","to":"kb/db"}}""")), Ct);

        var result = await engine.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal((3L, 3L, 4), (result.Imported, result.Links, result.Batches));
        Assert.Equal(3, (await engine.GetNeighborsAsync("kb/db", direction: LinkDirection.Incoming, cancellationToken: Ct)).Count);
    }

    [Theory]
    [InlineData("""{"link":{"from":"new/a","to":"new/a"}}""", "to itself")]
    [InlineData("""{"link":{"from":"new/a","to":"kb/db","weight":2}}""", "outside 0..1")]
    [InlineData("""{"link":{"from":"new/a"}}""", "\"to\" is missing")]
    [InlineData("""{"link":{"from":"new/a","to":"kb/db","relation":"not ok"}}""", "relation 'not ok' is not valid")]
    [InlineData("""{"link":[]}""", "must be an object")]
    public async Task Import_BadLinkLine_ReportsItsNumberAndWritesNothing(string badLine, string expected)
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"new/a","text":"fine"}""", "", badLine], Ct);

        var error = await Assert.ThrowsAsync<MnemoImportException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Equal(3, Assert.Single(error.Errors).Line);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("new/a", Ct));
    }

    [Fact]
    public async Task Import_LinkToAKeyInNeitherFileNorStore_FailsNamingTheKeyAndWritesNothing()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "kb/brief", Text = "short-lived", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"new/a","text":"fine"}""",
            """{"link":{"from":"new/a","to":"kb/db"}}""",
            """{"link":{"from":"new/a","to":"kb/nowhere"}}""",
            """{"link":{"from":"kb/brief","to":"new/a"}}""",
        ], Ct);

        var error = await Assert.ThrowsAsync<MnemoImportException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal([3L, 4L], error.Errors.Select(e => e.Line));
        Assert.Contains("\"to\" is 'kb/nowhere'", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"from\" is 'kb/brief'", error.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("in.jsonl line 3: ", error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("new/a", Ct));
        Assert.Empty(await Engine.GetNeighborsAsync("kb/db", cancellationToken: Ct));
    }

    private async Task<string> ExportAsync(MnemoEngine engine, string name)
    {
        var file = Temp.File(name);
        await using var stream = File.Create(file);
        await engine.ExportAsync(stream, Ct);
        return file;
    }
}
