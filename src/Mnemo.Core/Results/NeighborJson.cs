using System.Text.Json;
using Mnemo.Core.Links;
using Mnemo.Core.Transfer;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of an entry's neighbors, the one shape of CLI <c>neighbors --json</c> and MCP <c>memory_neighbors</c>: per
/// neighbor <c>depth</c>, <c>via</c> (the entry it was reached from), the link's <c>relation</c>, <c>direction</c>
/// (<see cref="LinkDirections"/>: out when the link points away from <c>via</c>, in when it points back) and
/// <c>weight</c>, then the entry's fields (<see cref="EntryJson"/>).
/// </summary>
public static class NeighborJson
{
    /// <summary>Writes <paramref name="neighbors"/>, nearest first, as one JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<Neighbor> neighbors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(neighbors);
        writer.WriteStartArray();
        foreach (var neighbor in neighbors)
        {
            writer.WriteStartObject();
            writer.WriteNumber("depth", neighbor.Depth);
            writer.WriteString("via", neighbor.Via);
            writer.WriteString("relation", neighbor.Link.Relation);
            writer.WriteString("direction", LinkDirections.Name(neighbor.Outgoing ? LinkDirection.Outgoing : LinkDirection.Incoming));
            writer.WriteNumber("weight", neighbor.Link.Weight);
            EntryJson.WriteFields(writer, neighbor.Entry);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
