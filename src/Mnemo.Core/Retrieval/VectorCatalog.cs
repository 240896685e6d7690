using Microsoft.Extensions.AI;
using Mnemo.Core.Errors;
using Mnemo.Core.Storage;
using Mnemo.Core.Vectors;

namespace Mnemo.Core.Retrieval;

/// <summary>
/// The engine's vector index of current texts: an HNSW index whose ids are the sequence numbers of the embedded
/// versions, derived from the store's version log and saved beside the database with the position it covers.
/// </summary>
/// <remarks>
/// On first use it loads the saved file (one per embedding model) or, when the file is missing, damaged or of another
/// shape, starts empty; then it embeds whatever changed since the position it covers. A damaged file is therefore
/// rebuilt, never trusted. Thread-safe: catching up and searching are serialised by one lock.
/// </remarks>
internal sealed class VectorCatalog : IDisposable
{
    private const int CatchUpBatch = 1000;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly string _path;
    private readonly int _dimensions;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private HnswIndex? _index;
    private long _covered;

    public VectorCatalog(IEmbeddingGenerator<string, Embedding<float>> embedder, string modelId, int dimensions, string databasePath)
    {
        _embedder = embedder;
        _dimensions = dimensions;
        var safeModel = string.Concat(modelId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        _path = $"{databasePath}.{safeModel}.hnsw";
    }

    /// <summary>Where the index is saved.</summary>
    public string FilePath => _path;

    /// <summary>Brings the index up to the store's latest change; saves it when anything changed.</summary>
    public async Task CatchUpAsync(IMemoryStore store, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = _index ??= LoadOrCreate();
            var changed = false;
            while (true)
            {
                var batch = await store.ReadTextChangesAsync(_covered, CatchUpBatch, cancellationToken).ConfigureAwait(false);
                var texts = batch.Changes.Where(change => change.Text is not null).ToList();
                var vectors = texts.Count == 0
                    ? []
                    : await _embedder.GenerateAsync(texts.Select(change => change.Text!), cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var change in batch.Changes)
                {
                    if (change.ReplacedSequence is { } replaced)
                    {
                        index.Remove(replaced);
                    }
                }

                for (var i = 0; i < texts.Count; i++)
                {
                    var vector = vectors[i].Vector.Span;
                    if (vector.Length != _dimensions)
                    {
                        throw new MnemoException(MnemoErrorCode.InvalidInput,
                            $"the embedder returned {vector.Length} dimensions, not {_dimensions}: configure its dimensions or reindex");
                    }

                    index.Remove(texts[i].Sequence);
                    index.Add(texts[i].Sequence, vector);
                }

                changed |= batch.LogRecordsRead > 0;
                _covered = batch.Through;
                if (batch.LogRecordsRead < CatchUpBatch)
                {
                    break;
                }
            }

            if (changed)
            {
                TrySave(index);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The nearest current versions to a query vector: sequence numbers with cosine similarity, best first.</summary>
    public async Task<IReadOnlyList<(long Sequence, double Similarity)>> SearchAsync(float[] query, int count, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is not { Count: > 0 } index || query.All(x => x == 0))
            {
                return [];
            }

            return index.Search(query, count, Math.Max(count, index.Options.EfSearch))
                .Select(match => (match.Id, 1.0 - match.Distance))
                .ToList();
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _index?.Dispose();
        _lock.Dispose();
    }

    private HnswIndex LoadOrCreate()
    {
        if (File.Exists(_path))
        {
            try
            {
                var loaded = HnswIndex.Load(_path);
                if (loaded.Dimensions == _dimensions && loaded.Options.Metric == VectorMetric.Cosine)
                {
                    _covered = loaded.CoveredSequence;
                    return loaded;
                }

                loaded.Dispose();
            }
            catch (Exception e) when (e is MnemoException or IOException or UnauthorizedAccessException)
            {
                // Damaged, truncated or unreadable: rebuilt from the store below.
            }
        }

        _covered = 0;
        return new HnswIndex(new HnswOptions { Dimensions = _dimensions, Metric = VectorMetric.Cosine, M = 16, EfConstruction = 100 });
    }

    private void TrySave(HnswIndex index)
    {
        try
        {
            index.Save(_path, _covered);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only directory: the index lives in memory for this process and is rebuilt by the next.
        }
    }
}
