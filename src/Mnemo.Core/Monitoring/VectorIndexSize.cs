namespace Mnemo.Core.Monitoring;

/// <summary>The vector index this process has loaded: how many entries it holds and the memory it takes.</summary>
/// <param name="Model">The embedding model it was built with.</param>
/// <param name="Entries">Vectors it can find (deleted ones not counted).</param>
/// <param name="Deleted">Deleted vectors it still keeps until compacted.</param>
/// <param name="MemoryBytes">Bytes of memory its nodes, vectors and graph take in this process.</param>
public sealed record VectorIndexSize(string Model, long Entries, long Deleted, long MemoryBytes);
