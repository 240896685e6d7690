namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// The hand-written lexicon of the people set: every kind of fact a person tells, with its statements and questions.
/// </summary>
/// <remarks>
/// The questions were written before any search was run on the set and are not to be revised after seeing scores (a
/// question may only be changed to keep a rule the tests check: a paraphrase shares no content word with its evidence,
/// a single-hop question at most the topic's noun). Each question names the person asked about; the statements are
/// first-person and never name who says them.
/// </remarks>
internal static partial class LifeFactCatalog
{
    /// <summary>Every kind of fact: events (with a date worth asking about) first, then states and tastes.</summary>
    /// <remarks>Built from methods, not from static fields of the other partial files, whose initialisation order is not defined.</remarks>
    public static readonly IReadOnlyList<LifeFact> All = [.. Events(), .. Tastes()];
}
