namespace Mnemo.Benchmarks.Context;

/// <summary>
/// A kind of fact the context set plants in a user's past sessions, and how it is asked about later.
/// </summary>
/// <remarks>
/// Templates hold <c>{v}</c> where the value goes. The value is the evidence marker: it is drawn from <see cref="Values"/>,
/// which no other kind and no filler template uses, so finding it in a context means the planted message (or the part
/// of it that holds the value) is there. Questions share a topic word or two with the statements (so that BM25 and the
/// hashing embedder have a chance) but are worded differently and never hold the value.
/// </remarks>
/// <param name="Topic">A short name of the kind, for reports and tests.</param>
/// <param name="Values">The values one user's fact is drawn from.</param>
/// <param name="Statements">What the user says to plant it (or, for a tool fact, what the tool returns).</param>
/// <param name="Questions">The paraphrased questions asked about it in the current session.</param>
/// <param name="Updates">What the user says when the value changes; empty when this kind never changes.</param>
/// <param name="Chatter">
/// Filler on the same topic that states no value: it shares the question's words, so that finding the topic is not
/// enough to find the answer.
/// </param>
/// <param name="ToolRequest">For a fact that arrives in a tool result: what the user asks the assistant to look up; else null.</param>
/// <param name="ToolName">For a tool fact: the tool the assistant calls.</param>
internal sealed record ContextFact(
    string Topic, string[] Values, string[] Statements, string[] Questions, string[] Updates, string[] Chatter, string? ToolRequest = null,
    string? ToolName = null)
{
    /// <summary>Whether the fact arrives in a tool result rather than in a user message.</summary>
    public bool IsTool => ToolRequest is not null;

    /// <summary>Whether the fact can be changed in a later session.</summary>
    public bool CanChange => Updates.Length > 0;

    /// <summary>A template with its value put in.</summary>
    public static string Fill(string template, string value) => template.Replace("{v}", value, StringComparison.Ordinal);
}
