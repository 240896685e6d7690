using System.Text;
using Mnemo.Core.Entries;
using Mnemo.Core.Transfer;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Transfer;

/// <summary>Bounds an import keeps: versions (issue 13, item 6), line length (item 11), and what an interrupted import says (item 12).</summary>
[Trait("Issue", "13")]
public sealed class ImportLimitTests : EngineTestBase
{
    [Fact]
    public async Task Import_VersionAboveTheMaximum_IsRefusedByLine()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"key":"v/ok","text":"fine","version":3}""",
            """{"key":"v/huge","text":"x","version":9223372036854775807}""",
        ], Ct);

        var error = await Assert.ThrowsAsync<MnemoImportException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(2, error.Errors[0].Line);
        Assert.Contains("\"version\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(EntryDefaults.MaxVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("v/ok", Ct));
    }

    [Fact]
    public async Task Store_AfterTheMaximumVersion_IsRefusedInsteadOfWrapping()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, [$$"""{"key":"v/top","text":"at the top","version":{{EntryDefaults.MaxVersion}}}"""], Ct);
        await Engine.ImportAsync(file, cancellationToken: Ct);

        var store = await Assert.ThrowsAsync<MnemoException>(() => Engine.StoreAsync(new MemoryWrite { Key = "v/top", Text = "one more" }, Ct));
        var forget = await Assert.ThrowsAsync<MnemoException>(() => Engine.ForgetAsync("v/top", cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, store.ErrorCode);
        Assert.Contains("'v/top'", store.Message, StringComparison.Ordinal);
        Assert.Contains("another key", store.Message, StringComparison.Ordinal);
        Assert.Equal(MnemoErrorCode.InvalidInput, forget.ErrorCode);
        var entry = await Engine.GetAsync("v/top", Ct);
        Assert.Equal(EntryDefaults.MaxVersion, entry!.Version);
        Assert.Equal("at the top", entry.Text);
        Assert.True((await Engine.CheckAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task Import_LineLongerThanTheLimit_StopsNamingLineAndSettingAndWritesNothing()
    {
        await using var engine = await OpenAsync(o => o.MaxImportLineBytes = 64 * 1024);
        var file = Temp.File("in.jsonl");

        // A second "line" of 1 MiB with no line break, as a file with no newline at all would be: 16 times the limit.
        await using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("""{"key":"l/ok","text":"fine"}""");
            await writer.WriteAsync("{\"key\":\"l/long\",\"text\":\"");
            await writer.WriteAsync(new string('x', 1 << 20));
        }

        var error = await Assert.ThrowsAsync<MnemoException>(() => engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("65,536 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxImportLineBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise the limit on import line length", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error.Message, StringComparison.Ordinal);
        Assert.Null(await engine.GetAsync("l/ok", Ct));
    }

    [Fact]
    public async Task Import_LineJustWithinTheLimit_IsRead()
    {
        var line = $$"""{"key":"l/edge","text":"{{new string('y', 1000)}}"}""";
        await using var engine = await OpenAsync(o => o.MaxImportLineBytes = Encoding.UTF8.GetByteCount(line));
        var file = Temp.File("in.jsonl");
        await File.WriteAllTextAsync(file, line + "\r\n" + """{"key":"l/next","text":"after a CRLF"}""", Ct);

        var result = await engine.ImportAsync(file, cancellationToken: Ct);

        Assert.Equal(2, result.Imported);
        Assert.Equal(1000, (await engine.GetAsync("l/edge", Ct))!.Text.Length);
    }

    [Fact]
    public async Task Import_Utf16File_IsRefusedAskingForUtf8()
    {
        var file = Temp.File("in.jsonl");
        await File.WriteAllTextAsync(file, """{"key":"l/1","text":"fine"}""", Encoding.Unicode, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CancelledAfterABatchCommitted_SaysWhatWasWrittenAndWhatWasNot()
    {
        await using var engine = await OpenAsync(o => o.ImportBatchSize = 2);
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 6).Select(i => $$"""{"key":"c/{{i}}","text":"entry {{i}}"}"""), Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var error = await Assert.ThrowsAsync<ImportInterruptedException>(() =>
            engine.ImportAsync(file, new CancelAfterFirstBatch(cancel), cancel.Token));

        Assert.Equal(2, error.EntriesWritten);
        Assert.Equal(1, error.Batches);
        Assert.Contains("2 entries (the entry lines up to line 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the rest of the file was not", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await engine.GetAsync("c/2", Ct));
        Assert.Null(await engine.GetAsync("c/3", Ct));
    }

    [Fact]
    public async Task Import_StoppedByAQuotaAfterABatchCommitted_SaysWhatWasWritten()
    {
        await using var engine = await OpenAsync(o => (o.Agent, o.AgentQuotaBytes, o.ImportBatchSize) = ("ann", 1000, 1));
        var file = Temp.File("in.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 3).Select(i => $$"""{"key":"q/{{i}}","text":"{{new string('q', 400)}}"}"""), Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => engine.ImportAsync(file, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.QuotaExceeded, error.ErrorCode);
        Assert.Contains("2 entries (the entry lines up to line 2) were written in 2 transactions", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await engine.GetAsync("q/2", Ct));
        Assert.Null(await engine.GetAsync("q/3", Ct));
    }

    [Fact]
    public async Task Import_Directory_IsRefusedAsADirectory()
    {
        var directory = Temp.File("a-directory");
        Directory.CreateDirectory(directory);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.ImportAsync(directory, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    private sealed class CancelAfterFirstBatch(CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => cancel.Cancel();
    }
}
