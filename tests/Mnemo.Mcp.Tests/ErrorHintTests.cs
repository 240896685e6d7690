using Mnemo.Core;
using Mnemo.Core.Errors;
using Mnemo.Mcp.Protocol;
using Mnemo.TestSupport;

namespace Mnemo.Mcp.Tests;

/// <summary>
/// Core's messages name no CLI flag; the server says each remedy (MnemoHint) as its tool arguments, or, where no tool
/// offers it, as what the user who runs the server does.
/// </summary>
[Trait("Issue", "14")]
public sealed class ErrorHintTests : McpTestBase
{
    [Theory]
    [InlineData(MnemoRemedy.RetryWithExpectedVersion, "retry memory_store with expected_version 3")]
    [InlineData(MnemoRemedy.ListKeys, "check the key with memory_list")]
    [InlineData(MnemoRemedy.ListConflicts, "the user can list them with `mnemo conflicts list`")]
    [InlineData(MnemoRemedy.ListIndexContext, "the user can list them with `mnemo index-context list`")]
    [InlineData(MnemoRemedy.OverwriteFile, "choose another file, or the user can overwrite it with `mnemo export --force`")]
    [InlineData(MnemoRemedy.ExportToStream, "the user can export to standard output with `mnemo export -`")]
    [InlineData(MnemoRemedy.WaitLonger, "retry later, or ask the holder to release it (the user can wait longer with `mnemo lock acquire --timeout`)")]
    [InlineData(MnemoRemedy.NameTheAgent, "the user can start the server with an agent name (`mnemo mcp --agent NAME` or MNEMO_AGENT)")]
    [InlineData(MnemoRemedy.GrantAccess, "ask an admin of the namespace to run `mnemo acl grant worker 'team/' write`")]
    [InlineData(MnemoRemedy.RaiseEntryLimit, "store less, or the user can raise the limit with MNEMO_MAX_ENTRY_BYTES")]
    [InlineData(MnemoRemedy.RaiseImportLineLimit, "split the line, or the user can raise the limit with `mnemo import --max-line-bytes` or MNEMO_IMPORT_MAX_LINE_BYTES")]
    [InlineData(MnemoRemedy.RaiseAgentQuota, "the user can raise the quota with MNEMO_AGENT_QUOTA")]
    [InlineData(MnemoRemedy.RaiseSessionQuota, "the user can raise the quota with MNEMO_SESSION_QUOTA")]
    [InlineData(MnemoRemedy.RaiseBusyTimeout, "retry the call, or the user can raise MNEMO_BUSY_TIMEOUT")]
    [InlineData(MnemoRemedy.AcquireExclusiveLock, "acquire an exclusive lock on it (`mnemo lock acquire`)")]
    [InlineData(MnemoRemedy.PassFencingToken, "only the holder can write it, with its fencing token (`mnemo store --fence`)")]
    [InlineData(MnemoRemedy.ActAsHolder, "only its holder can, as the same agent (`mnemo --agent`)")]
    [InlineData(MnemoRemedy.CheckStore, "the user can run `mnemo check`")]
    [InlineData(MnemoRemedy.RestoreBackup, "the user can restore it with `mnemo restore BACKUP`")]
    [InlineData(MnemoRemedy.PointDatabase, "the user can start the server with --db at a Mnemo database or a new file")]
    [InlineData(MnemoRemedy.ChooseAnotherDatabase, "the user can start the server with another --db")]
    [InlineData(MnemoRemedy.ReindexWithEmbedder, "the user can run `mnemo reindex --embedder minilm` to move the store, or start the server without MNEMO_EMBEDDER to use builtin-hashing")]
    [InlineData(MnemoRemedy.Reindex, "the user can run `mnemo reindex`")]
    [InlineData(MnemoRemedy.SetEmbeddingDimensions, "the user can set MNEMO_EMBEDDING_DIMENSIONS=384")]
    [InlineData(MnemoRemedy.EmbedderSetting, "the server's MNEMO_EMBEDDING_API_KEY")]
    [InlineData(MnemoRemedy.UseBuiltinEmbedder, "the user can start the server with MNEMO_EMBEDDER=builtin-hashing to use the built-in embedder")]
    [InlineData(MnemoRemedy.SetModelDirectory, "the user can point MNEMO_MODEL_DIR at the folder that holds Model.dll, or unset it to use the copy beside mnemo")]
    public void Render_SaysTheRemedyAsTheToolArgumentOrTheUsersCommand(MnemoRemedy remedy, string expected) =>
        Assert.Equal(expected, McpHints.Render(SampleHints.Of(remedy)));

    [Fact]
    public void Render_CoversEveryRemedy()
    {
        var unrendered = Enum.GetValues<MnemoRemedy>().Where(remedy => McpHints.Render(SampleHints.Of(remedy)) == SampleHints.Of(remedy).Describe()).ToList();

        Assert.Empty(unrendered);
    }

    [Fact]
    public async Task Store_StaleExpectedVersion_SaysTheArgumentToRetryWith()
    {
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "one"}""");
        await CallOkAsync("memory_store", """{"key": "notes/a", "text": "two"}""");

        var message = await CallErrorAsync("memory_store", """{"key": "notes/a", "text": "stale", "expected_version": 1}""");

        Assert.Equal("conflict on 'notes/a': expected version 1 but it is at version 2; read it and retry memory_store with expected_version 2", message);
    }

    [Fact]
    public void Describe_StoreFailure_SaysItsRemediesWithoutItsMessage()
    {
        var failure = new MnemoException(MnemoErrorCode.Corrupt,
            MnemoMessage.Of($"database '/home/u/.mnemo/memory.db' is damaged: {SampleHints.Of(MnemoRemedy.RestoreBackup)}"));

        Assert.Equal("the store failed (Corrupt): the user can restore it with `mnemo restore BACKUP`", ToolErrors.Describe(failure));
    }

    [Fact]
    public void Describe_StoreFailureWithoutRemedy_SaysToTryAgainThenCheck() =>
        Assert.Equal("the store failed (StorageFailure): try again; if it keeps failing, the user can run `mnemo check`",
            ToolErrors.Describe(new MnemoException(MnemoErrorCode.StorageFailure, "I/O error on database '/tmp/x.db'")));

    [Fact]
    public void Describe_Busy_SaysTheTimeoutTheUserCanRaise() =>
        Assert.Equal("the store is busy with another writer: retry the call, or the user can raise MNEMO_BUSY_TIMEOUT",
            ToolErrors.Describe(new MnemoException(MnemoErrorCode.Busy,
                MnemoMessage.Of($"database '/tmp/x.db' stayed locked for 30s: {SampleHints.Of(MnemoRemedy.RaiseBusyTimeout)}"))));

    [Fact]
    public void Describe_EmbedderFailure_IsTheMessageWithTheServersSetting() =>
        Assert.Equal("could not reach the embedding endpoint http://localhost:9/v1: connection refused; check the server's MNEMO_EMBEDDING_API_KEY",
            ToolErrors.Describe(new MnemoException(MnemoErrorCode.EmbedderFailed,
                MnemoMessage.Of($"could not reach the embedding endpoint http://localhost:9/v1: connection refused; check {SampleHints.Of(MnemoRemedy.EmbedderSetting)}"))));
}
