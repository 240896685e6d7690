namespace Mnemo.Benchmarks.Recall;

/// <summary>One utterance of an evaluation dialogue, stored as one entry under <see cref="Key"/>.</summary>
/// <param name="Key">The entry's key, <c>eval/&lt;conversation&gt;/s&lt;session&gt;/t&lt;turn&gt;</c> (<see cref="RecallDataset.Key"/>).</param>
/// <param name="Conversation">The conversation's name, e.g. <c>c03</c>; its namespace is <c>eval/c03/</c>.</param>
/// <param name="Session">The session number within the conversation, from 1.</param>
/// <param name="Turn">The turn's number within the session, from 1.</param>
/// <param name="Speaker">Who said it: a person's name in the people set, <c>user</c> or <c>assistant</c> in the assistant set.</param>
/// <param name="Date">The day of the session: the entry's <c>date</c> metadata and its creation time.</param>
/// <param name="Text">What was said, and nothing else: the speaker and the date are not in it.</param>
internal sealed record RecallTurn(string Key, string Conversation, int Session, int Turn, string Speaker, DateOnly Date, string Text);
