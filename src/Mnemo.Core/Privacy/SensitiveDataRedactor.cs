using System.Text;
using System.Text.RegularExpressions;

namespace Mnemo.Core.Privacy;

/// <summary>
/// Replaces secrets in text (API keys and tokens, private keys, passwords in URLs, e-mail addresses, card numbers, the
/// user's own patterns) with <c>[REDACTED:kind]</c>, before the text is persisted.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: build one from <see cref="RedactionOptions"/> and call <see cref="Redact"/> on every
/// string to keep (text, value, metadata).</para>
/// <para>Overlapping matches of different detectors are redacted once: the union of the overlapping spans becomes one
/// marker, named after the longest match (the earliest detector on a tie), so no part of either secret is left behind.</para>
/// <para>Redaction is idempotent: text between existing markers is searched on its own and markers are never matched,
/// and <see cref="Redact"/> repeats until nothing more is found, so redacting its output again changes nothing.</para>
/// </remarks>
public sealed class SensitiveDataRedactor
{
    private readonly SensitiveDataDetector[] _detectors;

    /// <summary>Builds a redactor from options; null means every built-in kind and no user patterns.</summary>
    /// <param name="options">The kinds to redact.</param>
    /// <exception cref="ArgumentException">A kind name is unknown or malformed, or a user pattern does not parse (the message
    /// names it and the parse error).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RedactionOptions.PatternTimeout"/> is not positive.</exception>
    public SensitiveDataRedactor(RedactionOptions? options = null)
        : this(CreateDetectors(options ?? new RedactionOptions()))
    {
    }

    internal SensitiveDataRedactor(IEnumerable<SensitiveDataDetector> detectors)
    {
        _detectors = [.. detectors];
        Kinds = [.. _detectors.Select(d => d.Kind).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A redactor of every built-in kind (<see cref="SensitiveDataKinds.All"/>) and no user patterns.</summary>
    public static SensitiveDataRedactor Default { get; } = new();

    /// <summary>The kinds this redactor looks for, built-in ones first, in the order they run.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <c>[REDACTED:kind]</c>, and the count per kind.</summary>
    /// <param name="text">The text to clean.</param>
    /// <exception cref="RegexMatchTimeoutException">A pattern ran past its timeout: the text is not known to be clean and
    /// should not be persisted.</exception>
    public RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var current = text;
        SortedDictionary<string, int>? counts = null;

        // Each pass that finds something turns at least one character outside markers into a marker, and markers are
        // never matched or broken, so the loop ends; its last pass finding nothing is what makes Redact idempotent.
        while (true)
        {
            var spans = Find(current);
            if (spans.Count == 0)
            {
                break;
            }

            counts ??= new SortedDictionary<string, int>(StringComparer.Ordinal);
            current = Replace(current, spans, counts);
        }

        return new RedactionResult(current, counts is null ? [] : [.. counts.Select(c => new RedactionFinding(c.Key, c.Value))]);
    }

    private static List<SensitiveDataDetector> CreateDetectors(RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Kinds, nameof(RedactionOptions.Kinds));
        ArgumentNullException.ThrowIfNull(options.Patterns, nameof(RedactionOptions.Patterns));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PatternTimeout, TimeSpan.Zero, nameof(RedactionOptions.PatternTimeout));

        var detectors = new List<SensitiveDataDetector>();

        // Built-in kinds run in their documented order whatever the order of the option, so results do not depend on it.
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in options.Kinds)
        {
            if (kind is null || !SensitiveDataKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"'{kind}' is not a built-in kind of sensitive data; use one of {string.Join(", ", SensitiveDataKinds.All)}, " +
                    "or add a RedactionPattern for your own kind",
                    nameof(options));
            }

            wanted.Add(kind);
        }

        foreach (var kind in SensitiveDataKinds.All)
        {
            if (wanted.Contains(kind))
            {
                detectors.Add(BuiltInDetectors.Create(kind)!);
            }
        }

        foreach (var pattern in options.Patterns)
        {
            detectors.Add(CreateUserDetector(pattern, options.PatternTimeout));
        }

        return detectors;
    }

    private static SensitiveDataDetector CreateUserDetector(RedactionPattern pattern, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Kind is null || !RedactionMarker.IsValidKind(pattern.Kind))
        {
            throw new ArgumentException(
                $"the redaction kind '{pattern.Kind}' is not a valid kind name; use 1 to {RedactionMarker.MaxKindLength} " +
                "lower-case letters, digits, '-' or '_', starting with a letter or digit (e.g. 'customer-id')",
                nameof(pattern));
        }

        if (string.IsNullOrEmpty(pattern.Pattern))
        {
            throw new ArgumentException($"the redaction pattern for kind '{pattern.Kind}' is empty; give a regular expression", nameof(pattern));
        }

        try
        {
            // Interpreted, not compiled: RegexOptions.Compiled needs run-time code generation, which Native AOT lacks.
            return new SensitiveDataDetector(pattern.Kind, new Regex(pattern.Pattern, RegexOptions.CultureInvariant, timeout));
        }
        catch (RegexParseException e)
        {
            throw new ArgumentException(
                $"the redaction pattern '{pattern.Pattern}' for kind '{pattern.Kind}' is not a valid regular expression: " +
                $"{e.Error} at offset {e.Offset}; fix the pattern or remove it",
                nameof(pattern), e);
        }
    }

    /// <summary>The secrets in <paramref name="text"/> outside existing markers, overlapping ones merged, in order.</summary>
    private List<SensitiveSpan> Find(string text)
    {
        var spans = new List<SensitiveSpan>();
        var start = 0;
        for (var marker = RedactionMarker.Markers().Match(text); ; marker = marker.NextMatch())
        {
            var end = marker.Success ? marker.Index : text.Length;
            if (end > start)
            {
                for (var order = 0; order < _detectors.Length; order++)
                {
                    _detectors[order].Find(text, start, end - start, order, spans);
                }
            }

            if (!marker.Success)
            {
                break;
            }

            start = marker.Index + marker.Length;
        }

        return Merge(spans);
    }

    /// <summary>Joins overlapping spans into one, named after the longest of them (the earliest detector on a tie).</summary>
    private static List<SensitiveSpan> Merge(List<SensitiveSpan> spans)
    {
        if (spans.Count <= 1)
        {
            return spans;
        }

        spans.Sort(static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Order.CompareTo(b.Order));

        var merged = new List<SensitiveSpan>(spans.Count);
        var current = spans[0];
        var best = current;
        var end = current.End;
        for (var i = 1; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Start < end)
            {
                end = Math.Max(end, span.End);
                if (span.Length > best.Length || (span.Length == best.Length && span.Order < best.Order))
                {
                    best = span;
                }

                continue;
            }

            merged.Add(new SensitiveSpan(current.Start, end - current.Start, best.Kind, best.Order));
            current = span;
            best = span;
            end = span.End;
        }

        merged.Add(new SensitiveSpan(current.Start, end - current.Start, best.Kind, best.Order));
        return merged;
    }

    private static string Replace(string text, List<SensitiveSpan> spans, SortedDictionary<string, int> counts)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var span in spans)
        {
            builder.Append(text, position, span.Start - position);
            RedactionMarker.Append(builder, span.Kind);
            position = span.End;
            counts[span.Kind] = counts.GetValueOrDefault(span.Kind) + 1;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }
}
