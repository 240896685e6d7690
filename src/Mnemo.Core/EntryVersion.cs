namespace Mnemo.Core;

/// <summary>One step in an entry's history: a write (with its content) or a removal.</summary>
/// <param name="Version">The per-key version of this step.</param>
/// <param name="Change">What the step did.</param>
/// <param name="At">When it happened.</param>
/// <param name="Agent">Who did it, if known.</param>
/// <param name="Entry">The content written by a <see cref="ChangeKind.Put"/> step; null for removals.</param>
/// <param name="ImportedBy">
/// The agent whose import wrote this step, or null when no import did (or an agent with no name imported it). An import by
/// an admin keeps the agent each line names in <paramref name="Agent"/>; this says who really wrote it.
/// </param>
public sealed record EntryVersion(long Version, ChangeKind Change, DateTimeOffset At, string? Agent, MemoryEntry? Entry, string? ImportedBy = null);
