namespace Mnemo.Cli.Benchmarks.Recall;

/// <summary>One utterance of an evaluation dialogue, stored as one entry under <see cref="Key"/>.</summary>
/// <param name="Key">The entry's key, <c>eval/&lt;conversation&gt;/&lt;session&gt;/&lt;turn&gt;</c>.</param>
/// <param name="Conversation">The conversation's name, e.g. <c>c03</c>; its namespace is <c>eval/c03/</c>.</param>
/// <param name="Session">The session number within the conversation, from 1.</param>
/// <param name="Speaker"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Date">The day the session took place (stored as metadata; the entry is written now).</param>
/// <param name="Text">What was said.</param>
internal sealed record RecallTurn(string Key, string Conversation, int Session, string Speaker, DateOnly Date, string Text);
