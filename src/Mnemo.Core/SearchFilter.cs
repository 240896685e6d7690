namespace Mnemo.Core;

/// <summary>Which entries a search may return, and how many.</summary>
public sealed record SearchFilter
{
    /// <summary>Only keys starting with this ("" for all), e.g. a namespace such as <c>conv/42/</c>.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Only entries of this kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Only entries carrying every one of these tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Only entries last written by this agent.</summary>
    public string? Agent { get; init; }

    /// <summary>Only entries written at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries written at or before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Which signals rank the results: both (the default), or one alone (to compare them, as <c>mnemo bench recall</c> does).</summary>
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    /// <summary>
    /// Hits scoring below this (0..1) are left out. Default 0. Scores mean the same across queries, so one threshold
    /// serves every query: docs/search.md gives what scores mean.
    /// </summary>
    public double MinScore { get; init; }

    /// <summary>The most results, 1..1,000. Default 10.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>
    /// How many hops along links to follow from the results: their linked entries that pass the filter are added after
    /// them (beyond <see cref="Limit"/>), scored below the entry they were reached from. 0..3, default 0.
    /// </summary>
    public int Expand { get; init; }

    /// <summary>True when a current, unexpired entry passes every condition of the filter (the same ones the store applies).</summary>
    public bool Matches(MemoryEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return !entry.IsExpiredAt(now)
            && entry.Key.StartsWith(Prefix, StringComparison.Ordinal)
            && (Kind is null || entry.Kind == Kind)
            && (Agent is null || entry.Agent == Agent)
            && (Since is null || entry.UpdatedAt >= Since)
            && (Until is null || entry.UpdatedAt <= Until)
            && Tags.All(tag => entry.Tags.Contains(tag, StringComparer.Ordinal));
    }
}

/// <summary>Which candidate lists a search uses.</summary>
public enum SearchMode
{
    /// <summary>Full-text and vector signals fused by weight.</summary>
    Hybrid,

    /// <summary>Full-text (BM25) candidates only.</summary>
    FullText,

    /// <summary>Vector (embedding similarity) candidates only.</summary>
    Vector,
}
