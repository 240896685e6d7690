using System.Text;
using Mnemo.Core.Caching;
using Mnemo.Core.Coordination;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
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

    private readonly IMemoryStore _store;
    private readonly MnemoOptions _options;
    private readonly TimeProvider _clock;
    private readonly EntryCache _cache;
    private readonly AccessRecorder _access = new();
    private string? _agent;
    private readonly SemaphoreSlim _cacheSync = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _flushLoop;
    private int _disposed;

    private MnemoEngine(IMemoryStore store, MnemoOptions options)
    {
        _store = store;
        _options = options;
        _clock = options.TimeProvider;
        _cache = new EntryCache(options.CacheCapacity);
        _flushLoop = Task.Run(FlushAccessLoopAsync);
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
        return new MnemoEngine(store, options);
    }

    /// <summary>Stores a new version of an entry and returns it.</summary>
    public async Task<MemoryEntry> StoreAsync(MemoryWrite write, CancellationToken cancellationToken = default)
    {
        var written = await StoreManyAsync([write], cancellationToken).ConfigureAwait(false);
        return written[0];
    }

    /// <summary>Stores several entries in one transaction: all are written, or (on any conflict or error) none.</summary>
    public async Task<IReadOnlyList<MemoryEntry>> StoreManyAsync(IReadOnlyList<MemoryWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ThrowIfDisposed();
        if (writes.Any(write => write?.BaseVersion is not null))
        {
            return (await StoreWithConflictsAsync(writes, cancellationToken).ConfigureAwait(false)).Entries;
        }

        var now = Now();
        var prepared = new PreparedWrite[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            prepared[i] = Prepare(writes[i], now, imported: null, expiresAt: null);
        }

        return await PutPreparedAsync(prepared, now, cancellationToken).ConfigureAwait(false);
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
        return _store.IsReadOnly
            ? entry
            : entry with { AccessCount = entry.AccessCount + _access.Record(entry.Key, now), AccessedAt = now };
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

    /// <summary>Flushes read statistics and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _flushLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
            if (_embedder is { } owned && !ReferenceEquals(owned, _options.Embedder))
            {
                owned.Dispose();
            }

            _catalogLock.Dispose();
            await _store.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
            _cacheSync.Dispose();
        }
    }

    /// <summary>Validates a write and encodes, hashes and (when large) compresses it for the store.</summary>
    internal PreparedWrite Prepare(MemoryWrite write, DateTimeOffset now, ImportedState? imported, DateTimeOffset? expiresAt)
    {
        var valid = Validate(write);
        return new PreparedWrite
        {
            Key = write.Key,
            Namespace = MemoryKey.GetNamespace(write.Key),
            Text = write.Text,
            Value = write.Value,
            Payload = valid.Payload,
            Hash = ContentCodec.Hash(valid.Payload),
            SharedContent = valid.Payload.Length >= _options.LargeContentBytes ? ContentCodec.Compress(valid.Payload) : null,
            Kind = valid.Kind,
            Tags = valid.Tags,
            Metadata = write.Metadata,
            Importance = valid.Importance,
            Agent = valid.Agent,
            Session = EntryValidator.NormalizeSession(write.Session ?? _options.Session),
            ExpiresAt = expiresAt ?? (write.TimeToLive is { } ttl ? Timestamps.Truncate(now + ttl) : null),
            ExpectedVersion = write.ExpectedVersion,
            Imported = imported,
            Fence = FenceOf(write.FencingToken),
        };
    }

    /// <summary>Every check a write must pass, without the hashing and compression only a real write needs.</summary>
    internal ValidWrite Validate(MemoryWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        MemoryKey.Validate(write.Key, nameof(write.Key));
        ArgumentNullException.ThrowIfNull(write.Text, nameof(write.Text));
        UnicodeText.Require(write.Text, "text");
        UnicodeText.Require(write.Value, "value");
        UnicodeText.Require(write.Metadata, "metadata");
        EntryValidator.CheckMetadata(write.Metadata);
        EntryValidator.CheckTimeToLive(write.TimeToLive);
        if (write.ExpectedVersion is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(write), write.ExpectedVersion,
                $"expected version {write.ExpectedVersion} is negative: use 0 for 'must not exist' or a version from 'mnemo get'");
        }

        if (write.FencingToken is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(write), write.FencingToken,
                $"fencing token {write.FencingToken} is not positive: pass the token 'mnemo lock acquire' printed");
        }

        var payload = ContentCodec.Encode(write.Text, write.Value);
        var metadataBytes = write.Metadata is { } m ? Encoding.UTF8.GetByteCount(m.GetRawText()) : 0;
        var size = payload.Length - 4 + metadataBytes;
        if (size > _options.MaxEntryBytes)
        {
            throw new MnemoException(MnemoErrorCode.EntryTooLarge,
                $"entry {UserValue.Quote(write.Key)} is {size:N0} bytes: the limit is {_options.MaxEntryBytes:N0}; store less, or raise it with MNEMO_MAX_ENTRY_BYTES");
        }

        return new ValidWrite(payload, EntryValidator.NormalizeKind(write.Kind), EntryValidator.NormalizeTags(write.Tags),
            EntryValidator.NormalizeImportance(write.Importance), EntryValidator.NormalizeAgent(write.Agent ?? _options.Agent));
    }

    internal async Task<IReadOnlyList<MemoryEntry>> PutPreparedAsync(
        IReadOnlyList<PreparedWrite> prepared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in prepared)
        {
            // An ordinary write acts as its agent (the engine's, or the one the calling host names); an import acts as the
            // engine's agent whatever agent the line records, so a file cannot choose whose rights it writes with.
            Demand(rules, write.Key, AccessRight.Write, write.Imported is null ? write.Agent : Agent);
        }

        var written = await _store.PutAsync(prepared, now, cancellationToken).ConfigureAwait(false);

        // A single write is likely read again soon, so it is cached; a batch (an import, a bulk load) would only push
        // the entries that are being read out of the cache, so its keys are dropped instead.
        foreach (var entry in written)
        {
            if (written.Count == 1)
            {
                _cache.Set(entry);
            }
            else
            {
                _cache.Remove(entry.Key);
            }
        }

        return written;
    }

    private DateTimeOffset Now() => Timestamps.Truncate(_clock.GetUtcNow());

    /// <summary>Applies other writers' changes to the cache; nearly free when nothing changed.</summary>
    private async ValueTask SyncCacheAsync(CancellationToken cancellationToken)
    {
        await _cacheSync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
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

    private async Task FlushAccessLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.AccessFlushInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await FlushAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (MnemoException)
                {
                    // Read statistics are advisory: a busy or read-only database must not break reads. The counts of
                    // this round are lost; the next round tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed != 0, this);

    /// <summary>A write's encoded payload and normalised fields.</summary>
    internal readonly record struct ValidWrite(byte[] Payload, string Kind, IReadOnlyList<string> Tags, double Importance, string? Agent);
}
