using System.Text;
using System.Text.RegularExpressions;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Keys;

/// <summary>
/// A glob over keys: <c>*</c> matches characters within one segment, <c>?</c> one character of a segment, <c>**</c>
/// characters across segments.
/// </summary>
/// <remarks>
/// <para>
/// <c>*</c> and <c>?</c> never match <c>/</c>: <c>session-1/*</c> selects <c>session-1/a</c> but not <c>session-1/a/b</c>,
/// and <c>a/?</c> selects <c>a/b</c> but not <c>a/b/c</c>. <c>**</c> matches any characters, <c>/</c> included:
/// <c>session-1/**</c> selects everything below <c>session-1</c> (not <c>session-1</c> itself, which has nothing after
/// the <c>/</c>). As a whole segment between two others, <c>**</c> also matches no segment at all, as in other globs
/// (gitignore, bash's globstar): <c>a/**/c</c> selects <c>a/c</c>, <c>a/b/c</c> and <c>a/b/x/c</c>, and <c>**/c</c>
/// selects <c>c</c> and every key ending in the segment <c>c</c>.
/// </para>
/// <para>
/// Every other character is literal, and must be one a key may hold (letters, digits, <c>/</c> and <c>-_.:@</c>), so
/// <c>.</c> and <c>_</c> match only themselves and <c>[</c> or <c>%</c> are refused. The store narrows the candidates
/// to <see cref="LiteralPrefix"/> with a key range, never with SQL's GLOB or LIKE, so this class alone decides what
/// matches.
/// </para>
/// </remarks>
internal sealed class KeyPattern
{
    private const string AnySegments = "**";

    private readonly Regex _regex;

    private KeyPattern(string pattern, Regex regex, string literalPrefix)
    {
        Pattern = pattern;
        _regex = regex;
        LiteralPrefix = literalPrefix;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The part before the first wildcard: every matching key starts with it.</summary>
    public string LiteralPrefix { get; }

    /// <summary>True when <paramref name="text"/> contains a wildcard character and so is a pattern, not a key.</summary>
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Parses a pattern; throws <see cref="ArgumentException"/> when it has characters no key can contain.</summary>
    public static KeyPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (string.CompareOrdinal(pattern, i, AnySegments, 0, AnySegments.Length) == 0)
            {
                var startsSegment = i == 0 || pattern[i - 1] == MemoryKey.Separator;
                var endsWithSeparator = i + 2 < pattern.Length && pattern[i + 2] == MemoryKey.Separator;
                if (startsSegment && endsWithSeparator)
                {
                    // A whole "**/" segment: any number of whole segments, none included.
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i += 1;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == MemoryKey.Separator || MemoryKey.IsSegmentChar(c))
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
            else
            {
                throw new ArgumentException(
                    $"pattern {UserValue.Quote(pattern)} contains {UserValue.Quote(c.ToString())} at position {i}: "
                    + "use key characters (letters, digits, '/' and -_.:@) with the wildcards * (within a segment), ** (across segments) and ? (one character)",
                    nameof(pattern));
            }
        }

        // \z, not $: $ would also match before a final line break.
        regex.Append(@"\z");
        var wildcard = pattern.AsSpan().IndexOfAny('*', '?');
        var prefix = wildcard < 0 ? pattern : pattern[..wildcard];
        return new KeyPattern(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant), prefix);
    }

    /// <summary>True when <paramref name="key"/> matches the whole pattern.</summary>
    public bool IsMatch(string key) => _regex.IsMatch(key);
}
