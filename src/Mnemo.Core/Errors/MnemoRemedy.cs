namespace Mnemo.Core.Errors;

/// <summary>
/// What fixes a failure, as a face names it: the CLI renders each remedy as its flags and commands, the MCP server as
/// its tool arguments (or, for what only the operator can do, the command the operator runs), and
/// <see cref="MnemoHint.Describe"/> in the engine's own words, which <see cref="Exception.Message"/> uses.
/// </summary>
/// <remarks>New faces render every value; a test fails for any value a face does not render.</remarks>
public enum MnemoRemedy
{
    /// <summary>Read the entry and write again expecting <see cref="MnemoHint.Version"/> (0: the entry must not exist).</summary>
    RetryWithExpectedVersion,

    /// <summary>Check the key against the listed keys.</summary>
    ListKeys,

    /// <summary>List the keys with siblings in conflict.</summary>
    ListConflicts,

    /// <summary>List the index context rules.</summary>
    ListIndexContext,

    /// <summary>Choose another output file, or ask for the existing one to be overwritten.</summary>
    OverwriteFile,

    /// <summary>Export to a stream (standard output) rather than to a file.</summary>
    ExportToStream,

    /// <summary>Retry a lock later, wait longer for it, or ask its holder to release it.</summary>
    WaitLonger,

    /// <summary>Act as a named agent.</summary>
    NameTheAgent,

    /// <summary>Ask an admin to grant <see cref="MnemoHint.Agent"/> the <see cref="MnemoHint.Right"/> on <see cref="MnemoHint.Prefix"/>.</summary>
    GrantAccess,

    /// <summary>Store less, or raise the limit on an entry's size.</summary>
    RaiseEntryLimit,

    /// <summary>Split the import line, or raise the limit on an import line's length.</summary>
    RaiseImportLineLimit,

    /// <summary>Raise the storage quota of an agent.</summary>
    RaiseAgentQuota,

    /// <summary>Raise the storage quota of a session.</summary>
    RaiseSessionQuota,

    /// <summary>Retry, or raise how long a write waits for other writers.</summary>
    RaiseBusyTimeout,

    /// <summary>Acquire an exclusive lock on the key.</summary>
    AcquireExclusiveLock,

    /// <summary>Only the lock's holder can write the key, passing its fencing token.</summary>
    PassFencingToken,

    /// <summary>Only a lock's holder can renew or release it, acting as the same agent.</summary>
    ActAsHolder,

    /// <summary>Check the store (or the database at <see cref="MnemoHint.Database"/>) for damage.</summary>
    CheckStore,

    /// <summary>Restore the database from a backup.</summary>
    RestoreBackup,

    /// <summary>Open a Mnemo database or a new file instead of this one.</summary>
    PointDatabase,

    /// <summary>Use another database file.</summary>
    ChooseAnotherDatabase,

    /// <summary>
    /// Reindex the store with <see cref="MnemoHint.Embedder"/>, or leave the embedder unset to use the store's own,
    /// <see cref="MnemoHint.CurrentEmbedder"/>.
    /// </summary>
    ReindexWithEmbedder,

    /// <summary>Reindex the store with the embedder configured now.</summary>
    Reindex,

    /// <summary>Configure the embedder's dimensions as <see cref="MnemoHint.Dimensions"/>.</summary>
    SetEmbeddingDimensions,

    /// <summary>Names one setting of the embedding endpoint (<see cref="MnemoHint.Setting"/>) for the message to say what to do with it.</summary>
    EmbedderSetting,

    /// <summary>Use the built-in embedder, which needs no model and no endpoint.</summary>
    UseBuiltinEmbedder,

    /// <summary>Point the local models' directory at the folder holding <see cref="MnemoHint.FileName"/>, or leave it unset.</summary>
    SetModelDirectory,
}
