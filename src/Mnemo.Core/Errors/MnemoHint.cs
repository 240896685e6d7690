using Mnemo.Core.Coordination;

namespace Mnemo.Core.Errors;

/// <summary>
/// The remedy of a failure as data: which one (<see cref="Remedy"/>) and the values it needs (a version, an embedder, an
/// agent...). Each face renders it in its own terms (the CLI as a flag or command, the MCP server as a tool argument);
/// <see cref="Describe"/> says it in the engine's words, as <see cref="Exception.Message"/> does.
/// </summary>
/// <param name="Remedy">Which remedy.</param>
public sealed record MnemoHint(MnemoRemedy Remedy)
{
    /// <summary>The version to expect (<see cref="MnemoRemedy.RetryWithExpectedVersion"/>).</summary>
    public long? Version { get; init; }

    /// <summary>The agent to grant a right (<see cref="MnemoRemedy.GrantAccess"/>).</summary>
    public string? Agent { get; init; }

    /// <summary>The key prefix of the right (<see cref="MnemoRemedy.GrantAccess"/>).</summary>
    public string? Prefix { get; init; }

    /// <summary>The right to grant (<see cref="MnemoRemedy.GrantAccess"/>).</summary>
    public AccessRight? Right { get; init; }

    /// <summary>The embedder to reindex with (<see cref="MnemoRemedy.ReindexWithEmbedder"/>).</summary>
    public string? Embedder { get; init; }

    /// <summary>The store's own embedder (<see cref="MnemoRemedy.ReindexWithEmbedder"/>).</summary>
    public string? CurrentEmbedder { get; init; }

    /// <summary>The dimensions to configure (<see cref="MnemoRemedy.SetEmbeddingDimensions"/>).</summary>
    public int? Dimensions { get; init; }

    /// <summary>The setting named (<see cref="MnemoRemedy.EmbedderSetting"/>).</summary>
    public MnemoEmbedderSetting? Setting { get; init; }

    /// <summary>Another database than the open one to check (<see cref="MnemoRemedy.CheckStore"/>; null: the open store).</summary>
    public string? Database { get; init; }

    /// <summary>The model file the directory must hold (<see cref="MnemoRemedy.SetModelDirectory"/>).</summary>
    public string? FileName { get; init; }

    /// <summary>The right's name as rules and messages spell it (read, write, admin).</summary>
    public string RightName => Right?.ToString().ToLowerInvariant() ?? "";

    /// <summary>The remedy in the engine's words, for any caller: no flag, command or argument of a face.</summary>
    public string Describe() => Remedy switch
    {
        MnemoRemedy.RetryWithExpectedVersion => $"retry expecting version {Version}",
        MnemoRemedy.ListKeys => "check the key against the list of keys",
        MnemoRemedy.ListConflicts => "list the keys in conflict",
        MnemoRemedy.ListIndexContext => "list the index context rules",
        MnemoRemedy.OverwriteFile => "choose another file or allow overwriting it",
        MnemoRemedy.ExportToStream => "export to a stream instead",
        MnemoRemedy.WaitLonger => "retry later, wait longer, or ask the holder to release it",
        MnemoRemedy.NameTheAgent => "act as a named agent (MnemoOptions.Agent, or engine.As(agent))",
        MnemoRemedy.GrantAccess => $"ask an admin of the namespace to grant {Agent} the {RightName} right on {UserValue.Quote(Prefix)}",
        MnemoRemedy.RaiseEntryLimit => "store less, or raise the limit on entry size (MnemoOptions.MaxEntryBytes)",
        MnemoRemedy.RaiseImportLineLimit => "split the line, or raise the limit on import line length (MnemoOptions.MaxImportLineBytes)",
        MnemoRemedy.RaiseAgentQuota => "raise the agent quota (MnemoOptions.AgentQuotaBytes)",
        MnemoRemedy.RaiseSessionQuota => "raise the session quota (MnemoOptions.SessionQuotaBytes)",
        MnemoRemedy.RaiseBusyTimeout => "retry, or raise the busy timeout (MnemoOptions.BusyTimeout)",
        MnemoRemedy.AcquireExclusiveLock => "acquire an exclusive lock on it",
        MnemoRemedy.PassFencingToken => "only the holder can write it, passing its fencing token",
        MnemoRemedy.ActAsHolder => "only its holder can, acting as the same agent",
        MnemoRemedy.CheckStore => Database is null ? "check the store" : $"check '{Database}'",
        MnemoRemedy.RestoreBackup => "restore it from a backup",
        MnemoRemedy.PointDatabase => "open a Mnemo database or a new file instead",
        MnemoRemedy.ChooseAnotherDatabase => "use another database file",
        MnemoRemedy.ReindexWithEmbedder =>
            $"reindex the store with the embedder {Embedder} to move it, or leave the embedder unset to use {CurrentEmbedder}",
        MnemoRemedy.Reindex => "reindex the store",
        MnemoRemedy.SetEmbeddingDimensions => $"configure the embedding dimensions as {Dimensions}",
        MnemoRemedy.EmbedderSetting => Setting switch
        {
            MnemoEmbedderSetting.Endpoint => "the embedding endpoint",
            MnemoEmbedderSetting.Model => "the embedding model",
            MnemoEmbedderSetting.ApiKey => "the embedding API key",
            MnemoEmbedderSetting.Dimensions => "the embedding dimensions",
            _ => "the embedding batch size",
        },
        MnemoRemedy.UseBuiltinEmbedder => $"use the built-in embedder ({Embeddings.EmbedderSettings.BuiltinHashing})",
        MnemoRemedy.SetModelDirectory =>
            $"point the model directory at the folder that holds {FileName}, or leave it unset to use the copy beside the application",
        _ => Remedy.ToString(),
    };

    /// <summary>Retry expecting <paramref name="version"/>.</summary>
    public static MnemoHint RetryWithExpectedVersion(long version) => new(MnemoRemedy.RetryWithExpectedVersion) { Version = version };

    /// <summary>Ask an admin to grant <paramref name="agent"/> <paramref name="right"/> on <paramref name="prefix"/>.</summary>
    public static MnemoHint GrantAccess(string agent, string prefix, AccessRight right) =>
        new(MnemoRemedy.GrantAccess) { Agent = agent, Prefix = prefix, Right = right };

    /// <summary>Reindex with <paramref name="embedder"/>, or leave the embedder unset to use <paramref name="current"/>.</summary>
    public static MnemoHint ReindexWithEmbedder(string embedder, string current) =>
        new(MnemoRemedy.ReindexWithEmbedder) { Embedder = embedder, CurrentEmbedder = current };

    /// <summary>Configure the embedding dimensions as <paramref name="dimensions"/>.</summary>
    public static MnemoHint SetEmbeddingDimensions(int dimensions) => new(MnemoRemedy.SetEmbeddingDimensions) { Dimensions = dimensions };

    /// <summary>Names the embedding endpoint's <paramref name="setting"/>.</summary>
    public static MnemoHint EmbedderSetting(MnemoEmbedderSetting setting) => new(MnemoRemedy.EmbedderSetting) { Setting = setting };

    /// <summary>Check the store, or the database at <paramref name="database"/>.</summary>
    public static MnemoHint CheckStore(string? database = null) => new(MnemoRemedy.CheckStore) { Database = database };

    /// <summary>Point the model directory at the folder holding <paramref name="fileName"/>.</summary>
    public static MnemoHint SetModelDirectory(string fileName) => new(MnemoRemedy.SetModelDirectory) { FileName = fileName };
}
