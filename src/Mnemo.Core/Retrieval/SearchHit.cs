using Mnemo.Core.Entries;

namespace Mnemo.Core.Retrieval;

/// <summary>An entry found by a search, with its score (higher is better; the scale depends on the search).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">How well it matched.</param>
public sealed record SearchHit(MemoryEntry Entry, double Score);
