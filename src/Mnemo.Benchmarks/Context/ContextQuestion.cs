namespace Mnemo.Benchmarks.Context;

/// <summary>A question asked in a user's current session, and the planted messages that answer it.</summary>
/// <param name="Category">
/// <see cref="ContextDataset.Stated"/>, <see cref="ContextDataset.Updated"/> (the value changed later: only the latest
/// counts) or <see cref="ContextDataset.Tool"/> (the value came in a tool result).
/// </param>
/// <param name="Topic">The kind of fact (<see cref="ContextFact.Topic"/>).</param>
/// <param name="Text">The question, as the prompt.</param>
/// <param name="Evidence">The messages that hold the answer, each with the marker that must appear in the context.</param>
internal sealed record ContextQuestion(string Category, string Topic, string Text, IReadOnlyList<ContextEvidence> Evidence)
{
    /// <summary>For a changed fact, the values it no longer has: a context holding one of them shows the reader a stale answer too.</summary>
    public IReadOnlyList<string> Superseded { get; init; } = [];

    /// <summary>The distinct markers the context must hold.</summary>
    public IReadOnlyList<string> Markers => [.. Evidence.Select(e => e.Marker).Distinct(StringComparer.Ordinal)];
}

/// <summary>A planted message that holds (part of) an answer.</summary>
/// <param name="Session">The session it is in.</param>
/// <param name="Sequence">Its number in that session.</param>
/// <param name="Marker">The distinctive value it holds, which must appear in the context text.</param>
internal sealed record ContextEvidence(string Session, int Sequence, string Marker);
