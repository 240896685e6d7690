using Mnemo.Core.Links;

namespace Mnemo.Core.Transfer;

/// <summary>One parsed link line of a JSONL import, already checked: two different valid keys, a normalised relation, a weight in 0..1.</summary>
/// <param name="From">The key the link starts at.</param>
/// <param name="To">The key it points to.</param>
/// <param name="Relation">What the link means, normalised (<see cref="LinkValidator.DefaultRelation"/> when the line has none).</param>
/// <param name="Weight">How strong it is (1 when the line has none, as for <c>mnemo link</c>).</param>
/// <param name="Agent">Who made it, or null when the line does not say.</param>
/// <param name="CreatedAt">When it was made, or null when the line does not say.</param>
internal sealed record ImportLink(string From, string To, string Relation, double Weight, string? Agent, DateTimeOffset? CreatedAt) : ImportLine
{
    /// <summary>The link to store; what the line leaves out is filled in as a new link would have it.</summary>
    /// <param name="agent">The importing agent, recorded when the line names none (as for imported entries).</param>
    /// <param name="now">The import time, recorded when the line has no <c>created_at</c>.</param>
    public MemoryLink ToLink(string? agent, DateTimeOffset now) => new(From, To, Relation, Weight, Agent ?? agent, CreatedAt ?? now);
}
