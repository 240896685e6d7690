using System.Text;
using Mnemo.Core.Coordination;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Monitoring;
using Mnemo.Core.Storage;
using Mnemo.Core.Time;

namespace Mnemo.Core;

/// <remarks>
/// The one write pipeline. Every write (store, store many, share, conflict resolution, import) goes through
/// <see cref="WriteAsync"/>: each write is validated once (<see cref="Validate"/>, called nowhere else on this path; an
/// import also runs it over its whole file before writing, since it reads the file again to write it); then its text is
/// redacted when its namespace is (<see cref="MnemoOptions.RedactedNamespaces"/>), before it is embedded or compared; then
/// the fields it leaves out are carried over from the version it follows, its near-duplicate and its conflict are decided;
/// then all the writes of the call are written in one transaction.
/// </remarks>
public sealed partial class MnemoEngine
{
    // A conflict is settled against the version read; when yet another write lands first, it is settled again.
    private const int ConflictAttempts = 8;

    /// <summary>
    /// Stores a new version of an entry, after the near-duplicate check its <see cref="MemoryWrite.OnDuplicate"/> asks for
    /// and the conflict settlement its <see cref="MemoryWrite.BaseVersion"/> asks for, and says what happened.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(MemoryWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return (await WriteAsync([new WriteRequest(write)], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Stores several entries in one transaction: all are written, or (on any conflict or error) none. Each write's
    /// duplicate check and conflict are decided as for <see cref="StoreAsync"/>; a write skipped as a duplicate is
    /// reported and not written. Writes of one call are not compared with each other for duplicates.
    /// </summary>
    /// <returns>One outcome per write, in order.</returns>
    public async Task<IReadOnlyList<StoreOutcome>> StoreManyAsync(IReadOnlyList<MemoryWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var requests = new WriteRequest[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            requests[i] = new WriteRequest(writes[i] ?? throw new ArgumentException($"write {i} is null: give a write for every item", nameof(writes)));
        }

        return await WriteAsync(requests, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pipeline: validate each write once, decide duplicates and conflicts, write all in one transaction.</summary>
    internal async Task<IReadOnlyList<StoreOutcome>> WriteAsync(IReadOnlyList<WriteRequest> requests, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var pending = new PendingWrite[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            pending[i] = Redacted(requests[i], Validate(requests[i].Write));
        }

        // Checked before anything is read or embedded for the writes, so a write the caller may not make costs nothing.
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in pending)
        {
            Demand(rules, write.Given.Key, AccessRight.Write, ActorOf(write));
        }

        var currents = await CurrentEntriesAsync(pending, cancellationToken).ConfigureAwait(false);
        foreach (var write in pending.Where(w => w.Given.OnDuplicate != DuplicatePolicy.Allow))
        {
            await DecideDuplicateAsync(write, Live(currents, write.Given.Key, Now()), rules, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var now = Now();
            var prepared = new List<PreparedWrite>(pending.Length);
            foreach (var write in pending.Where(w => w.Action != StoreAction.Skipped))
            {
                prepared.Add(await DecideConflictAsync(write, Live(currents, write.Given.Key, now), now, cancellationToken).ConfigureAwait(false));
            }

            try
            {
                var written = await PutAsync(prepared, now, cancellationToken).ConfigureAwait(false);
                return await OutcomesAsync(pending, written, cancellationToken).ConfigureAwait(false);
            }
            catch (MnemoConflictException e) when (attempt < ConflictAttempts
                && pending.Any(w => w.Given.Key == e.Key && w.Given.BaseVersion is not null && w.Given.ExpectedVersion is null))
            {
                // Another writer moved the entry between the read and the write: settle against its new version.
                currents = await CurrentEntriesAsync(pending, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Every check a write must pass, on the write as the caller gave it; returns it with its fields normalised, the
    /// caller's agent and session filled in (fields the caller left out stay null).
    /// </summary>
    internal MemoryWrite Validate(MemoryWrite write)
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
                $"expected version {write.ExpectedVersion} is negative: use 0 for 'must not exist' or a version a read returned");
        }

        if (write.FencingToken is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(write), write.FencingToken,
                $"fencing token {write.FencingToken} is not positive: pass the token the lock's acquisition returned");
        }

        if (write.BaseVersion is { } baseVersion)
        {
            if (write.ExpectedVersion is not null)
            {
                throw new ArgumentException($"the write to {UserValue.Quote(write.Key)} gives both an expected and a base version: give one", nameof(write));
            }

            ArgumentOutOfRangeException.ThrowIfNegative(baseVersion, nameof(write.BaseVersion));
        }

        if (!Enum.IsDefined(write.OnDuplicate))
        {
            throw new ArgumentOutOfRangeException(nameof(write), write.OnDuplicate, "the duplicate policy is allow, report, skip or merge");
        }

        CheckSize(write.Key, ContentCodec.EncodedLength(write.Text, write.Value), write.Metadata);
        return write with
        {
            Kind = write.Kind is null ? null : EntryValidator.NormalizeKind(write.Kind),
            Tags = write.Tags is null ? null : EntryValidator.NormalizeTags(write.Tags),
            Importance = write.Importance is null ? null : EntryValidator.NormalizeImportance(write.Importance),
            Agent = EntryValidator.NormalizeAgent(write.Agent ?? Agent),
            Session = EntryValidator.NormalizeSession(write.Session ?? Session),
        };
    }

    /// <summary>Throws <see cref="MnemoErrorCode.EntryTooLarge"/> when an entry's payload and metadata exceed the limit.</summary>
    private void CheckSize(string key, int payloadLength, System.Text.Json.JsonElement? metadata)
    {
        var size = payloadLength - 4 + (metadata is { } m ? Encoding.UTF8.GetByteCount(m.GetRawText()) : 0);
        if (size > _options.MaxEntryBytes)
        {
            throw MnemoErrors.EntryTooLarge(key, size, _options.MaxEntryBytes);
        }
    }

    /// <summary>Who a write acts as: its agent, except that an import acts as the caller whatever agent its line records.</summary>
    private string? ActorOf(PendingWrite write) => write.Request.Imported is null ? write.Given.Agent : Agent;

    /// <summary>
    /// The current entries of the keys whose writes need them: to carry fields over from, or to settle a conflict against
    /// (one read for the whole call).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, MemoryEntry>> CurrentEntriesAsync(PendingWrite[] pending, CancellationToken cancellationToken)
    {
        var keys = pending.Where(w => w.Given.BaseVersion is not null || (CarriesOver(w.Request) && LeavesOutFields(w.Given)))
            .Select(w => w.Given.Key).Distinct(StringComparer.Ordinal).ToList();
        return keys.Count == 0
            ? new Dictionary<string, MemoryEntry>(StringComparer.Ordinal)
            : (await _store.GetManyAsync(keys, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Key, StringComparer.Ordinal);
    }

    /// <summary>The entry current under a key unless it has expired.</summary>
    private static MemoryEntry? Live(IReadOnlyDictionary<string, MemoryEntry> currents, string key, DateTimeOffset now) =>
        currents.TryGetValue(key, out var entry) && !entry.IsExpiredAt(now) ? entry : null;

    /// <summary>Looks for a near-duplicate of the write (as it will be written) and applies its policy: reported, skipped or merged into.</summary>
    private async Task DecideDuplicateAsync(PendingWrite write, MemoryEntry? live, AccessRules rules, CancellationToken cancellationToken)
    {
        var duplicate = await FindDuplicateAsync(CarryOver(write, live), cancellationToken).ConfigureAwait(false);
        if (duplicate is null)
        {
            return;
        }

        write.Duplicate = duplicate.Match;
        switch (write.Given.OnDuplicate)
        {
            case DuplicatePolicy.Skip:
                write.Action = StoreAction.Skipped;
                write.Existing = duplicate.Entry;
                break;
            case DuplicatePolicy.Merge:
                Demand(rules, duplicate.Entry.Key, AccessRight.Write, ActorOf(write));
                write.Action = StoreAction.Merged;
                write.Merged = RedactMerged(write, Merge(duplicate.Entry, write.Given));
                break;
        }
    }

    /// <summary>The write to apply: settled against the current entry when it was made from a base version.</summary>
    private async Task<PreparedWrite> DecideConflictAsync(PendingWrite write, MemoryEntry? live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        write.Conflict = null;
        if (write.Merged is { } merged)
        {
            return Encode(write.Request, merged, now, changed: true);
        }

        var carried = CarryOver(write, live);
        if (write.Given.BaseVersion is null)
        {
            return Encode(write.Request, carried, now, changed: !ReferenceEquals(carried, write.Given));
        }

        var (prepared, conflict) = await SettleAsync(write.Request, carried, live, now, cancellationToken).ConfigureAwait(false);
        write.Conflict = conflict;
        return prepared;
    }

    /// <summary>True for a write that carries fields over (every write but an import, whose line is the whole entry).</summary>
    private static bool CarriesOver(WriteRequest request) => request.Imported is null;

    /// <summary>True when the write leaves out a field that a new version carries over.</summary>
    private static bool LeavesOutFields(MemoryWrite write) => write.Kind is null || write.Tags is null || write.Metadata is null || write.Importance is null;

    /// <summary>
    /// The write with the fields it leaves out (kind, tags, metadata, importance) taken from the version it follows, so that
    /// a new version keeps what the caller did not change; a field given replaces the previous one (an empty tag list
    /// clears the tags). Nothing is carried from a removed or expired entry, nor into an import.
    /// </summary>
    private static MemoryWrite CarryOver(PendingWrite write, MemoryEntry? live) =>
        live is null || !CarriesOver(write.Request) || !LeavesOutFields(write.Given)
            ? write.Given
            : write.Given with
            {
                Kind = write.Given.Kind ?? live.Kind,
                Tags = write.Given.Tags ?? live.Tags,
                Metadata = write.Given.Metadata ?? live.Metadata,
                Importance = write.Given.Importance ?? live.Importance,
            };

    /// <summary>
    /// Encodes, hashes and (when large) compresses a decided write for the store. A write whose fields were carried over or
    /// merged is checked against the entry limits again, since what it holds is no longer only what the caller gave.
    /// </summary>
    private PreparedWrite Encode(WriteRequest request, MemoryWrite write, DateTimeOffset now, bool changed)
    {
        var payload = ContentCodec.Encode(write.Text, write.Value);
        var tags = write.Tags ?? [];
        if (changed)
        {
            CheckSize(write.Key, payload.Length, write.Metadata);
            if (tags.Count > EntryDefaults.MaxTags)
            {
                throw new ArgumentException(
                    $"the write to {UserValue.Quote(write.Key)} would hold {tags.Count} tags once merged: at most {EntryDefaults.MaxTags} are allowed", nameof(request));
            }
        }

        return new PreparedWrite
        {
            Key = write.Key,
            Namespace = MemoryKey.GetNamespace(write.Key),
            Text = write.Text,
            Value = write.Value,
            Payload = payload,
            Hash = ContentCodec.Hash(payload),
            SharedContent = payload.Length >= _options.LargeContentBytes ? ContentCodec.Compress(payload) : null,
            Kind = write.Kind ?? EntryDefaults.Kind,
            Tags = tags,
            Metadata = write.Metadata,
            Importance = write.Importance ?? EntryDefaults.Importance,
            Agent = write.Agent,
            Session = write.Session,
            ExpiresAt = request.ExpiresAt ?? (write.TimeToLive is { } ttl ? Timestamps.Truncate(now + ttl) : null),
            ExpectedVersion = write.ExpectedVersion,
            Imported = request.Imported,
            ImportedBy = request.ImportedBy,
            Fence = FenceOf(write.FencingToken),
            ClearsSiblings = request.ClearsSiblings,
            Event = request.Event,
        };
    }

    /// <summary>Writes the decided writes in one transaction and caches what a single write wrote.</summary>
    private async Task<IReadOnlyList<MemoryEntry>> PutAsync(IReadOnlyList<PreparedWrite> prepared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (prepared.Count == 0)
        {
            return [];
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

    /// <summary>One outcome per write, carrying the quota warnings of the agent and session each write was charged to.</summary>
    private async Task<IReadOnlyList<StoreOutcome>> OutcomesAsync(PendingWrite[] pending, IReadOnlyList<MemoryEntry> written, CancellationToken cancellationToken)
    {
        var usage = written.Count == 0 ? [] : await _store.GetUsageAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new StoreOutcome[pending.Length];
        var next = 0;
        for (var i = 0; i < pending.Length; i++)
        {
            var write = pending[i];
            if (write.Action == StoreAction.Skipped)
            {
                outcomes[i] = new StoreOutcome(write.Existing!, StoreAction.Skipped, write.Duplicate) { Redacted = write.Redacted };
                continue;
            }

            var charged = write.Request.ImportedBy ?? write.Given.Agent;
            var warnings = usage
                .Where(u => u.IsSession ? u.Name == write.Given.Session : u.Name == charged)
                .Select(u => new QuotaUsage(u.IsSession, u.Name, u.Bytes, u.IsSession ? _options.SessionQuotaBytes : _options.AgentQuotaBytes, _options.QuotaWarningFraction))
                .Where(u => u.IsWarning)
                .ToList();
            foreach (var warning in warnings)
            {
                _log.Record(EngineLogLevel.Warning, "quota", $"{warning.Describe()} after writing {write.Given.Key}");
            }

            outcomes[i] = new StoreOutcome(written[next++], write.Action, write.Duplicate, write.Conflict) { Warnings = warnings, Redacted = write.Redacted };
        }

        return outcomes;
    }

    /// <summary>A write on its way through the pipeline: as validated, and what was decided for it.</summary>
    private sealed class PendingWrite(WriteRequest request, MemoryWrite given)
    {
        public WriteRequest Request { get; } = request;

        /// <summary>The write as the caller gave it, validated and normalised, its text redacted when its namespace is.</summary>
        public MemoryWrite Given { get; } = given;

        /// <summary>What was redacted from the write's text (<see cref="MnemoOptions.RedactedNamespaces"/>).</summary>
        public IReadOnlyList<Privacy.RedactionFinding> Redacted { get; set; } = [];

        public StoreAction Action { get; set; } = StoreAction.Written;

        public DuplicateMatch? Duplicate { get; set; }

        /// <summary>The near-duplicate a skipped write returns.</summary>
        public MemoryEntry? Existing { get; set; }

        /// <summary>The write into the near-duplicate's key that replaces a merged write.</summary>
        public MemoryWrite? Merged { get; set; }

        public ConflictOutcome? Conflict { get; set; }
    }
}

/// <summary>A write entering the pipeline, with what an import, a share or a conflict resolution adds to it.</summary>
/// <param name="Write">The write as the caller gave it.</param>
internal sealed record WriteRequest(MemoryWrite Write)
{
    /// <summary>Fields an import restores as exported; null for other writes.</summary>
    public ImportedState? Imported { get; init; }

    /// <summary>An expiry time given as such (an import, a share), instead of the write's time to live.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The agent whose import writes this version.</summary>
    public string? ImportedBy { get; init; }

    /// <summary>True when the key's siblings are discarded with the write (a resolution of the manual policy).</summary>
    public bool ClearsSiblings { get; init; }

    /// <summary>An event recorded in the change feed with the write.</summary>
    public (FeedEventType Type, string Detail)? Event { get; init; }
}
