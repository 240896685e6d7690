using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mnemo.Core.Learning.Recovery;

/// <summary>
/// The signature of an error message: the message with what varies between occurrences of the same error masked, so that
/// "timeout after 30 s reading /data/a.csv" and "timeout after 45 s reading /data/b.csv" are one error. Errors with
/// one signature form one cluster, named by a short hash of it.
/// </summary>
/// <remarks>
/// <para>Masked, in this order (an earlier mask protects its text from the later ones): timestamps and dates
/// (<c>&lt;time&gt;</c>), URLs (<c>&lt;url&gt;</c>), e-mail addresses (<c>&lt;email&gt;</c>), GUIDs (<c>&lt;id&gt;</c>),
/// quoted strings (<c>&lt;str&gt;</c>), file paths, Unix, Windows and relative ones with an extension
/// (<c>&lt;path&gt;</c>), hex ids (<c>0x1f</c>, or 7 or more hex digits holding a digit, such as a commit hash:
/// <c>&lt;id&gt;</c>) and numbers, IP addresses and versions included (<c>&lt;num&gt;</c>). Then the text is lower-cased
/// and its whitespace collapsed.</para>
/// <para>A number glued after a letter (<c>utf8</c>, <c>v2</c>, <c>e404</c>) is part of a word and kept; numbers alone
/// are masked, so HTTP 404 and HTTP 500 share a signature: such errors are told apart by meaning and by their fixes.</para>
/// </remarks>
public static partial class ErrorSignature
{
    /// <summary>The length of a cluster id in hex digits (48 bits: no collision among millions of distinct errors).</summary>
    public const int ClusterLength = 12;

    /// <summary>The signature of <paramref name="message"/>.</summary>
    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Timestamp().Replace(message, "<time>");
        text = Url().Replace(text, "<url>");
        text = Email().Replace(text, "<email>");
        text = Guid().Replace(text, "<id>");
        text = Quoted().Replace(text, "<str>");
        text = WindowsPath().Replace(text, "<path>");
        text = UnixPath().Replace(text, "<path>");
        text = RelativePath().Replace(text, "<path>");
        text = HexId().Replace(text, "<id>");
        text = Number().Replace(text, "<num>");
        return Whitespace().Replace(text.ToLowerInvariant(), " ").Trim();
    }

    /// <summary>The cluster of a signature: the first <see cref="ClusterLength"/> hex digits of its SHA-256.</summary>
    public static string ClusterOf(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)))[..ClusterLength];
    }

    /// <summary>True for a well-formed cluster id.</summary>
    public static bool IsCluster(string? cluster) =>
        cluster is { Length: ClusterLength } && cluster.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    // 2026-12-07T23:55:53.123Z, 2026-12-07 23:55, 2026-12-07, and a time of day alone (23:55:53, 23:55:53.5).
    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    // A quote that does not start or end inside a word, so the apostrophes of "can't" and "don't" are not quotes.
    [GeneratedRegex(@"(?<!\w)""[^""\n]*""|(?<!\w)'[^'\n]*'(?!\w)|`[^`\n]*`", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<!\w)[a-z]:\\(?:[^\\\s:*?""<>|]+\\)*[^\\\s:*?""<>|,;)]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowsPath();

    // /usr/lib/x.so, ~/data, ./run.sh, ../a/b; not "read/write" (a slash inside a word).
    [GeneratedRegex(@"(?<![\w/.~])(?:~|\.{1,2})?/[\w.@%+~-]+(?:/[\w.@%+~-]+)*/?", RegexOptions.CultureInvariant)]
    private static partial Regex UnixPath();

    // src/app/main.py, data/in.csv: relative paths need a slash and a file extension, so "read/write" stays a word.
    [GeneratedRegex(@"(?<![\w/.])[\w.-]+(?:/[\w.-]+)+\.[a-z][a-z0-9]{0,7}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HexId();

    // 42, -3, 1.5, 10.0.0.1, 1,024; not the digits of a word such as utf8 or v2.
    [GeneratedRegex(@"(?<![\p{L}\d_<])-?\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
