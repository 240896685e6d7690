namespace Mnemo.Core.Storage;

/// <summary>Entries whose time to live has ended but that are still current (not purged yet), as the doctor reads them.</summary>
/// <param name="Count">How many.</param>
/// <param name="Bytes">Their content bytes (payload plus metadata, uncompressed, as quotas count them).</param>
/// <param name="OldestExpiry">The earliest expiry among them, or null when there is none.</param>
/// <param name="Examples">Some of their keys, earliest expiry first.</param>
public sealed record ExpiredEntries(long Count, long Bytes, DateTimeOffset? OldestExpiry, IReadOnlyList<string> Examples);

/// <summary>How recently the live entries of one namespace were used (read, else written).</summary>
/// <param name="Namespace">The namespace (a key without its last segment).</param>
/// <param name="Entries">Its live entries.</param>
/// <param name="Unread">Of those, the ones whose last read (or, never read, last write) lies before the time asked.</param>
/// <param name="UnreadBytes">Their content bytes.</param>
/// <param name="OldestUse">The earliest last use among the live entries.</param>
/// <param name="OldestKey">The key of that entry.</param>
public sealed record NamespaceReads(string Namespace, long Entries, long Unread, long UnreadBytes, DateTimeOffset OldestUse, string OldestKey);

/// <summary>The versions written to one namespace before and since a time, with their content bytes.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="RecentVersions">Versions written (not removals) at or after the time.</param>
/// <param name="RecentBytes">Their content bytes.</param>
/// <param name="EarlierVersions">Versions written before the time and still kept.</param>
/// <param name="EarlierBytes">Their content bytes.</param>
public sealed record NamespaceWrites(string Namespace, long RecentVersions, long RecentBytes, long EarlierVersions, long EarlierBytes);

/// <summary>A key with a count (of its versions, or of its reversions).</summary>
/// <param name="Key">The key.</param>
/// <param name="Count">The count.</param>
public sealed record KeyCount(string Key, long Count);

/// <summary>How many keys match a doctor's query, with the ones counted highest.</summary>
/// <param name="Keys">How many keys match.</param>
/// <param name="Examples">The keys with the highest counts, highest first (then by key).</param>
public sealed record KeyCounts(long Keys, IReadOnlyList<KeyCount> Examples);

/// <summary>Links with an end that is not a live entry.</summary>
/// <param name="Count">How many.</param>
/// <param name="Examples">Some of them, by from, relation and to.</param>
public sealed record OrphanLinks(long Count, IReadOnlyList<MemoryLink> Examples);
