using System.Text;
using System.Text.Json;
using Mnemo.Core.Errors;
using Mnemo.Core.Links;
using Mnemo.Core.Storage;
using Mnemo.Core.Transfer;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    private const int MaxReportedImportErrors = 20;

    // Keys looked up in the store at once when checking the ends of imported links.
    private const int LinkEndLookupBatch = 500;

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
        var writer = new Utf8JsonWriter(output);
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
    /// transactions of the same size; a crash part-way leaves whole batches only.
    /// </summary>
    /// <remarks>
    /// A key that does not exist yet keeps the version and times the line gives; a key that exists gets a new version.
    /// Each end of a link must be an entry line of the file or a current entry of the store. A link that exists (same
    /// ends and relation) is replaced, so importing a file twice does not duplicate links.
    /// </remarks>
    public async Task<ImportResult> ImportAsync(
        string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        if (!File.Exists(path))
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput, $"import file '{path}' does not exist: check the path");
        }

        var plan = await ValidateImportAsync(path, cancellationToken).ConfigureAwait(false);
        var batch = new List<PreparedWrite>(_options.ImportBatchSize);
        long written = 0;
        var batches = 0;
        await foreach (var (number, line) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (number > plan.LastEntryLine)
            {
                break;
            }

            if (ImportLineParser.Parse(line) is not ImportRecord record)
            {
                continue;
            }

            batch.Add(Prepare(record.Write, Now(), record.Imported, record.ExpiresAt));
            if (batch.Count == _options.ImportBatchSize)
            {
                written += await WriteBatchAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            written += await WriteBatchAsync().ConfigureAwait(false);
        }

        var (links, linkBatches) = plan.Links == 0
            ? (0, 0)
            : await ImportLinksAsync(path, plan.FirstLinkLine, cancellationToken).ConfigureAwait(false);

        // Watchers learn that a bulk change is complete (its entries are in the feed one by one before this).
        await _store.AppendEventAsync(Coordination.FeedEventType.SyncComplete, "", Agent,
            Coordination.EventDetail.Of(("source", "import"), ("file", Path.GetFileName(path)), ("entries", written), ("links", links)), Now(), cancellationToken)
            .ConfigureAwait(false);
        return new ImportResult(written, batches + linkBatches, plan.Lines, links);

        async Task<int> WriteBatchAsync()
        {
            var done = await PutPreparedAsync(batch, Now(), cancellationToken).ConfigureAwait(false);
            batch.Clear();
            batches++;
            progress?.Report(new ImportProgress(written + done.Count, plan.Entries));
            return done.Count;
        }
    }

    /// <summary>Writes a checked file's link lines (from its first one on) in batches; returns how many, and the batches used.</summary>
    private async Task<(long Written, int Batches)> ImportLinksAsync(string path, long firstLinkLine, CancellationToken cancellationToken)
    {
        var batch = new List<MemoryLink>(_options.ImportBatchSize);
        var written = 0L;
        var batches = 0;
        await foreach (var (number, line) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (number < firstLinkLine || ImportLineParser.Parse(line) is not ImportLink link)
            {
                continue;
            }

            batch.Add(link.ToLink(_options.Agent, Now()));
            if (batch.Count == _options.ImportBatchSize)
            {
                await WriteBatchAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            await WriteBatchAsync().ConfigureAwait(false);
        }

        return (written, batches);

        async Task WriteBatchAsync()
        {
            // The ends were checked with the whole file; an end removed or expired since then keeps its link, ignored
            // until the key is written again, as for any link whose end is removed.
            var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var link in batch)
            {
                Demand(rules, link.From, Coordination.AccessRight.Write, Agent);
            }

            await _store.PutLinksAsync(batch, cancellationToken).ConfigureAwait(false);
            written += batch.Count;
            batch.Clear();
            batches++;
        }
    }

    /// <summary>
    /// Parses and validates every line without writing, and checks that each link's ends are entries of the file or of
    /// the store; returns what the file holds, or throws listing the bad lines.
    /// </summary>
    private async Task<ImportPlan> ValidateImportAsync(string path, CancellationToken cancellationToken)
    {
        var errors = new List<ImportLineError>();
        var more = false;
        var plan = new ImportPlan();
        var entryKeys = new HashSet<string>(StringComparer.Ordinal);

        // Links with an end not (yet) seen among the entry lines: the entry may come later, or be in the store. An export
        // writes its links after its entries, so for an exported file this stays empty.
        var unresolved = new List<(long Line, ImportLink Link)>();
        await foreach (var (number, line) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            plan.Lines++;
            try
            {
                switch (ImportLineParser.Parse(line))
                {
                    case ImportRecord record:
                        entryKeys.Add(record.Write.Key);
                        Validate(record.Write);
                        plan.Entries++;
                        plan.LastEntryLine = number;
                        break;
                    case ImportLink link:
                        if (!entryKeys.Contains(link.From) || !entryKeys.Contains(link.To))
                        {
                            unresolved.Add((number, link));
                        }

                        plan.Links++;
                        plan.FirstLinkLine = plan.FirstLinkLine == 0 ? number : plan.FirstLinkLine;
                        break;
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or MnemoException)
            {
                if (errors.Count == MaxReportedImportErrors)
                {
                    more = true;
                    break;
                }

                errors.Add(new ImportLineError(number, ImportLineParser.WithoutParameter(e.Message)));
            }
        }

        if (!more)
        {
            errors.AddRange(await CheckLinkEndsAsync(unresolved, entryKeys, cancellationToken).ConfigureAwait(false));
            errors.Sort((a, b) => a.Line.CompareTo(b.Line));
            if (errors.Count > MaxReportedImportErrors)
            {
                errors.RemoveRange(MaxReportedImportErrors, errors.Count - MaxReportedImportErrors);
                more = true;
            }
        }

        return errors.Count == 0 ? plan : throw new MnemoImportException(path, errors, more);
    }

    /// <summary>One error per link line whose end is neither an entry line of the file nor a current entry of the store.</summary>
    private async Task<List<ImportLineError>> CheckLinkEndsAsync(
        List<(long Line, ImportLink Link)> unresolved, HashSet<string> entryKeys, CancellationToken cancellationToken)
    {
        var errors = new List<ImportLineError>();
        var outside = unresolved.SelectMany(u => new[] { u.Link.From, u.Link.To }).Where(key => !entryKeys.Contains(key))
            .Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count == 0)
        {
            return errors;
        }

        var now = Now();
        var inStore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keys in outside.Chunk(LinkEndLookupBatch))
        {
            var found = await _store.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
            inStore.UnionWith(found.Where(entry => !entry.IsExpiredAt(now)).Select(entry => entry.Key));
        }

        foreach (var (line, link) in unresolved)
        {
            var (field, key) = !entryKeys.Contains(link.From) && !inStore.Contains(link.From) ? ("from", link.From)
                : !entryKeys.Contains(link.To) && !inStore.Contains(link.To) ? ("to", link.To)
                : (null, null);
            if (key is not null)
            {
                errors.Add(new ImportLineError(line,
                    $"\"{field}\" is '{key}', which is neither an entry line of this file nor a current entry of the store: add a line for '{key}' or drop the link"));
            }
        }

        return errors;
    }

    /// <summary>Non-blank lines with their 1-based numbers.</summary>
    private static async IAsyncEnumerable<(long Number, string Line)> ReadLinesAsync(
        string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0L;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>What a checked import file holds: counts, and where its entry lines end and its link lines begin.</summary>
    private sealed class ImportPlan
    {
        public long Lines { get; set; }

        public long Entries { get; set; }

        public long Links { get; set; }

        /// <summary>The number of the last entry line (0 when none): writing entries can stop there.</summary>
        public long LastEntryLine { get; set; }

        /// <summary>The number of the first link line (0 when none): writing links can start there.</summary>
        public long FirstLinkLine { get; set; }
    }
}
