namespace Mnemo.Cli.Benchmarks.Recall;

/// <summary>A question a user asks later in a conversation, and the turns that hold its answer.</summary>
/// <param name="Conversation">The conversation asked about; the search is confined to its namespace.</param>
/// <param name="Text">The question as asked.</param>
/// <param name="EvidenceKeys">Keys of the turns holding the answer; retrieving any one of them counts as a hit.</param>
/// <param name="Category">What kind of recall the question tests (see docs/recall-eval.md).</param>
internal sealed record RecallQuestion(string Conversation, string Text, IReadOnlyList<string> EvidenceKeys, string Category);
