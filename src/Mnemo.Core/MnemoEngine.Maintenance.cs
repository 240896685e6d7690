using Mnemo.Core.Coordination;
using Mnemo.Core.Keys;
using Mnemo.Core.Maintenance;
using Mnemo.Core.Storage;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Forgets an entry, or every entry matching a glob (<c>session-1/*</c>; see <see cref="KeyPattern"/>). Each
    /// becomes a removal in its history; with <paramref name="purgeHistory"/> every version is erased instead.
    /// </summary>
    /// <param name="keyOrPattern">A key, or a glob.</param>
    /// <param name="dryRun">Only report what would be forgotten.</param>
    /// <param name="purgeHistory">Erase every version, not just add a removal.</param>
    /// <param name="fencingToken">
    /// The fencing token of the caller's exclusive lock covering the keys (see <see cref="MemoryWrite.FencingToken"/>);
    /// required to forget keys under another holder's exclusive lock.
    /// </param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <exception cref="MnemoException">A plain key that does not exist (<see cref="MnemoErrorCode.NotFound"/>).</exception>
    public async Task<ForgetResult> ForgetAsync(
        string keyOrPattern, bool dryRun = false, bool purgeHistory = false, long? fencingToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyOrPattern);
        if (fencingToken is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fencingToken), fencingToken,
                $"fencing token {fencingToken} is not positive: pass the token the lock's acquisition returned");
        }

        ThrowIfDisposed();
        var now = Now();
        IReadOnlyList<(string Key, long Version)> targets;
        if (KeyPattern.IsPattern(keyOrPattern))
        {
            var pattern = KeyPattern.Parse(keyOrPattern);
            var candidates = await _store.FindAsync(pattern.LiteralPrefix, CandidateFilter.Live, now, null, cancellationToken).ConfigureAwait(false);
            targets = candidates.Where(candidate => pattern.IsMatch(candidate.Key)).ToList();
        }
        else
        {
            MemoryKey.Validate(keyOrPattern);
            var current = await _store.GetAsync(keyOrPattern, cancellationToken).ConfigureAwait(false);
            if (current is null || current.IsExpiredAt(now))
            {
                MnemoException.ThrowNotFound(keyOrPattern);
            }

            targets = [(current.Key, current.Version)];
        }

        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, _) in targets)
        {
            Demand(rules, key, AccessRight.Write, Agent);
        }

        if (dryRun || targets.Count == 0)
        {
            return new ForgetResult(targets.Select(target => target.Key).ToList(), dryRun, false);
        }

        var removed = await RemoveAsync(targets, ChangeKind.Delete, now, purgeHistory, fencingToken, cancellationToken).ConfigureAwait(false);
        return new ForgetResult(removed, false, purgeHistory);
    }

    /// <summary>Purges expired entries and, if asked, entries unused for a while; then drops content nothing refers to.</summary>
    public async Task<CleanResult> CleanAsync(CleanOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CleanOptions();
        if (options.UnusedFor is { } unusedFor && unusedFor <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), unusedFor, $"unused-for {unusedFor} is not positive: give a duration such as 30d");
        }

        ThrowIfDisposed();
        await DemandAsync("", AccessRight.Admin, cancellationToken).ConfigureAwait(false);
        var now = Now();
        var expired = await _store.FindAsync("", CandidateFilter.Expired, now, null, cancellationToken).ConfigureAwait(false);
        var unused = options.UnusedFor is { } age
            ? await _store.FindAsync("", CandidateFilter.Unused, now, now - age, cancellationToken).ConfigureAwait(false)
            : [];
        if (options.DryRun)
        {
            return new CleanResult(expired.Select(e => e.Key).ToList(), unused.Select(e => e.Key).ToList(), 0, true);
        }

        var expiredKeys = await RemoveAsync(expired, ChangeKind.Expire, now, options.PurgeHistory, null, cancellationToken).ConfigureAwait(false);
        var unusedKeys = await RemoveAsync(unused, ChangeKind.Evict, now, options.PurgeHistory, null, cancellationToken).ConfigureAwait(false);
        var contents = await _store.DeleteUnreferencedContentAsync(cancellationToken).ConfigureAwait(false);
        var trimmed = await _store.TrimFeedAsync(now - _options.FeedRetention, cancellationToken).ConfigureAwait(false);
        return new CleanResult(expiredKeys, unusedKeys, contents, false) { FeedEventsTrimmed = trimmed };
    }

    /// <summary>Measures what the store holds, the space it takes, and the engine's cache.</summary>
    public async Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var store = await _store.GetStatusAsync(Now(), cancellationToken).ConfigureAwait(false);
        store = store with { Files = [.. store.Files, .. IndexFiles()] };
        return new EngineStatus(store, _cache.Count, _options.CacheCapacity, _options.MaxEntryBytes, _options.LargeContentBytes);
    }

    /// <summary>Verifies the database's integrity and Mnemo's invariants (history against current entries, content hashes).</summary>
    public Task<CheckReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _store.CheckAsync(cancellationToken).AsTask();
    }

    /// <summary>
    /// Writes buffered read statistics and copies everything committed into the main database file, which otherwise
    /// happens in the background. Useful before copying the file by other means, and to measure writes to the end.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _store.CheckpointAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a consistent copy of the store to a new file while writers go on.</summary>
    /// <remarks>
    /// The path must be new, and neither a directory nor a name of the store's own files (such as its write-ahead log,
    /// which would be taken for the database's). The copy gets an identity of its own (files derived from this store are
    /// not taken for the copy's).
    /// </remarks>
    public async Task BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        path = Path.GetFullPath(path);
        CheckOutputFile(path, "back up to");
        await DemandAsync("", AccessRight.Read, cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _store.BackupAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the whole store with a verified backup; other processes see the restored state at their next read.</summary>
    /// <remarks>
    /// The backup must pass every check <see cref="CheckAsync"/> makes (SQLite's integrity and Mnemo's invariants, content
    /// hashes included) before anything is replaced. The restored store gets a new identity, so that vector indexes derived
    /// from the replaced store are rebuilt by every process instead of being caught up.
    /// </remarks>
    public async Task RestoreAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        await DemandAsync("", AccessRight.Admin, cancellationToken).ConfigureAwait(false);
        _access.Drain();
        await _store.RestoreAsync(Path.GetFullPath(path), cancellationToken).ConfigureAwait(false);
        await SyncCacheAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> RemoveAsync(
        IReadOnlyList<(string Key, long Version)> targets, ChangeKind reason, DateTimeOffset now, bool purgeHistory, long? fencingToken,
        CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return [];
        }

        var requests = targets.Select(target => new RemoveRequest(target.Key, target.Version, FenceOf(fencingToken))).ToList();
        var removed = await _store.RemoveAsync(requests, reason, Agent, now, purgeHistory, cancellationToken).ConfigureAwait(false);
        foreach (var key in removed)
        {
            _cache.Remove(key);
        }

        return removed;
    }
}
