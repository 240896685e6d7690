using System.Text.RegularExpressions;

namespace Mnemo.Core.Privacy;

/// <summary>One kind of sensitive data: a regular expression, and optionally a check that says how much of a match is secret.</summary>
/// <remarks>
/// Immutable and thread-safe (a <see cref="Regex"/> may be shared across threads). When the expression has a group named
/// <see cref="SecretGroup"/>, only that group is the secret; otherwise the whole match is.
/// </remarks>
internal sealed class SensitiveDataDetector
{
    /// <summary>The name of the group that narrows a match to the part to redact.</summary>
    public const string SecretGroup = "secret";

    private readonly Regex _regex;
    private readonly Func<ReadOnlySpan<char>, int>? _measure;

    /// <param name="kind">The kind name.</param>
    /// <param name="regex">The expression that finds candidates.</param>
    /// <param name="measure">Given a candidate, how many of its first characters are the secret: its length to take it
    /// whole, 0 to leave it alone (a card number failing the Luhn check). Null takes every candidate whole.</param>
    public SensitiveDataDetector(string kind, Regex regex, Func<ReadOnlySpan<char>, int>? measure = null)
    {
        Kind = kind;
        _regex = regex;
        _measure = measure;
    }

    /// <summary>The kind name, as in <c>[REDACTED:kind]</c>.</summary>
    public string Kind { get; }

    /// <summary>Adds the secrets found in <paramref name="text"/>[start, start + length) to <paramref name="spans"/>.</summary>
    /// <remarks>
    /// The range is searched as if it were the whole input, so anchors and lookarounds do not see past it: the text
    /// between two redaction markers is judged on its own.
    /// </remarks>
    public void Find(string text, int start, int length, int order, List<SensitiveSpan> spans)
    {
        for (var match = _regex.Match(text, start, length); match.Success; match = match.NextMatch())
        {
            var secret = match.Groups[SecretGroup];
            Capture capture = secret.Success ? secret : match;

            var secretLength = capture.Length == 0 || _measure is null
                ? capture.Length
                : Math.Min(_measure(text.AsSpan(capture.Index, capture.Length)), capture.Length);

            // An empty match (a user pattern such as "a*") has nothing to redact.
            if (secretLength > 0)
            {
                spans.Add(new SensitiveSpan(capture.Index, secretLength, Kind, order));
            }
        }
    }
}
