using Mnemo.Core.Storage;
using Mnemo.Core.Vectors;
using Mnemo.Core.Vectors.Internal;

namespace Mnemo.Core.Retrieval;

/// <summary>What <see cref="VectorCatalog.QuantizeAsync"/> did: the index's vectors and memory, and the recall it costs.</summary>
/// <param name="Vectors">Vectors in the index.</param>
/// <param name="WasInt8">The index already stored int8 codes: nothing was done.</param>
/// <param name="MemoryBefore">Bytes of memory the index took before.</param>
/// <param name="MemoryAfter">Bytes of memory it takes after.</param>
/// <param name="RecallAt10">
/// The mean share of the float index's top 10 that the int8 index also returns in its top 10, over
/// <paramref name="Queries"/> queries made of the index's own vectors; null when nothing was measured.
/// </param>
/// <param name="Queries">How many queries the recall was measured over.</param>
/// <param name="Saved">False when the file was not written (another process held it or had saved a newer one).</param>
internal sealed record QuantizeOutcome(int Vectors, bool WasInt8, long MemoryBefore, long MemoryAfter, double? RecallAt10, int Queries, bool Saved);

internal sealed partial class VectorCatalog
{
    // Enough queries for a steady mean at little cost: each is two searches.
    private const int RecallQueries = 50;

    /// <summary>How the loaded (or saved) index stores vectors, its vectors and memory, without catching up; loads it when needed.</summary>
    public async Task<(VectorQuantization Storage, int Vectors, long MemoryBytes)> DescribeAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = _index ??= LoadOrCreate();
            return (index.Options.Quantization, index.Count, index.MemoryBytes);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The bytes one vector takes in a saved index stored as <paramref name="storage"/>.</summary>
    public int VectorBytes(VectorQuantization storage) =>
        storage == VectorQuantization.Int8 ? Int8Codec.StoredBytes(Dimensions) : Dimensions * sizeof(float);

    /// <summary>
    /// Catches the index up, then rebuilds it with int8 codes from its own float vectors (no text is embedded again),
    /// measures what that costs in recall on the index's own vectors, and saves it whole. The catalog stays int8 from
    /// then on, and so does every catalog that loads the file (until a reindex). Nothing is done to an int8 index.
    /// </summary>
    public async Task<QuantizeOutcome> QuantizeAsync(IMemoryStore store, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpLockedAsync(store, null, cancellationToken).ConfigureAwait(false);
            var floats = _index!;
            var memoryBefore = floats.MemoryBytes;
            if (floats.Options.Quantization == VectorQuantization.Int8)
            {
                return new QuantizeOutcome(floats.Count, WasInt8: true, memoryBefore, memoryBefore, null, 0, Saved: false);
            }

            var (ids, vectors) = floats.ExportFloatVectors();
            var int8 = new HnswIndex(floats.Options with { Quantization = VectorQuantization.Int8 });
            int8.AddRange(ids, vectors);
            var (recall, queries) = MeasureRecall(floats, int8, vectors);
            _storage = VectorQuantization.Int8;
            _index = int8;
            floats.Dispose();
            var saved = true;
            if (_persist)
            {
                try
                {
                    saved = int8.Persist(_path, _covered, _source) == IndexPersistence.Rewritten;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    saved = false;
                }
            }

            return new QuantizeOutcome(int8.Count, WasInt8: false, memoryBefore, int8.MemoryBytes, recall, queries, saved);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Recall@10 of <paramref name="int8"/> against <paramref name="floats"/>: queries are vectors of the index spread
    /// evenly over it (deterministic), each answered by both with the same search effort.
    /// </summary>
    private static (double? Recall, int Queries) MeasureRecall(HnswIndex floats, HnswIndex int8, List<float[]> vectors)
    {
        const int K = 10;
        var queries = Math.Min(RecallQueries, vectors.Count);
        if (queries == 0)
        {
            return (null, 0);
        }

        var ef = Math.Max(K, floats.Options.EfSearch);
        double sum = 0;
        for (var q = 0; q < queries; q++)
        {
            var query = vectors[(int)((long)q * vectors.Count / queries)];
            var expected = floats.Search(query, K, ef).Select(match => match.Id).ToHashSet();
            var found = int8.Search(query, K, ef).Count(match => expected.Contains(match.Id));
            sum += expected.Count == 0 ? 1 : (double)found / expected.Count;
        }

        return (sum / queries, queries);
    }
}
