using Mnemo.Core.Errors;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>
/// Core's messages name no flag; the CLI says each remedy (MnemoHint) as its own flag or command, so that its errors stay
/// as helpful as before ("retry with --expect-version 3").
/// </summary>
[Trait("Issue", "14")]
public sealed class ErrorHintTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(MnemoRemedy.RetryWithExpectedVersion, "retry with --expect-version 3")]
    [InlineData(MnemoRemedy.ListKeys, "check the key with 'mnemo list'")]
    [InlineData(MnemoRemedy.ListConflicts, "see 'mnemo conflicts list'")]
    [InlineData(MnemoRemedy.ListIndexContext, "see 'mnemo index-context list'")]
    [InlineData(MnemoRemedy.OverwriteFile, "choose another file or add --force to overwrite it")]
    [InlineData(MnemoRemedy.ExportToStream, "'-' for standard output")]
    [InlineData(MnemoRemedy.WaitLonger, "retry later, wait longer with --timeout, or ask the holder to release it")]
    [InlineData(MnemoRemedy.NameTheAgent, "give the agent's name with --agent or MNEMO_AGENT")]
    [InlineData(MnemoRemedy.GrantAccess, "ask an admin of the namespace to run: mnemo acl grant worker 'team/' write")]
    [InlineData(MnemoRemedy.RaiseEntryLimit, "store less, or raise it with MNEMO_MAX_ENTRY_BYTES")]
    [InlineData(MnemoRemedy.RaiseImportLineLimit, "split the line, or raise the limit with --max-line-bytes or MNEMO_IMPORT_MAX_LINE_BYTES")]
    [InlineData(MnemoRemedy.RaiseAgentQuota, "raise the quota with MNEMO_AGENT_QUOTA")]
    [InlineData(MnemoRemedy.RaiseSessionQuota, "raise the quota with MNEMO_SESSION_QUOTA")]
    [InlineData(MnemoRemedy.RaiseBusyTimeout, "retry, or raise MNEMO_BUSY_TIMEOUT")]
    [InlineData(MnemoRemedy.AcquireExclusiveLock, "acquire an exclusive lock on it ('mnemo lock acquire')")]
    [InlineData(MnemoRemedy.PassFencingToken, "only the holder can write it, passing its --fence")]
    [InlineData(MnemoRemedy.ActAsHolder, "only its holder can, with the same --agent")]
    [InlineData(MnemoRemedy.CheckStore, "run 'mnemo check'")]
    [InlineData(MnemoRemedy.RestoreBackup, "restore it with 'mnemo restore BACKUP'")]
    [InlineData(MnemoRemedy.PointDatabase, "point --db at a Mnemo database or a new file")]
    [InlineData(MnemoRemedy.ChooseAnotherDatabase, "choose another --db")]
    [InlineData(MnemoRemedy.ReindexWithEmbedder, "run 'mnemo reindex --embedder minilm' to move the store, or unset MNEMO_EMBEDDER to use builtin-hashing")]
    [InlineData(MnemoRemedy.Reindex, "run 'mnemo reindex'")]
    [InlineData(MnemoRemedy.SetEmbeddingDimensions, "set MNEMO_EMBEDDING_DIMENSIONS=384")]
    [InlineData(MnemoRemedy.EmbedderSetting, "MNEMO_EMBEDDING_API_KEY")]
    [InlineData(MnemoRemedy.UseBuiltinEmbedder, "set MNEMO_EMBEDDER=builtin-hashing to use the built-in embedder")]
    [InlineData(MnemoRemedy.SetModelDirectory, "point MNEMO_MODEL_DIR at the folder that holds Model.dll, unset it to use the copy beside mnemo")]
    public void Render_SaysTheRemedyAsTheCliFlagOrCommand(MnemoRemedy remedy, string expected) =>
        Assert.Equal(expected, CliHints.Render(SampleHints.Of(remedy)));

    [Fact]
    public void Render_CoversEveryRemedy()
    {
        var unrendered = Enum.GetValues<MnemoRemedy>().Where(remedy => CliHints.Render(SampleHints.Of(remedy)) == SampleHints.Of(remedy).Describe()).ToList();

        Assert.Empty(unrendered);
    }

    [Fact]
    public void Render_CheckOfAnotherDatabase_NamesIt() =>
        Assert.Equal("run 'mnemo --db /tmp/b.db check'", CliHints.Render(MnemoHint.CheckStore("/tmp/b.db")));

    [Theory]
    [InlineData(MnemoEmbedderSetting.Endpoint, "MNEMO_EMBEDDING_ENDPOINT")]
    [InlineData(MnemoEmbedderSetting.Model, "MNEMO_EMBEDDING_MODEL")]
    [InlineData(MnemoEmbedderSetting.Dimensions, "MNEMO_EMBEDDING_DIMENSIONS")]
    [InlineData(MnemoEmbedderSetting.Batch, "MNEMO_EMBEDDING_BATCH")]
    public void Render_EmbedderSetting_IsItsVariable(MnemoEmbedderSetting setting, string variable) =>
        Assert.Equal(variable, CliHints.Render(MnemoHint.EmbedderSetting(setting)));

    [Fact]
    public async Task Store_StaleExpectVersion_PrintsTheFlagToRetryWith()
    {
        await _cli.RunAsync("store", "a/b", "one");
        await _cli.RunAsync("store", "a/b", "two");

        var result = await _cli.RunAsync("store", "a/b", "stale", "--expect-version", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"mnemo: conflict on 'a/b': expected version 1 but it is at version 2; read it and retry with --expect-version 2{Environment.NewLine}",
            result.Error);
    }

    [Fact]
    public async Task Get_MissingKey_PrintsTheCommandToListKeys()
    {
        var result = await _cli.RunAsync("get", "a/none");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"mnemo: no entry 'a/none': check the key with 'mnemo list'{Environment.NewLine}", result.Error);
    }

    [Fact]
    public async Task Import_LineOverTheEntryLimit_PrintsTheVariableToRaiseIt()
    {
        var file = _cli.Temp.File("big.jsonl");
        await File.WriteAllTextAsync(file, $$"""
            {"key":"a/small","text":"fits"}
            {"key":"a/big","text":"{{new string('x', 200)}}"}
            """, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await MnemoCli.RunAsync(["import", file, "--db", _cli.Database], output, error,
            name => name == "MNEMO_MAX_ENTRY_BYTES" ? "100" : null, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Contains("big.jsonl line 2: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("store less, or raise it with MNEMO_MAX_ENTRY_BYTES", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error.ToString(), StringComparison.Ordinal);
    }
}
