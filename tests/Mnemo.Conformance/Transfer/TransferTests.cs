using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Entries;
using Mnemo.Core.Transfer;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Transfer;

public abstract class TransferTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task ExportThenImport_IntoEmptyStore_RoundTripsEveryField()
    {
        await Engine.StoreAsync(new MemoryWrite
        {
            Key = "p/full",
            Text = "line one\nline two \"quoted\" ünïcode",
            Value = JsonDocument.Parse("""{"n":[1,2.5,null],"ok":true}""").RootElement,
            Kind = "decision",
            Tags = ["a", "b"],
            Metadata = JsonDocument.Parse("""{"source":"chat"}""").RootElement,
            Importance = 0.25,
            Agent = "writer",
            TimeToLive = TimeSpan.FromDays(3),
        }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/full", Text = "second version" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "p/large", Text = new string('x', 10_000) }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "root-level", Text = "", Value = JsonDocument.Parse("42").RootElement }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Engine.GetAsync("p/large", Ct);
        var exportFile = Temp.File("export.jsonl");
        await using (var stream = File.Create(exportFile))
        {
            Assert.Equal(3, (await Engine.ExportAsync(stream, Ct)).Entries);
        }

        await using var copy = await OpenOtherStoreAsync("copy");
        var result = await copy.ImportAsync(exportFile, cancellationToken: Ct);
        var reExportFile = Temp.File("reexport.jsonl");
        await using (var stream = File.Create(reExportFile))
        {
            await copy.ExportAsync(stream, Ct);
        }

        Assert.Equal(3, result.Imported);
        Assert.Equal(await File.ReadAllTextAsync(exportFile, Ct), await File.ReadAllTextAsync(reExportFile, Ct));
        var imported = await copy.GetVersionAsync("p/full", 2, Ct);
        Assert.Equal("second version", imported!.Text);
        Assert.Equal(1, (await copy.ListAsync("p/large", cancellationToken: Ct)).Entries[0].AccessCount);
    }

    [Fact]
    public async Task Import_MinimalLines_UseDefaults()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"conv/1/turn-1","text":"I like green tea"}""",
            "",
            """{"key":"conv/1/turn-2","text":"Noted","kind":"episodic","tags":["pref"],"metadata":{"speaker":"bot"},"namespace":"conv/1","value":{"x":1}}""",
        ], Ct);

        var result = await Engine.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal(2, result.Imported);
        var second = await Engine.GetAsync("conv/1/turn-2", Ct);
        Assert.Equal("episodic", second!.Kind);
        Assert.Equal(["pref"], second.Tags);
        Assert.Equal(EntryDefaults.Kind, (await Engine.GetAsync("conv/1/turn-1", Ct))!.Kind);
    }

    [Theory]
    [InlineData("""{"key":"a/b","text":"ok"}""", """{"key":"a/c"}""", "\"text\" is missing")]
    [InlineData("""{"key":"a/b","text":"ok"}""", """{"key":"a b","text":"x"}""", "contains ' '")]
    [InlineData("""{"key":"a/b","text":"ok"}""", """not json""", "not valid JSON")]
    [InlineData("""{"key":"a/b","text":"ok"}""", """{"key":"a/c","text":"x","namespace":"z"}""", "namespace")]
    [InlineData("""{"key":"a/b","text":"ok"}""", """{"key":"a/c","text":"x","tags":"one"}""", "tags")]
    [InlineData("""{"key":"a/b","text":"ok"}""", """{"key":"a/c","text":"x","importance":7}""", "importance")]
    public async Task Import_BadLine_ReportsItsNumberAndWritesNothing(string goodLine, string badLine, string expected)
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, [goodLine, "", badLine], Ct);

        var error = await Assert.ThrowsAsync<MnemoImportException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Equal(3, error.Errors[0].Line);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Engine.GetStatusAsync(Ct)).Store.LiveEntries);
    }

    [Fact]
    public async Task Import_ExistingKey_BecomesANewVersion()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "local" }, Ct);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"key":"a/b","text":"imported","version":9}"""], Ct);

        await Engine.ImportAsync(file, cancellationToken: Ct);

        var entry = await Engine.GetAsync("a/b", Ct);
        Assert.Equal(2, entry!.Version);
        Assert.Equal("imported", entry.Text);
    }

    [Fact]
    public async Task Import_ManyLines_WritesInBatchesAndReportsProgress()
    {
        await using var engine = await OpenAsync(options => options.ImportBatchSize = 100);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 250).Select(i => $$"""{"key":"bulk/{{i:D4}}","text":"entry {{i}}"}"""), Ct);
        var reports = new List<long>();

        var result = await engine.ImportAsync(file, new SynchronousProgress(p => reports.Add(p.Written)), Ct);

        Assert.Equal(250, result.Imported);
        Assert.Equal(3, result.Batches);
        Assert.Equal([100L, 200, 250], reports);
    }

    [Fact]
    public async Task BackupThenRestore_BringsBackTheBackedUpState()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/kept", Text = "before backup" }, Ct);
        var backup = Temp.File("backup.db");
        await Engine.BackupAsync(backup, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/kept", Text = "after backup" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/new", Text = "after backup" }, Ct);

        await Engine.RestoreAsync(backup, Ct);

        Assert.Equal("before backup", (await Engine.GetAsync("a/kept", Ct))!.Text);
        Assert.Null(await Engine.GetAsync("a/new", Ct));
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task Restore_ByAnotherEngine_InvalidatesThisEnginesCache()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "old" }, Ct);
        var backup = Temp.File("backup.db");
        await Engine.BackupAsync(backup, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "new" }, Ct);
        Assert.Equal("new", (await Engine.GetAsync("a/x", Ct))!.Text);

        await using (var other = await OpenAsync())
        {
            await other.RestoreAsync(backup, Ct);
        }

        Assert.Equal("old", (await Engine.GetAsync("a/x", Ct))!.Text);
    }

    [Fact]
    public async Task Backup_TargetExists_IsRefused()
    {
        var backup = Temp.File("backup.db");
        await File.WriteAllTextAsync(backup, "keep me", Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.BackupAsync(backup, Ct));

        Assert.Equal(MnemoErrorCode.AlreadyExists, error.ErrorCode);
        Assert.Equal("keep me", await File.ReadAllTextAsync(backup, Ct));
    }

    [Fact]
    public async Task Restore_FileThatIsNotABackup_IsRefusedAndChangesNothing()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/x", Text = "precious" }, Ct);
        var bogus = Temp.File("bogus.db");
        await File.WriteAllTextAsync(bogus, new string('x', 8192), Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RestoreAsync(bogus, Ct));

        Assert.True(error.IsCallerError);
        Assert.Equal("precious", (await Engine.GetAsync("a/x", Ct))!.Text);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
