using System.Text;
using System.Text.RegularExpressions;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Keys;

/// <summary>A glob over keys: <c>*</c> matches within one segment, <c>**</c> across segments, <c>?</c> one character.</summary>
/// <remarks>
/// A pattern also matches every key below a key it matches, so <c>session-1/*</c> selects
/// <c>session-1/a</c> and <c>session-1/a/b</c> alike: forgetting a namespace forgets what is inside it.
/// </remarks>
public sealed class KeyPattern
{
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
            if (c == '*')
            {
                var doubled = i + 1 < pattern.Length && pattern[i + 1] == '*';
                regex.Append(doubled ? ".*" : "[^/]*");
                i += doubled ? 1 : 0;
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
                    $"pattern {UserValue.Quote(pattern)} contains {UserValue.Quote(c.ToString())} at position {i}: use key characters with * ** ? wildcards", nameof(pattern));
            }
        }

        // Descendants of a matching key match too.
        regex.Append("(/.*)?$");
        var wildcard = pattern.AsSpan().IndexOfAny('*', '?');
        var prefix = wildcard < 0 ? pattern : pattern[..wildcard];
        return new KeyPattern(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant), prefix);
    }

    /// <summary>True when <paramref name="key"/> (or one of its ancestors) matches the pattern.</summary>
    public bool IsMatch(string key) => _regex.IsMatch(key);
}
