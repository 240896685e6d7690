using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// Says Core's remedies (<see cref="MnemoHint"/>) as the MCP server's tool arguments ("retry with expected_version 3",
/// "check the key with memory_list"). A remedy no tool offers (locks, access rules, reindexing, the server's
/// configuration) is said as what the user who runs the server does: the command or environment variable, in backticks.
/// </summary>
internal static class McpHints
{
    /// <summary>The remedy as a model calling the tools applies it, or asks its user to.</summary>
    public static string Render(MnemoHint hint) => hint.Remedy switch
    {
        MnemoRemedy.RetryWithExpectedVersion => $"retry memory_store with expected_version {hint.Version}",
        MnemoRemedy.ListKeys => "check the key with memory_list",
        MnemoRemedy.ListConflicts => "the user can list them with `mnemo conflicts list`",
        MnemoRemedy.ListIndexContext => "the user can list them with `mnemo index-context list`",
        MnemoRemedy.OverwriteFile => "choose another file, or the user can overwrite it with `mnemo export --force`",
        MnemoRemedy.ExportToStream => "the user can export to standard output with `mnemo export -`",
        MnemoRemedy.WaitLonger => "retry later, or ask the holder to release it (the user can wait longer with `mnemo lock acquire --timeout`)",
        MnemoRemedy.NameTheAgent => $"the user can start the server with an agent name (`mnemo mcp --agent NAME` or {MnemoPaths.AgentVariable})",
        MnemoRemedy.GrantAccess =>
            $"ask an admin of the namespace to run `mnemo acl grant {hint.Agent} {UserValue.Quote(hint.Prefix)} {hint.RightName}`",
        MnemoRemedy.RaiseEntryLimit => $"store less, or the user can raise the limit with {MnemoOptions.MaxEntryBytesVariable}",
        MnemoRemedy.RaiseImportLineLimit =>
            $"split the line, or the user can raise the limit with `mnemo import --max-line-bytes` or {MnemoOptions.MaxImportLineBytesVariable}",
        MnemoRemedy.RaiseAgentQuota => $"the user can raise the quota with {MnemoOptions.AgentQuotaVariable}",
        MnemoRemedy.RaiseSessionQuota => $"the user can raise the quota with {MnemoOptions.SessionQuotaVariable}",
        MnemoRemedy.RaiseBusyTimeout => $"retry the call, or the user can raise {MnemoOptions.BusyTimeoutVariable}",
        MnemoRemedy.AcquireExclusiveLock => "acquire an exclusive lock on it (`mnemo lock acquire`)",
        MnemoRemedy.PassFencingToken => "only the holder can write it, with its fencing token (`mnemo store --fence`)",
        MnemoRemedy.ActAsHolder => "only its holder can, as the same agent (`mnemo --agent`)",
        MnemoRemedy.CheckStore => hint.Database is null ? "the user can run `mnemo check`" : $"the user can run `mnemo --db {hint.Database} check`",
        MnemoRemedy.RestoreBackup => "the user can restore it with `mnemo restore BACKUP`",
        MnemoRemedy.PointDatabase => "the user can start the server with --db at a Mnemo database or a new file",
        MnemoRemedy.ChooseAnotherDatabase => "the user can start the server with another --db",
        MnemoRemedy.ReindexWithEmbedder =>
            $"the user can run `mnemo reindex --embedder {hint.Embedder}` to move the store, or start the server without {EmbedderSettings.EmbedderVariable} to use {hint.CurrentEmbedder}",
        MnemoRemedy.Reindex => "the user can run `mnemo reindex`",
        MnemoRemedy.SetEmbeddingDimensions => $"the user can set {EmbedderSettings.DimensionsVariable}={hint.Dimensions}",
        MnemoRemedy.EmbedderSetting => $"the server's {VariableOf(hint.Setting)}",
        MnemoRemedy.UseBuiltinEmbedder =>
            $"the user can start the server with {EmbedderSettings.EmbedderVariable}={EmbedderSettings.BuiltinHashing} to use the built-in embedder",
        MnemoRemedy.SetModelDirectory =>
            $"the user can point MNEMO_MODEL_DIR at the folder that holds {hint.FileName}, or unset it to use the copy beside mnemo",
        _ => hint.Describe(),
    };

    private static string VariableOf(MnemoEmbedderSetting? setting) => setting switch
    {
        MnemoEmbedderSetting.Endpoint => EmbedderSettings.EndpointVariable,
        MnemoEmbedderSetting.Model => EmbedderSettings.ModelVariable,
        MnemoEmbedderSetting.ApiKey => EmbedderSettings.ApiKeyVariable,
        MnemoEmbedderSetting.Dimensions => EmbedderSettings.DimensionsVariable,
        _ => EmbedderSettings.BatchVariable,
    };
}
