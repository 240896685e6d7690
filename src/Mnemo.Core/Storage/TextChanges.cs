namespace Mnemo.Core.Storage;

/// <summary>A key whose current text changed: what a derived index must now hold for it, and what it held.</summary>
/// <param name="Key">The key.</param>
/// <param name="Sequence">The sequence number of the key's current version.</param>
/// <param name="Text">The current text as indexed (with its context, <see cref="Retrieval.IndexedText"/>), or null when the key's current version is a removal.</param>
/// <param name="ReplacedSequence">
/// The version that was current at the index's previous position, when that was a write (its entry is to be dropped).
/// </param>
public sealed record TextChange(string Key, long Sequence, string? Text, long? ReplacedSequence);

/// <summary>A batch of text changes and the last log position it covers.</summary>
/// <param name="Through">The sequence number the index covers after applying the batch.</param>
/// <param name="Changes">The keys that changed.</param>
/// <param name="LogRecordsRead">Log records read; fewer than the limit means the index is now up to date.</param>
/// <param name="StoreIdentity">
/// The store's identity when the batch was read: it changes when the store is replaced by a restore or made anew, and an
/// index derived under another identity holds another store's versions, whatever sequence numbers it covers. <see cref="Guid.Empty"/> for a read-only store made
/// before identities existed.
/// </param>
public sealed record TextChanges(long Through, IReadOnlyList<TextChange> Changes, int LogRecordsRead, Guid StoreIdentity);
