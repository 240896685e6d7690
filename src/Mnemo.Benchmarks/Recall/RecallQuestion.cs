namespace Mnemo.Benchmarks.Recall;

/// <summary>A question asked about a conversation, and the turns that hold its answer.</summary>
/// <param name="Conversation">The conversation asked about; the search is confined to its namespace.</param>
/// <param name="Text">The question as asked.</param>
/// <param name="EvidenceKeys">Keys of the turns holding the answer; recall@k is the share of them among the first k results.</param>
/// <param name="Category">What kind of recall the question tests (see docs/recall-eval.md), reported apart.</param>
/// <param name="Person">The person asked about (the people set), whose turns the evidence is; null in the assistant set.</param>
internal sealed record RecallQuestion(string Conversation, string Text, IReadOnlyList<string> EvidenceKeys, string Category, string? Person = null);
