namespace Mnemo.Core.Monitoring;

/// <summary>What the keys under one namespace prefix hold in a store.</summary>
/// <param name="Prefix">
/// The first segments of the keys' namespace, as many as the depth asked (fewer when the namespace has fewer);
/// "" for keys of one segment, which have no namespace.
/// </param>
/// <param name="Entries">Current entries: not removed; expired ones count until they are purged, as quotas count them.</param>
/// <param name="Bytes">Bytes of those entries' content: text or value and metadata, uncompressed, as quotas count them.</param>
/// <param name="HistoryVersions">Versions kept in history besides each key's current one (removals included).</param>
public sealed record NamespaceUsage(string Prefix, long Entries, long Bytes, long HistoryVersions)
{
    /// <summary>
    /// The prefix of depth <paramref name="depth"/> of a namespace: its first <paramref name="depth"/> segments, or the
    /// whole namespace when it has fewer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is below 1.</exception>
    public static string PrefixOf(string @namespace, int depth)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var end = -1;
        for (var i = 0; i < depth; i++)
        {
            end = @namespace.IndexOf(Keys.MemoryKey.Separator, end + 1);
            if (end < 0)
            {
                return @namespace;
            }
        }

        return @namespace[..end];
    }
}
