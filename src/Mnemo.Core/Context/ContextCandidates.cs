namespace Mnemo.Core.Context;

/// <summary>One candidate text for a context: an entry, the state, a memory, or a turn.</summary>
/// <param name="Key">The entry it comes from (the first one when it covers several).</param>
/// <param name="Text">Its text as the context would hold it.</param>
/// <param name="Score">Its search score (memories only).</param>
internal sealed record ContextPiece(string Key, string Text, double? Score = null)
{
    /// <summary>Every entry it holds: a tool call with its results is one piece of several entries.</summary>
    public IReadOnlyList<string> Covers { get; init; } = [Key];

    /// <summary>Whether it may be cut at a sentence boundary to fit; a tool call with its results may not.</summary>
    public bool Cuttable { get; init; } = true;
}

/// <summary>Turns that go into a context together or not at all: a message, or a tool call with its results.</summary>
internal sealed record TurnUnit(IReadOnlyList<ContextPiece> Turns);

/// <summary>Everything a context may hold, gathered by the engine, for <see cref="ContextPacker"/> to fit into the budget.</summary>
/// <param name="Pinned">Entries that must be in the context.</param>
/// <param name="State">The state's JSON, or null.</param>
/// <param name="StateHeading">The heading of the state's section, naming the state and its version.</param>
/// <param name="Memories">The memories, best first.</param>
/// <param name="Recent">The session's turns, oldest first.</param>
internal sealed record ContextCandidates(
    IReadOnlyList<ContextPiece> Pinned, ContextPiece? State, string StateHeading, IReadOnlyList<ContextPiece> Memories, IReadOnlyList<TurnUnit> Recent)
{
    /// <summary>The words of the prompt (<see cref="RelevantCut.QueryWords"/>): a memory cut to fit keeps the sentences that hold them.</summary>
    public IReadOnlySet<string> PromptWords { get; init; } = new HashSet<string>();
}
