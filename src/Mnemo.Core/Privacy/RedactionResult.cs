namespace Mnemo.Core.Privacy;

/// <summary>The outcome of <see cref="SensitiveDataRedactor.Redact"/>: the text to keep and what was taken out of it.</summary>
/// <remarks>The findings count matches by kind and never carry the matched text, so a report can be logged safely.</remarks>
public sealed record RedactionResult
{
    internal RedactionResult(string text, IReadOnlyList<RedactionFinding> findings)
    {
        Text = text;
        Findings = findings;
        foreach (var finding in findings)
        {
            Count += finding.Count;
        }
    }

    /// <summary>The text with every match replaced by <c>[REDACTED:kind]</c>; the input itself when nothing matched.</summary>
    public string Text { get; }

    /// <summary>How many matches were redacted per kind, ordered by kind name (ordinal); empty when nothing matched.</summary>
    public IReadOnlyList<RedactionFinding> Findings { get; }

    /// <summary>How many matches were redacted in all.</summary>
    public int Count { get; }

    /// <summary>Whether anything was redacted.</summary>
    public bool IsRedacted => Count > 0;

    /// <summary>How many matches of <paramref name="kind"/> were redacted; 0 for a kind not found.</summary>
    /// <param name="kind">A kind name such as <see cref="SensitiveDataKinds.Email"/>.</param>
    public int CountOf(string kind)
    {
        foreach (var finding in Findings)
        {
            if (string.Equals(finding.Kind, kind, StringComparison.Ordinal))
            {
                return finding.Count;
            }
        }

        return 0;
    }
}
