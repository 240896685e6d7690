namespace Mnemo.Core.Vectors.Internal;

/// <summary>A node and its distance to the current query: the element of the search heaps.</summary>
internal struct NodeDistance(float distance, int node)
{
    /// <summary>Distance to the query.</summary>
    public float Distance = distance;

    /// <summary>Node number (position in node storage, not the caller's id).</summary>
    public int Node = node;
}
