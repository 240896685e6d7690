namespace Mnemo.Core;

/// <summary>An entry reached from another along links.</summary>
/// <param name="Entry">The entry reached.</param>
/// <param name="Depth">How many links away from the start it is (1 = directly linked).</param>
/// <param name="Via">The entry it was reached from (the start, at depth 1).</param>
/// <param name="Link">The link followed to reach it.</param>
public sealed record Neighbor(MemoryEntry Entry, int Depth, string Via, MemoryLink Link)
{
    /// <summary>True when the link followed points from <see cref="Via"/> to this entry; false when it points back.</summary>
    public bool Outgoing => Link.From == Via;
}
