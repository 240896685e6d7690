using System.Globalization;

namespace Mnemo.Sqlite.Search;

/// <summary>
/// The full-text index's namespace column: one token per whole-segment prefix of a key ("a/", "a/b/", ...), so that a
/// namespace filter is a single token to match inside FTS5, whose document list is exactly as long as the namespace.
/// </summary>
/// <remarks>
/// A token is the FNV-1a hash of the prefix written as decimal digits: FTS5's unicode61 tokenizer keeps digits as one
/// token and the porter stemmer leaves them alone, so the index and a query always agree on it. Two prefixes with the
/// same hash are told apart by the exact prefix check the store makes on what comes back; the token only narrows.
/// The hash is part of the storage format and must never change (docs/storage-format.md).
/// </remarks>
internal static class NamespaceTokens
{
    /// <summary>The tokens of every whole-segment prefix of <paramref name="key"/>, space-separated; empty when it has none.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var tokens = new List<string>();
        for (var end = key.IndexOf('/'); end >= 0; end = key.IndexOf('/', end + 1))
        {
            tokens.Add(Token(key.AsSpan(0, end + 1)));
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The token of the longest whole-segment prefix within <paramref name="keyPrefix"/> ("conv/4" gives that of
    /// "conv/"), or null when it holds no whole segment and so narrows nothing.
    /// </summary>
    public static string? For(string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var end = keyPrefix.LastIndexOf('/');
        return end < 0 ? null : Token(keyPrefix.AsSpan(0, end + 1));
    }

    private static string Token(ReadOnlySpan<char> prefix)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var c in prefix)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }

        return hash.ToString(CultureInfo.InvariantCulture);
    }
}
