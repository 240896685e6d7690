namespace Mnemo.Core;

/// <summary>One page of entries from a listing.</summary>
/// <param name="Entries">The entries, in key order.</param>
/// <param name="NextAfter">The key to pass as "after" for the next page, or null when this is the last page.</param>
public sealed record EntryPage(IReadOnlyList<MemoryEntry> Entries, string? NextAfter);
