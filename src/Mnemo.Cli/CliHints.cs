using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;
using Mnemo.Embeddings.Onnx;

namespace Mnemo.Cli;

/// <summary>
/// Says Core's remedies (<see cref="MnemoHint"/>) as the CLI's flags, commands and environment variables, so that
/// "retry expecting version 3" in the engine's words reads "retry with --expect-version 3" on the command line.
/// </summary>
internal static class CliHints
{
    /// <summary>The remedy as a command-line user applies it.</summary>
    public static string Render(MnemoHint hint) => hint.Remedy switch
    {
        MnemoRemedy.RetryWithExpectedVersion => $"retry with --expect-version {hint.Version}",
        MnemoRemedy.ListKeys => "check the key with 'mnemo list'",
        MnemoRemedy.ListConflicts => "see 'mnemo conflicts list'",
        MnemoRemedy.ListIndexContext => "see 'mnemo index-context list'",
        MnemoRemedy.OverwriteFile => "choose another file or add --force to overwrite it",
        MnemoRemedy.ExportToStream => "'-' for standard output",
        MnemoRemedy.WaitLonger => "retry later, wait longer with --timeout, or ask the holder to release it",
        MnemoRemedy.NameTheAgent => $"give the agent's name with --agent or {MnemoPaths.AgentVariable}",
        MnemoRemedy.GrantAccess =>
            $"ask an admin of the namespace to run: mnemo acl grant {hint.Agent} {UserValue.Quote(hint.Prefix)} {hint.RightName}",
        MnemoRemedy.RaiseEntryLimit => $"store less, or raise it with {MnemoOptions.MaxEntryBytesVariable}",
        MnemoRemedy.RaiseImportLineLimit =>
            $"split the line, or raise the limit with --max-line-bytes or {MnemoOptions.MaxImportLineBytesVariable}",
        MnemoRemedy.RaiseAgentQuota => $"raise the quota with {MnemoOptions.AgentQuotaVariable}",
        MnemoRemedy.RaiseSessionQuota => $"raise the quota with {MnemoOptions.SessionQuotaVariable}",
        MnemoRemedy.RaiseBusyTimeout => $"retry, or raise {MnemoOptions.BusyTimeoutVariable}",
        MnemoRemedy.AcquireExclusiveLock => "acquire an exclusive lock on it ('mnemo lock acquire')",
        MnemoRemedy.PassFencingToken => "only the holder can write it, passing its --fence",
        MnemoRemedy.ActAsHolder => "only its holder can, with the same --agent",
        MnemoRemedy.CheckStore => hint.Database is null ? "run 'mnemo check'" : $"run 'mnemo --db {hint.Database} check'",
        MnemoRemedy.RestoreBackup => "restore it with 'mnemo restore BACKUP'",
        MnemoRemedy.PointDatabase => "point --db at a Mnemo database or a new file",
        MnemoRemedy.ChooseAnotherDatabase => "choose another --db",
        MnemoRemedy.ReindexWithEmbedder =>
            $"run 'mnemo reindex --embedder {hint.Embedder}' to move the store, or unset {EmbedderSettings.EmbedderVariable} to use {hint.CurrentEmbedder}",
        MnemoRemedy.Reindex => "run 'mnemo reindex'",
        MnemoRemedy.SetEmbeddingDimensions => $"set {EmbedderSettings.DimensionsVariable}={hint.Dimensions}",
        MnemoRemedy.EmbedderSetting => VariableOf(hint.Setting),
        MnemoRemedy.UseBuiltinEmbedder => $"set {EmbedderSettings.EmbedderVariable}={EmbedderSettings.BuiltinHashing} to use the built-in embedder",
        MnemoRemedy.SetModelDirectory =>
            $"point {OnnxEmbedderOptions.ModelDirectoryVariable} at the folder that holds {hint.FileName}, unset it to use the copy beside mnemo",
        _ => hint.Describe(),
    };

    /// <summary>The environment variable of an embedding endpoint's setting.</summary>
    public static string VariableOf(MnemoEmbedderSetting? setting) => setting switch
    {
        MnemoEmbedderSetting.Endpoint => EmbedderSettings.EndpointVariable,
        MnemoEmbedderSetting.Model => EmbedderSettings.ModelVariable,
        MnemoEmbedderSetting.ApiKey => EmbedderSettings.ApiKeyVariable,
        MnemoEmbedderSetting.Dimensions => EmbedderSettings.DimensionsVariable,
        _ => EmbedderSettings.BatchVariable,
    };
}
