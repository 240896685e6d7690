namespace Mnemo.Core.Vectors;

/// <summary>One search result: an id and its distance to the query (smaller is closer).</summary>
/// <param name="Id">The id the vector was added under.</param>
/// <param name="Distance">
/// The distance under the index's metric: <c>1 - cosine</c>, <c>1 - dot</c> or the squared Euclidean distance.
/// </param>
public readonly record struct VectorMatch(long Id, float Distance);
