namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// One thing a user tells the assistant over a conversation: the user turns that state it (an original and, for a fact
/// that changes, later updates, in that order) and the questions asked about it afterwards.
/// </summary>
internal sealed record FactPlan(IReadOnlyList<FactPlan.Statement> Statements, IReadOnlyList<FactPlan.Question> Questions)
{
    /// <summary>A user turn stating the fact, and the assistant's reply to it.</summary>
    internal sealed record Statement(string Text, string Reply);

    /// <summary>A question and the indexes into <see cref="Statements"/> of the turns that answer it.</summary>
    internal sealed record Question(string Text, int[] Evidence, string Category);
}
