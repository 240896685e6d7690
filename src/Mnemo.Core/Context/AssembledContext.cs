namespace Mnemo.Core.Context;

/// <summary>
/// The context assembled for a prompt: the text to send, never more than <see cref="Budget"/> tokens by
/// <see cref="Tokenizer"/>, and the report of what it holds and what it left out.
/// </summary>
/// <param name="Text">The context, its sections in order, each under a heading.</param>
/// <param name="Tokens">The tokens of <see cref="Text"/>, counted whole.</param>
/// <param name="Budget">The budget it was assembled for.</param>
/// <param name="Tokenizer">The tokenizer that counted it.</param>
/// <param name="Sections">The sections it holds, in order; empty sections are left out.</param>
/// <param name="LeftOut">The candidates it left out, with why.</param>
public sealed record AssembledContext(
    string Text, int Tokens, int Budget, string Tokenizer, IReadOnlyList<ContextSection> Sections, IReadOnlyList<ContextOmission> LeftOut)
{
    /// <summary>The section of that kind, or null when the context has none.</summary>
    public ContextSection? Section(ContextSectionKind kind) => Sections.FirstOrDefault(section => section.Kind == kind);
}

/// <summary>One section of an assembled context.</summary>
/// <param name="Kind">What it holds.</param>
/// <param name="Tokens">Its tokens in the context, heading included.</param>
/// <param name="Items">Its items in the order they appear.</param>
public sealed record ContextSection(ContextSectionKind Kind, int Tokens, IReadOnlyList<ContextItem> Items);

/// <summary>One item of a section: an entry, the state, or a turn of the session.</summary>
/// <param name="Key">The entry it comes from.</param>
/// <param name="Text">What the context holds of it.</param>
/// <param name="Tokens">Its tokens in the context, as counted alone.</param>
/// <param name="Score">Its search score (memories only).</param>
/// <param name="Cut">Whether it was cut at a sentence boundary to fit.</param>
public sealed record ContextItem(string Key, string Text, int Tokens, double? Score, bool Cut);

/// <summary>A candidate the context left out.</summary>
/// <param name="Kind">The section it was a candidate for.</param>
/// <param name="Key">The entry.</param>
/// <param name="Tokens">Its tokens, whole.</param>
/// <param name="Score">Its search score (memories only).</param>
/// <param name="Reason">Why it was left out.</param>
/// <param name="DuplicateOf">For <see cref="OmissionReason.NearDuplicate"/>: the key of the item it repeats.</param>
public sealed record ContextOmission(ContextSectionKind Kind, string Key, int Tokens, double? Score, OmissionReason Reason, string? DuplicateOf = null);

/// <summary>The sections of an assembled context, in the order they appear.</summary>
public enum ContextSectionKind
{
    /// <summary>Entries that are always in the context: under <c>pinned/</c>, the session's <c>pinned/</c>, or named.</summary>
    Pinned,

    /// <summary>The session's saved state, as JSON.</summary>
    State,

    /// <summary>The memories that best match the prompt.</summary>
    Memories,

    /// <summary>The session's most recent turns, oldest first.</summary>
    Recent,
}

/// <summary>Why a candidate was left out of a context.</summary>
public enum OmissionReason
{
    /// <summary>It did not fit in what was left of the budget.</summary>
    OverBudget,

    /// <summary>It says nearly what an item already in the context says.</summary>
    NearDuplicate,

    /// <summary>It is already in the context in another section.</summary>
    AlreadyIncluded,
}
