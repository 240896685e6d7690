using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;
using Mnemo.Core.Storage;
using Mnemo.Core.Vectors;

namespace Mnemo.Core.Retrieval;

/// <summary>
/// The engine's vector index of current texts for one embedding model: an HNSW index whose ids are the sequence numbers
/// of the embedded versions, derived from the store's version log and saved beside the database with the position it
/// covers (one file per model, so each vector's model and dimension are known).
/// </summary>
/// <remarks>
/// On first use it loads the saved file or, when the file is missing, damaged or of another shape, starts empty; then it
/// embeds whatever changed since the position it covers. A damaged file is therefore rebuilt, never trusted; so is a file
/// made from another store (its header records the store's identity, which a restore or a new store changes), since its
/// sequence numbers name other versions. A read-only store's index lives in memory only: reading leaves no file behind. Vectors of a
/// remote embedder are also cached in the store by model and text hash, so a rebuild or a return to a model does not pay
/// for the same text twice; the built-in embedder is faster than that cache and is not cached. Thread-safe: catching up
/// and searching are serialised by one lock.
/// </remarks>
internal sealed partial class VectorCatalog : IDisposable
{
    private const int CatchUpBatch = 1000;

    // A long catch-up (a large import embedded by a neural model) saves its progress this often, so that a process
    // killed part-way leaves an index the next one continues from.
    private static readonly TimeSpan s_saveEvery = TimeSpan.FromSeconds(30);

    // A namespace with at most this many vectors (or a twentieth of the index) is searched exactly.
    private const int ExactSearchMembers = 5000;

    // Changes whenever IndexedText composes texts differently, so that indexes made the old way are rebuilt.
    private const string IndexedTextVersion = "context-v1";

    // A write's duplicate check embeds its text before the write; the catch-up that indexes the write takes that vector
    // from here instead of embedding the text again. Bounded, since the vector of a write that was skipped is never taken.
    private const int RecentDocumentLimit = 256;

    // A write's duplicate check compares with the index plus the log records it does not cover yet, embedding those
    // (under the write's namespace) rather than catching the index up and persisting it first; past this many records it
    // catches up instead, which persists the index, so the next write's tail is short again.
    private const int TailLimit = 200;

    private readonly ConcurrentDictionary<string, float[]> _recentDocuments = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly string _filePattern;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly bool _cacheEmbeddings;
    private readonly bool _persist;
    private readonly VectorQuantization _requested;

    // How the index stores vectors: as the options ask, or int8 when the saved file is int8 (quantize-index made it so,
    // and a float option does not undo it; a reindex does). See docs/design-notes.md.
    private VectorQuantization _storage;
    private HnswIndex? _index;
    private long _covered;

    // The identity of the store the index was derived from (the saved file's, then the store's as read with each batch).
    private Guid _source;

    // The key of every indexed version, so that a namespace filter applies during the graph search, not after it (a
    // filter applied after the nearest hundred would find nothing for a namespace holding one entry in a hundred). Read
    // from the store on the first namespace search only: a search of the whole store needs no key.
    private NamespaceMembers? _keys;

    /// <param name="embedder">Makes the vectors.</param>
    /// <param name="modelId">The embedder's model, part of the file name.</param>
    /// <param name="dimensions">The length of every vector.</param>
    /// <param name="databasePath">The database the index is derived from; the file is saved beside it.</param>
    /// <param name="contextSpec">The store's index context rules.</param>
    /// <param name="persist">False for a read-only store: the index is loaded when saved, but never written or deleted.</param>
    /// <param name="storage">
    /// How the index stores vectors (floats, or int8 codes at a quarter of the size); a float file is rebuilt as int8 when
    /// int8 is asked for, while an int8 file is kept (until a reindex) when floats are.
    /// </param>
    public VectorCatalog(
        IEmbeddingGenerator<string, Embedding<float>> embedder, string modelId, int dimensions, string databasePath, string contextSpec, bool persist = true,
        VectorQuantization storage = VectorQuantization.None)
    {
        _persist = persist;
        _storage = _requested = storage;
        Embedder = embedder;
        ModelId = modelId;
        Dimensions = dimensions;
        ContextSpec = contextSpec;
        ContextRules = IndexContextRules.Parse(contextSpec);
        Similarity = SimilarityScale.For(modelId);
        Window = embedder.GetService<IEmbeddingWindow>();
        _cacheEmbeddings = embedder is not HashingEmbedder;
        var safeModel = string.Concat(modelId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));

        // The file name says which model and which indexed-text rule made the vectors (IndexedText's version and the
        // store's context rules), so vectors made another way are never loaded as these.
        var rule = RuleTag(contextSpec);
        _filePattern = $"{Path.GetFileName(databasePath)}.{safeModel}.*hnsw";
        _path = $"{databasePath}.{safeModel}.{rule}.hnsw";
    }

    /// <summary>
    /// True when <paramref name="fullPath"/> is, by its name, a vector index file of the database at
    /// <paramref name="databasePath"/> (of any model and rule) or the temporary file one is written through.
    /// </summary>
    public static bool IsIndexFile(string databasePath, string fullPath)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (!string.Equals(Path.GetDirectoryName(fullPath), Path.GetDirectoryName(databasePath), comparison))
        {
            return false;
        }

        var name = Path.GetFileName(fullPath);
        var prefix = Path.GetFileName(databasePath) + ".";
        return name.StartsWith(prefix, comparison) && name.Length > prefix.Length
            && (name.EndsWith(".hnsw", comparison) || name.EndsWith(".hnsw.tmp", comparison)
                || name.EndsWith(".hnsw.delta", comparison) || name.EndsWith(".hnsw.lock", comparison));
    }

    /// <summary>
    /// The part of an index file's name that says which indexed-text rule made its vectors (IndexedText's version and the
    /// store's context rules): <c>{database}.{model}.{rule tag}.hnsw</c>.
    /// </summary>
    public static string RuleTag(string contextSpec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{IndexedTextVersion}\n{contextSpec}")))[..8];

    /// <summary>Deletes an index file with its delta (and the lock file beside them), as far as it can.</summary>
    public static void DeleteFiles(string path)
    {
        TryDelete(path);
        TryDelete(HnswIndex.DeltaPath(path));
        TryDelete(HnswIndex.LockPath(path));
    }

    /// <summary>The index context rules (as stored) under which the vectors were made.</summary>
    public string ContextSpec { get; }

    /// <summary>The rules of <see cref="ContextSpec"/>: what is indexed beside each text.</summary>
    public IndexContextRules ContextRules { get; }

    /// <summary>How the model's cosine similarities map onto 0..1.</summary>
    public SimilarityScale Similarity { get; }

    /// <summary>The model's token window, when it has one.</summary>
    public IEmbeddingWindow? Window { get; }

    /// <summary>The embedder whose vectors the index holds; queries must be embedded with it.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; }

    /// <summary>The embedding model's identifier.</summary>
    public string ModelId { get; }

    /// <summary>The length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>Where the index is saved.</summary>
    public string FilePath => _path;

    /// <summary>Texts embedded by the embedder since the catalog was created.</summary>
    public long Embedded { get; private set; }

    /// <summary>Texts whose vectors came from the store's embedding cache since the catalog was created.</summary>
    public long FromCache { get; private set; }

    /// <summary>Vectors in the index.</summary>
    public int Count => _index?.Count ?? 0;

    /// <summary>Deleted vectors the index keeps until it is compacted.</summary>
    public int DeletedCount => _index?.DeletedCount ?? 0;

    /// <summary>Bytes of memory the loaded index takes (0 before it is loaded).</summary>
    public long MemoryBytes => _index?.MemoryBytes ?? 0;

    /// <summary>Forgets the saved index, so that the next catch-up rebuilds it from the whole log.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _index?.Dispose();
            _index = null;
            _keys = null;
            _covered = 0;
            _storage = _requested;
            if (_persist)
            {
                File.Delete(_path);
                File.Delete(HnswIndex.DeltaPath(_path));
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Vectors of recent duplicate checks kept for the catch-up that indexes their writes.</summary>
    public int RecentDocumentCount => _recentDocuments.Count;

    /// <summary>
    /// Drops what the catalog caches beside the index (the vectors of recent duplicate checks, the keys of indexed
    /// versions); both are made again when needed. Returns how many cached vectors were dropped.
    /// </summary>
    public async Task<int> EvictCachesAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var count = _recentDocuments.Count;
            _recentDocuments.Clear();

            // Read again from the store by the next namespace search (ReadKeysAsync); a catch-up never needs it.
            _keys = null;
            return count;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Drops the loaded index's deleted nodes and saves the index when there were any (a whole file, since nodes were
    /// renumbered). Returns the deleted nodes before and after, and the index's memory before and after; all zero when
    /// no index is loaded.
    /// </summary>
    public async Task<(int DeletedBefore, int DeletedAfter, long MemoryBefore, long MemoryAfter)> CompactAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is not { } index)
            {
                return (0, 0, 0, 0);
            }

            var deleted = index.DeletedCount;
            var memory = index.MemoryBytes;
            if (deleted > 0)
            {
                index.Compact();
                TrySave(index);
            }

            return (deleted, index.DeletedCount, memory, index.MemoryBytes);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Compacts an index file no catalog of this process has loaded: opens it (with its delta), drops its deleted nodes
    /// and writes it whole under the file's writer lock. Returns the deleted nodes before and after (after is the
    /// count before when another process held the lock or had saved a newer file, so that nothing was written).
    /// </summary>
    /// <param name="path">The index file.</param>
    /// <param name="dryRun">Only count the deleted nodes.</param>
    public static (int DeletedBefore, int DeletedAfter) CompactFile(string path, bool dryRun)
    {
        using var index = HnswIndex.Open(path);
        var deleted = index.DeletedCount;
        if (dryRun || deleted == 0)
        {
            return (deleted, deleted);
        }

        index.Compact();
        var written = index.Persist(path, index.CoveredSequence, index.SourceIdentity);
        return (deleted, written == IndexPersistence.Rewritten ? index.DeletedCount : deleted);
    }

    /// <summary>Brings the index up to the store's latest change; saves it when anything changed.</summary>
    /// <param name="store">The store whose log the index follows.</param>
    /// <param name="progress">Told the log position covered after each batch.</param>
    /// <param name="cancellationToken">Cancels between batches; what was done stays in memory.</param>
    public async Task CatchUpAsync(IMemoryStore store, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpLockedAsync(store, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary><see cref="CatchUpAsync"/> for a caller that holds the lock.</summary>
    private async Task CatchUpLockedAsync(IMemoryStore store, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var index = _index ??= LoadOrCreate();
        if (_keys is null && _covered == 0)
        {
            // Every key the index will hold comes through this catch-up.
            _keys = new NamespaceMembers();
        }

        var keys = _keys;
        var changed = false;
        var lastSave = Stopwatch.GetTimestamp();
        while (true)
        {
            var batch = await store.ReadTextChangesAsync(_covered, CatchUpBatch, cancellationToken).ConfigureAwait(false);
            if (batch.StoreIdentity != _source)
            {
                // Derived from another store (the one a restore replaced, or an earlier one at this path): its
                // sequence numbers name other versions, so nothing of it can be caught up; start again from the log.
                _source = batch.StoreIdentity;
                if (_covered != 0 || index.Count != 0)
                {
                    index.Dispose();
                    index = _index = NewIndex();
                    keys = _keys = new NamespaceMembers();
                    _covered = 0;
                    changed = true;
                    continue;
                }
            }

            var texts = batch.Changes.Where(change => change.Text is not null).ToList();
            var vectors = await EmbedAsync(store, texts.Select(change => change.Text!).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var change in batch.Changes)
            {
                if (change.ReplacedSequence is { } replaced)
                {
                    index.Remove(replaced);
                    keys?.Remove(replaced);
                }
            }

            AddAll(index, texts, vectors);
            foreach (var text in texts)
            {
                keys?.Set(text.Sequence, text.Key);
            }

            changed |= batch.LogRecordsRead > 0;
            _covered = batch.Through;
            progress?.Report(_covered);
            if (changed && Stopwatch.GetElapsedTime(lastSave) >= s_saveEvery && batch.LogRecordsRead == CatchUpBatch)
            {
                TrySave(index);
                lastSave = Stopwatch.GetTimestamp();
            }

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

    /// <summary>Embeds one text (a query) with the catalog's embedder, checking its dimension.</summary>
    public async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken)
    {
        var embedded = await Embedder.GenerateAsync([text], EmbeddingInput.ForQueries(), cancellationToken).ConfigureAwait(false);
        return CheckDimensions(embedded[0].Vector.ToArray());
    }

    /// <summary>
    /// Embeds one text as a stored document is embedded (for comparing a write with stored entries), and keeps the vector
    /// for the catch-up that indexes the write.
    /// </summary>
    public async Task<float[]> EmbedDocumentAsync(string text, CancellationToken cancellationToken)
    {
        var embedded = await Embedder.GenerateAsync([text], EmbeddingInput.ForDocuments(), cancellationToken).ConfigureAwait(false);
        var vector = CheckDimensions(embedded[0].Vector.ToArray());
        if (_recentDocuments.Count >= RecentDocumentLimit)
        {
            _recentDocuments.Clear();
        }

        _recentDocuments[Hash(text)] = vector;
        return vector;
    }

    /// <summary>The cosine similarity of a query vector to each of the given indexed versions (those not indexed are left out).</summary>
    public async Task<IReadOnlyDictionary<long, double>> SimilaritiesAsync(float[] query, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is not { Count: > 0 } index || sequences.Count == 0)
            {
                return new Dictionary<long, double>();
            }

            var present = sequences.Where(index.Contains).ToList();
            return index.ExactSearch(query, present.Count, present).ToDictionary(match => match.Id, match => 1.0 - match.Distance);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The nearest current versions to a query vector under a key prefix: sequence numbers with cosine similarity, best first.</summary>
    public async Task<IReadOnlyList<(long Sequence, double Similarity)>> SearchAsync(
        IMemoryStore store, float[] query, int count, string prefix, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SearchLockedAsync(store, query, count, prefix, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// The nearest versions to a write's vector (<see cref="EmbedDocumentAsync"/>) under a key prefix, best first, without
    /// waiting for a catch-up: the index as it is, plus the log records it does not cover yet, whose texts under the prefix
    /// are embedded and compared here. A long tail (or an index of another store) is caught up instead. Versions the tail
    /// replaced may be among the answers: the caller keeps the current ones.
    /// </summary>
    public async Task<IReadOnlyList<(long Sequence, double Similarity)>> NearestForWriteAsync(
        IMemoryStore store, float[] vector, int count, string prefix, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = _index ??= LoadOrCreate();
            var tail = await store.ReadTextChangesAsync(_covered, TailLimit, cancellationToken).ConfigureAwait(false);
            var foreign = tail.StoreIdentity != _source && (_covered != 0 || index.Count != 0);
            if (foreign || tail.LogRecordsRead >= TailLimit)
            {
                await CatchUpLockedAsync(store, null, cancellationToken).ConfigureAwait(false);
                return await SearchLockedAsync(store, vector, count, prefix, cancellationToken).ConfigureAwait(false);
            }

            var texts = tail.Changes.Where(change => change.Text is not null && change.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var vectors = await EmbedAsync(store, texts.Select(change => change.Text!).ToList(), cancellationToken).ConfigureAwait(false);
            var fromTail = texts.Select((change, i) => (change.Sequence, Similarity: Cosine(vector, vectors[i])));
            var fromIndex = await SearchLockedAsync(store, vector, count, prefix, cancellationToken).ConfigureAwait(false);
            return fromIndex.Concat(fromTail).OrderByDescending(match => match.Similarity).Take(count).ToList();
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<IReadOnlyList<(long Sequence, double Similarity)>> SearchLockedAsync(
        IMemoryStore store, float[] query, int count, string prefix, CancellationToken cancellationToken)
    {
        if (_index is not { Count: > 0 } index || query.All(x => x == 0))
        {
            return [];
        }

        if (prefix.Length == 0)
        {
            return index.Search(query, count, Math.Max(count, index.Options.EfSearch))
                .Select(match => (match.Id, 1.0 - match.Distance))
                .ToList();
        }

        // A graph search that must skip most nodes wanders far before it finds enough accepted ones (measured: p95
        // 70 ms for a namespace of 1% of 100,000 entries), while comparing the query with every vector of a small
        // namespace is a few thousand distances; so a small namespace is searched exactly.
        var keys = _keys ??= await ReadKeysAsync(store, cancellationToken).ConfigureAwait(false);
        var members = keys.Under(prefix);
        var matches = members.Count <= Math.Max(ExactSearchMembers, keys.Count / 20)
            ? index.ExactSearch(query, count, members)
            : index.Search(query, count, Math.Max(count, index.Options.EfSearch), members.Contains);
        return matches
            .Select(match => (match.Id, 1.0 - match.Distance))
            .ToList();
    }

    /// <summary>The key of every current version (those the index holds among them), for namespace searches.</summary>
    private static async Task<NamespaceMembers> ReadKeysAsync(IMemoryStore store, CancellationToken cancellationToken)
    {
        var keys = new NamespaceMembers();
        foreach (var (sequence, key) in await store.ReadCurrentSequencesAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Set(sequence, key);
        }

        return keys;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return aa > 0 && bb > 0 ? dot / Math.Sqrt(aa * bb) : 0;
    }

    public void Dispose()
    {
        _index?.Dispose();
        _lock.Dispose();
    }

    /// <summary>
    /// Vectors for texts, in order: those a duplicate check just made, else from the store's cache where it has them, else
    /// from the embedder; what this catalog embedded is then cached.
    /// </summary>
    private async Task<float[][]> EmbedAsync(IMemoryStore store, List<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        if (texts.Count == 0)
        {
            return vectors;
        }

        var hashes = _cacheEmbeddings || !_recentDocuments.IsEmpty ? texts.Select(Hash).ToList() : null;
        var embedded = new List<int>();
        var unknown = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (hashes is not null && _recentDocuments.TryRemove(hashes[i], out var recent))
            {
                vectors[i] = recent;
                embedded.Add(i);
            }
            else
            {
                unknown.Add(i);
            }
        }

        var cached = !_cacheEmbeddings || unknown.Count == 0
            ? new Dictionary<string, float[]>()
            : await store.GetCachedEmbeddingsAsync(ModelId, unknown.Select(i => hashes![i]).Distinct(StringComparer.Ordinal).ToList(), cancellationToken)
                .ConfigureAwait(false);
        var missing = new List<int>();
        foreach (var i in unknown)
        {
            if (hashes is not null && cached.TryGetValue(hashes[i], out var vector) && vector.Length == Dimensions)
            {
                vectors[i] = vector;
                FromCache++;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var generated = await Embedder.GenerateAsync(missing.Select(i => texts[i]), EmbeddingInput.ForDocuments(), cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < missing.Count; j++)
            {
                vectors[missing[j]] = CheckDimensions(generated[j].Vector.ToArray());
            }

            embedded.AddRange(missing);
        }

        Embedded += embedded.Count;
        if (_cacheEmbeddings && embedded.Count > 0)
        {
            await store.PutCachedEmbeddingsAsync(ModelId, embedded.Select(i => (hashes![i], vectors[i])).ToList(), cancellationToken).ConfigureAwait(false);
        }

        return vectors;
    }

    /// <summary>
    /// Puts each text's vector under its sequence number, replacing one already there; linked on every core at once,
    /// since inserting is nearly all of the time a rebuild takes.
    /// </summary>
    private static void AddAll(HnswIndex index, List<TextChange> texts, float[][] vectors)
    {
        foreach (var text in texts)
        {
            index.Remove(text.Sequence);
        }

        index.AddRange(texts.Select(text => text.Sequence).ToList(), vectors);
    }

    private float[] CheckDimensions(float[] vector) => vector.Length == Dimensions
        ? vector
        : throw MnemoErrors.IndexDimensionsDiffer(vector.Length, Dimensions);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private HnswIndex LoadOrCreate()
    {
        if (File.Exists(_path))
        {
            try
            {
                // In place through a memory map (an older format is read whole, and rewritten by the next save).
                var loaded = HnswIndex.Open(_path);
                // An int8 file is kept whatever the options ask: floats ask for nothing smaller, and quantize-index made it int8 on purpose.
                var storage = loaded.Options.Quantization;
                if (loaded.Dimensions == Dimensions && loaded.Options.Metric == VectorMetric.Cosine
                    && (storage == _storage || storage == VectorQuantization.Int8))
                {
                    _storage = storage;
                    _covered = loaded.CoveredSequence;
                    _source = loaded.SourceIdentity;
                    return loaded;
                }

                loaded.Dispose();
            }
            catch (Exception e) when (e is MnemoException or IOException or UnauthorizedAccessException)
            {
                // Damaged, truncated or unreadable: rebuilt from the store below.
            }
        }

        // Files of this model made under another rule (or by older code) are stale now: remove them, as rebuilding replaces them.
        var stales = _persist ? Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(_path))!, _filePattern) : [];
        foreach (var stale in stales.Where(file => !string.Equals(Path.GetFullPath(file), Path.GetFullPath(_path), StringComparison.Ordinal)))
        {
            DeleteFiles(stale);
        }

        _covered = 0;
        _source = Guid.Empty;
        return NewIndex();
    }

    private HnswIndex NewIndex() =>
        new(new HnswOptions { Dimensions = Dimensions, Metric = VectorMetric.Cosine, M = 16, EfConstruction = 100, Quantization = _storage });

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may be reading it, or the directory is read-only: it is only disk space.
        }
    }

    private void TrySave(HnswIndex index)
    {
        if (!_persist)
        {
            return;
        }

        try
        {
            // What changed is appended to the file's delta (the whole file is written when the delta grew past its share).
            // Busy or superseded by another process's write: this process's changes stay in memory, and the next process
            // catches up from whatever the file holds, as after a crash.
            index.Persist(_path, _covered, _source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only directory: the index lives in memory for this process and is rebuilt by the next.
        }
    }
}
