namespace Mnemo.Core.Monitoring.SelfTest;

/// <summary>
/// What <see cref="MnemoEngine.BenchmarkOperationsAsync"/> measured: real operations of this engine on a scratch namespace
/// of its store, with its embedder and index, one call at a time.
/// </summary>
/// <param name="Kind">What was measured: "memory" (store, get, list, full-text search) or "vector" (embedding, vector search).</param>
/// <param name="Namespace">The scratch namespace used, forgotten with its history at the end.</param>
/// <param name="EmbeddingModel">The embedding model of the store's index.</param>
/// <param name="Timings">One per kind of operation.</param>
public sealed record OperationBenchmark(string Kind, string Namespace, string EmbeddingModel, IReadOnlyList<OperationTiming> Timings);
