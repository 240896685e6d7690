using Mnemo.Core.Caching;
using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;

namespace Mnemo.Core;

/// <summary>
/// Mnemo's engine: stores, recalls, versions and maintains memory entries over one <see cref="IMemoryStore"/>.
/// The CLI, the MCP server and .NET callers all go through it.
/// </summary>
/// <remarks>
/// Thread-safe. Reads by key are served from an in-process cache that the store's change sequence keeps correct
/// across processes; reads are counted in memory and written in the background, so a read never costs a write.
/// </remarks>
public sealed partial class MnemoEngine : IAsyncDisposable
{
    private const int ChangePollLimit = 10_000;
    private const int AccessFlushChunk = 64;

    // The store, cache, read statistics, flush loop and vector index are the owner's, shared by every caller's view of it
    // (MnemoEngine.Callers.cs): a view copies the references, and reaches the owner's mutable state through _owner.
    private readonly MnemoEngine _owner;
    private readonly IMemoryStore _store;
    private readonly MnemoOptions _options;
    private readonly TimeProvider _clock;
    private readonly EntryCache _cache;
    private readonly AccessRecorder _access;
    private string? _agent;
    private readonly SemaphoreSlim _cacheSync;
    private readonly ReadFlushLoop _flushLoop;
    private readonly EngineLog _log;
    private int _disposed;

    private MnemoEngine(IMemoryStore store, MnemoOptions options)
    {
        _owner = this;
        _store = store;
        _options = options;
        _clock = options.TimeProvider;
        _cache = new EntryCache(options.CacheCapacity);
        _access = new AccessRecorder();
        _cacheSync = new SemaphoreSlim(1, 1);
        _catalogLock = new SemaphoreSlim(1, 1);

        _log = new EngineLog(_clock);

        // Started by the first buffered read (see Visible), so opening the engine starts no task or timer.
        _flushLoop = new ReadFlushLoop(FlushAsync, options.AccessFlushInterval, _clock,
            e => _log.Record(EngineLogLevel.Warning, "read-statistics", $"buffered read statistics were not written, the next flush tries again: {e.Message}"));
    }

    /// <summary>Where the store lives (the database file for SQLite).</summary>
    public string Location => _store.Location;

    /// <summary>
    /// A frozen copy of the options the engine was opened with: setting any property throws
    /// <see cref="InvalidOperationException"/>, and later changes to the object passed when opening do not reach the engine.
    /// </summary>
    public MnemoOptions Options => _options;

    /// <summary>Opens an engine with the store chosen by <see cref="MnemoOptions.StoreFactory"/> (e.g. <c>UseSqlite()</c>).</summary>
    /// <remarks>The engine keeps a validated, frozen copy of <paramref name="options"/> (see <see cref="Options"/>).</remarks>
    public static async Task<MnemoEngine> OpenAsync(MnemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Snapshot();
        options.Validate();
        var factory = options.StoreFactory ?? throw new InvalidOperationException(
            "no store configured: call options.UseSqlite() (package Mnemo.Sqlite) before opening the engine");
        var store = await factory(options, cancellationToken).ConfigureAwait(false);
        return Open(store, options);
    }

    /// <summary>Opens an engine over a store the caller created.</summary>
    /// <remarks>The engine keeps a validated, frozen copy of <paramref name="options"/> (see <see cref="Options"/>).</remarks>
    public static MnemoEngine Open(IMemoryStore store, MnemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Snapshot();
        options.Validate();
        var engine = new MnemoEngine(store, options);
        engine.StartConfiguredSampling();
        return engine;
    }

    /// <summary>The current entry under a key, or null when there is none (never written, forgotten or expired).</summary>
    /// <remarks>
    /// Counts as a use: the read is buffered and added to the entry's access count and time at the next flush. The
    /// returned entry counts it already (its stored count plus this engine's buffered reads, this one included, read
    /// now); while a flush is being written, a read may briefly show the count without the reads being flushed. Served
    /// from the cache when the entry is there and no process has changed it since, which makes this the cheapest call.
    /// </remarks>
    public ValueTask<MemoryEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ThrowIfDisposed();
        var rules = _store.GetAccessRulesAsync(cancellationToken);
        var sync = SyncCacheAsync(cancellationToken);
        if (rules.IsCompletedSuccessfully && sync.IsCompletedSuccessfully && _cache.TryGet(key, out var cached))
        {
            sync.GetAwaiter().GetResult();
            Demand(rules.Result, key, AccessRight.Read, Agent);
            return new ValueTask<MemoryEntry?>(Visible(cached));
        }

        return GetSlowAsync(rules, sync, key, cancellationToken);
    }

    private async ValueTask<MemoryEntry?> GetSlowAsync(ValueTask<AccessRules> rules, ValueTask sync, string key, CancellationToken cancellationToken)
    {
        Demand(await rules.ConfigureAwait(false), key, AccessRight.Read, Agent);
        await sync.ConfigureAwait(false);
        if (!_cache.TryGet(key, out var entry))
        {
            var stored = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            _cache.Set(stored);
            entry = stored;
        }

        return Visible(entry);
    }

    /// <summary>The entry unless it has expired; records the read.</summary>
    private MemoryEntry? Visible(MemoryEntry entry)
    {
        var now = Now();
        if (entry.IsExpiredAt(now))
        {
            return null;
        }

        // The cache keeps the stored statistics; each read adds what is buffered, so the cache never needs updating.
        if (_store.IsReadOnly)
        {
            return entry;
        }

        var buffered = _access.Record(entry.Key, now);
        if (!_options.OneShot)
        {
            _flushLoop.EnsureStarted();
        }

        return entry with { AccessCount = entry.AccessCount + buffered, AccessedAt = now };
    }

    /// <summary>The version of an entry that was visible at a past time, or null when none was.</summary>
    public async Task<MemoryEntry?> GetAsOfAsync(string key, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ThrowIfDisposed();
        await DemandAsync(key, AccessRight.Read, cancellationToken).ConfigureAwait(false);
        var entry = await _store.GetAsOfAsync(key, asOf, cancellationToken).ConfigureAwait(false);
        return entry is null || entry.IsExpiredAt(asOf) ? null : entry;
    }

    /// <summary>A given version of an entry from its history, or null when that version is not a stored write.</summary>
    public async Task<MemoryEntry?> GetVersionAsync(string key, long version, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ThrowIfDisposed();
        await DemandAsync(key, AccessRight.Read, cancellationToken).ConfigureAwait(false);
        return await _store.GetVersionAsync(key, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of current entries whose keys start with <paramref name="prefix"/>, in key order.</summary>
    /// <param name="prefix">A key prefix such as <c>project/</c>; "" lists everything.</param>
    /// <param name="after">The <see cref="EntryPage.NextAfter"/> of the previous page, or null for the first.</param>
    /// <param name="limit">Entries per page, 1..10,000.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <remarks>Under access rules, entries the agent may not read are left out of the page.</remarks>
    public async Task<EntryPage> ListAsync(string prefix = "", string? after = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        if (prefix.AsSpan().IndexOfAny('*', '?') is var wildcard and >= 0)
        {
            throw MnemoErrors.PatternAsPrefix(prefix, prefix[..wildcard]);
        }

        ThrowIfDisposed();
        var rules = await DemandSomeReadableAsync(prefix, cancellationToken).ConfigureAwait(false);
        var page = await _store.ListAsync(prefix, after, limit, Now(), cancellationToken).ConfigureAwait(false);
        return rules.IsOpen ? page : page with { Entries = page.Entries.Where(entry => CanRead(rules, entry.Key)).ToList() };
    }

    /// <summary>Every version of an entry, oldest first, including removals; empty when the key was never written.</summary>
    public async Task<IReadOnlyList<EntryVersion>> GetHistoryAsync(string key, CancellationToken cancellationToken = default)
    {
        MemoryKey.Validate(key);
        ThrowIfDisposed();
        await DemandAsync(key, AccessRight.Read, cancellationToken).ConfigureAwait(false);
        return await _store.GetHistoryAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes buffered read statistics to the store now.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var tallies = _access.Drain();
        if (tallies.Count == 0)
        {
            return;
        }

        // In small transactions, so that writers waiting for the database are not held up behind thousands of counts.
        foreach (var chunk in tallies.Chunk(AccessFlushChunk))
        {
            await _store.RecordAccessAsync(chunk, cancellationToken).ConfigureAwait(false);

            // Cached copies carry the old counts; the next read takes the stored ones.
            foreach (var tally in chunk)
            {
                _cache.Remove(tally.Key);
            }
        }
    }

    /// <summary>Flushes read statistics and closes the store; for a caller's view (<see cref="As"/>), does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsView || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopSamplingAsync().ConfigureAwait(false);
        await _flushLoop.DisposeAsync().ConfigureAwait(false);
        try
        {
            if (!_store.IsReadOnly)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _catalog?.Dispose();
            _sampler?.Dispose();
            Monitoring.MnemoMeter.Withdraw(_store.Location);
            if (_embedder is { } owned && !ReferenceEquals(owned, _options.Embedder))
            {
                owned.Dispose();
            }

            _catalogLock.Dispose();
            await _store.DisposeAsync().ConfigureAwait(false);
            _cacheSync.Dispose();
        }
    }

    private DateTimeOffset Now() => Timestamps.Truncate(_clock.GetUtcNow());

    /// <summary>Applies other writers' changes to the cache; nearly free when nothing changed.</summary>
    private async ValueTask SyncCacheAsync(CancellationToken cancellationToken)
    {
        await _cacheSync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cache.Count == 0)
            {
                // Nothing cached, nothing to invalidate: follow the log from its end rather than read every change ever
                // made (100,000 rows on a fresh engine over a 100,000-entry store, for a single get).
                _cache.Reset(await _store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false));
                return;
            }

            while (true)
            {
                var batch = await _store.GetChangesAsync(_cache.AppliedSequence, ChangePollLimit, cancellationToken).ConfigureAwait(false);
                if (batch.Changes.Count == 0)
                {
                    return;
                }

                if (batch.Changes.Any(change => change.Change == ChangeKind.Restore))
                {
                    _cache.Reset(batch.LastSequence);
                }
                else
                {
                    _cache.Apply(batch.Changes.Select(change => (change.Key, change.Sequence)), batch.LastSequence);
                }

                if (batch.Changes.Count < ChangePollLimit)
                {
                    return;
                }
            }
        }
        finally
        {
            _cacheSync.Release();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_owner._disposed != 0, this);
}
