namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>
    /// Erases, in one transaction, the versions of a key older than <paramref name="keepFromVersion"/> (never the
    /// current one), so that its history starts at the oldest version kept; returns how many versions were erased.
    /// </summary>
    /// <remarks>
    /// Like a purge, the erased versions leave the history and the change feed; stored content nothing refers to any
    /// more is reclaimed by <see cref="DeleteUnreferencedContentAsync"/>. Used to keep a bounded history, such as
    /// <see cref="MnemoOptions.MaxStateVersions"/> versions of a saved state.
    /// </remarks>
    ValueTask<int> TrimHistoryAsync(string key, long keepFromVersion, CancellationToken cancellationToken = default);
}
