namespace Mnemo.Core;

/// <summary>A directed, weighted link from one entry to another: associative memory and the knowledge-graph view.</summary>
/// <param name="From">The key the link starts at.</param>
/// <param name="To">The key it points to.</param>
/// <param name="Relation">What the link means, a short word such as <c>related</c>, <c>caused_by</c> or <c>works_at</c>.</param>
/// <param name="Weight">How strong the link is, 0..1; expansion scores a linked entry by it.</param>
/// <param name="Agent">Who made the link.</param>
/// <param name="CreatedAt">When it was made (or last changed).</param>
public sealed record MemoryLink(string From, string To, string Relation, double Weight, string? Agent, DateTimeOffset CreatedAt);

/// <summary>Which links of an entry to follow.</summary>
public enum LinkDirection
{
    /// <summary>Links in either direction.</summary>
    Both,

    /// <summary>Links that start at the entry.</summary>
    Outgoing,

    /// <summary>Links that point to the entry.</summary>
    Incoming,
}
