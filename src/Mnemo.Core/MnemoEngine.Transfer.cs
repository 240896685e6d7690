using System.Text.Json;
using Mnemo.Core.Errors;
using Mnemo.Core.Messages;
using Mnemo.Core.Transfer;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Writes every current entry as one JSON object per line (JSONL), in key order, then one line per link between two
    /// of those entries (<see cref="LinkJson"/>), ordered by from, relation and to.
    /// </summary>
    /// <remarks>Every field is written, so an import of the file into an empty store gives back the same entries and links.</remarks>
    public async Task<ExportResult> ExportAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfDisposed();
        await DemandAsync("", Coordination.AccessRight.Read, cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        var newline = "\n"u8.ToArray();
        var writer = new Utf8JsonWriter(output, ReadableJson.Compact);
        await using var writerScope = writer.ConfigureAwait(false);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in _store.ExportAsync(now, cancellationToken).ConfigureAwait(false))
        {
            EntryJson.Write(writer, entry);
            await EndLineAsync().ConfigureAwait(false);
            keys.Add(entry.Key);
        }

        // Links are read in a second snapshot: a link to an entry written since the first would point outside the file
        // (and make it fail to import into an empty store), so only links between exported entries are written.
        var links = 0L;
        await foreach (var link in _store.ExportLinksAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (keys.Contains(link.From) && keys.Contains(link.To))
            {
                LinkJson.Write(writer, link);
                await EndLineAsync().ConfigureAwait(false);
                links++;
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new ExportResult(keys.Count, links);

        async Task EndLineAsync()
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            writer.Reset();
            await output.WriteAsync(newline, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Imports a JSONL file of entry lines and link lines. The whole file is checked first: when any line is bad, the
    /// bad lines are reported with their numbers (<see cref="MnemoImportException"/>) and nothing is written. Then
    /// entries are written in transactions of <see cref="MnemoOptions.ImportBatchSize"/>, and after them the links, in
    /// transactions of the same size; each transaction is whole or absent. When the import stops part-way (cancelled,
    /// over a quota), the error says how many entries and links, in how many transactions, were written
    /// (<see cref="ImportInterruptedException"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The caller (<see cref="Agent"/>) is who writes: access rules are checked, and quotas charged, against the caller,
    /// never against the <c>"agent"</c> a line names. A line's agent is recorded only when the caller holds admin on the
    /// key (an admin's restore-like import; in an open store everyone does); otherwise the caller is recorded as the
    /// entry's agent, as for <c>store</c>. Every version an import writes records the caller as its importer
    /// (<see cref="EntryVersion.ImportedBy"/>), so the history shows who imported it. The same holds for links.
    /// </para>
    /// <para>
    /// A key that does not exist yet keeps the version and times the line gives; a key that exists gets a new version.
    /// Each end of a link must be an entry line of the file or a current entry of the store. A link that exists (same
    /// ends and relation) is replaced, so importing a file twice does not duplicate links. Lines are read as UTF-8, at
    /// most <see cref="MnemoOptions.MaxImportLineBytes"/> each.
    /// </para>
    /// </remarks>
    public async Task<ImportResult> ImportAsync(
        string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        CheckImportFile(path);
        var plan = await ValidateImportAsync(path, cancellationToken).ConfigureAwait(false);
        var committed = new ImportCommitted();
        try
        {
            await ImportEntriesAsync(path, plan, committed, progress, cancellationToken).ConfigureAwait(false);
            if (plan.Links > 0)
            {
                await ImportLinksAsync(path, plan.FirstLinkLine, committed, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (committed.Batches > 0 && Interrupted(path, committed, e) is { } interrupted)
        {
            throw interrupted;
        }

        // Watchers learn that a bulk change is complete (its entries are in the feed one by one before this). Everything is
        // written by now, so a cancellation here would only make a complete import look interrupted.
        await _store.AppendEventAsync(Coordination.FeedEventType.SyncComplete, "", Agent,
            Coordination.EventDetail.Of(("source", "import"), ("file", Path.GetFileName(path)), ("entries", committed.Entries), ("links", committed.Links)),
            Now(), CancellationToken.None).ConfigureAwait(false);
        return new ImportResult(committed.Entries, committed.Batches, plan.Lines, committed.Links);
    }

    /// <summary>Writes a checked file's entry lines (up to its last one) in batches.</summary>
    private async Task ImportEntriesAsync(
        string path, ImportPlan plan, ImportCommitted committed, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<WriteRequest>(_options.ImportBatchSize);
        var batchEnd = 0L;
        await foreach (var line in ReadImportLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (line.Number > plan.LastEntryLine)
            {
                break;
            }

            if (ImportLineParser.Parse(line.Text!) is not ImportRecord record)
            {
                continue;
            }

            // A line's agent is data from the file, not an identity: kept only for an admin of the key, else the caller's.
            var write = rules.Allows(Agent, record.Write.Key, Coordination.AccessRight.Admin) ? record.Write : record.Write with { Agent = Agent };
            batch.Add(new WriteRequest(write) { Imported = record.Imported, ExpiresAt = record.ExpiresAt, ImportedBy = Agent });
            batchEnd = line.Number;
            if (batch.Count == _options.ImportBatchSize)
            {
                await WriteBatchAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            await WriteBatchAsync().ConfigureAwait(false);
        }

        async Task WriteBatchAsync()
        {
            var done = await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Clear();
            committed.Entries += done.Count;
            committed.Batches++;
            committed.ThroughLine = batchEnd;
            progress?.Report(new ImportProgress(committed.Entries, plan.Entries));
        }
    }

    /// <summary>Writes a checked file's link lines (from its first one on) in batches.</summary>
    private async Task ImportLinksAsync(string path, long firstLinkLine, ImportCommitted committed, CancellationToken cancellationToken)
    {
        committed.InLinks = true;
        var batch = new List<ImportLink>(_options.ImportBatchSize);
        var batchEnd = 0L;
        await foreach (var line in ReadImportLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (line.Number < firstLinkLine || ImportLineParser.Parse(line.Text!) is not ImportLink link)
            {
                continue;
            }

            batch.Add(link);
            batchEnd = line.Number;
            if (batch.Count == _options.ImportBatchSize)
            {
                await WriteBatchAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            await WriteBatchAsync().ConfigureAwait(false);
        }

        async Task WriteBatchAsync()
        {
            // The ends were checked with the whole file; an end removed or expired since then keeps its link, ignored
            // until the key is written again, as for any link whose end is removed.
            var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
            var links = new List<MemoryLink>(batch.Count);
            foreach (var link in batch)
            {
                Demand(rules, link.From, Coordination.AccessRight.Write, Agent);
                var kept = rules.Allows(Agent, link.From, Coordination.AccessRight.Admin) ? link : link with { Agent = null };
                links.Add(kept.ToLink(Agent, Now()));
            }

            await _store.PutLinksAsync(links, cancellationToken).ConfigureAwait(false);
            committed.Links += batch.Count;
            committed.Batches++;
            committed.ThroughLine = batchEnd;
            batch.Clear();
        }
    }

    /// <summary>
    /// The error to raise when an import stops after some transactions committed: the cause, with what was and was not
    /// written; null to let other failures through unchanged.
    /// </summary>
    private static Exception? Interrupted(string path, ImportCommitted committed, Exception cause)
    {
        var file = UserValue.Quote(Path.GetFileName(path));
        var transactions = Counted.Grouped(committed.Batches, "transaction", "transactions");
        var done = committed.InLinks
            ? $"{(committed.Entries == 1 ? "the" : "all")} {Counted.Grouped(committed.Entries, "entry", "entries")} and {Counted.Grouped(committed.Links, "link", "links")} "
                + $"(the link lines up to line {committed.ThroughLine:N0}) were written in {transactions}, the later link lines were not"
            : $"{Counted.Grouped(committed.Entries, "entry", "entries")} (the entry lines up to line {committed.ThroughLine:N0}) "
                + $"{Counted.Noun(committed.Entries, "was", "were")} written in {transactions}, the rest of the file was not";
        const string Again = "import the file again to finish (an entry written again gets a new version, a link is replaced)";
        return cause switch
        {
            OperationCanceledException => new ImportInterruptedException(
                $"import of {file} cancelled: {done}; {Again}", committed.Entries, committed.Links, committed.Batches, cause),
            MnemoException mnemo and not MnemoImportException => MnemoErrors.ImportStopped(mnemo, file, done, Again),
            _ => null,
        };
    }

    /// <summary>The non-blank lines of an import file, streamed within <see cref="MnemoOptions.MaxImportLineBytes"/>.</summary>
    private IAsyncEnumerable<ImportFileLine> ReadImportLinesAsync(string path, CancellationToken cancellationToken) =>
        ImportFileReader.ReadAsync(path, _options.MaxImportLineBytes, cancellationToken);

    /// <summary>What an import has committed so far.</summary>
    private sealed class ImportCommitted
    {
        public long Entries { get; set; }

        public long Links { get; set; }

        public int Batches { get; set; }

        /// <summary>The number of the last line whose content a committed transaction holds.</summary>
        public long ThroughLine { get; set; }

        /// <summary>True once every entry is written and links are being written.</summary>
        public bool InLinks { get; set; }
    }
}
