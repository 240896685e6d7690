using Mnemo.Core.Learning.Prediction;

namespace Mnemo.Core.Storage;

public partial interface IMemoryStore
{
    /// <summary>
    /// Adds an action to the store's action log and, in the same transaction, trims the log to its
    /// <paramref name="keepCount"/> newest actions. Returns the action with the id the store gave it. The log is not data:
    /// no change-log sequence, not searched, exported or checked. Throws <see cref="MnemoException"/> with
    /// <see cref="MnemoErrorCode.StoreReadOnly"/> on a read-only store.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepCount"/> is below 1.</exception>
    ValueTask<ActionRecord> AppendActionAsync(ActionRecord action, int keepCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// The actions of the log recorded at or after <paramref name="since"/> (all when null), of one agent and one session
    /// when given (null matches any), oldest first (by time, then by id).
    /// </summary>
    ValueTask<IReadOnlyList<ActionRecord>> GetActionsAsync(
        DateTimeOffset? since = null, string? agent = null, string? session = null, CancellationToken cancellationToken = default);
}
