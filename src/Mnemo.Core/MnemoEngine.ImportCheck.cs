using Mnemo.Core.Coordination;
using Mnemo.Core.Errors;
using Mnemo.Core.Transfer;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    private const int MaxReportedImportErrors = 20;

    // Keys looked up in the store at once when checking the ends of imported links.
    private const int LinkEndLookupBatch = 500;

    /// <summary>Refuses a path that is not an existing file before anything is read.</summary>
    private static void CheckImportFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw MnemoErrors.ImportFileIsDirectory(path);
        }

        if (!File.Exists(path))
        {
            throw MnemoErrors.ImportFileMissing(path);
        }
    }

    /// <summary>
    /// Parses and validates every line without writing, checks that the caller may write each entry's key and each link's
    /// start, and that each link's ends are entries of the file or of the store; returns what the file holds, or throws
    /// listing the bad lines.
    /// </summary>
    private async Task<ImportPlan> ValidateImportAsync(string path, CancellationToken cancellationToken)
    {
        var errors = new List<ImportLineError>();
        var more = false;
        var plan = new ImportPlan();
        var entryKeys = new HashSet<string>(StringComparer.Ordinal);
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        (long Line, MnemoException Error)? denied = null;

        // Links with an end not (yet) seen among the entry lines: the entry may come later, or be in the store. An export
        // writes its links after its entries, so for an exported file this stays empty.
        var unresolved = new List<(long Line, ImportLink Link)>();
        await foreach (var line in ReadImportLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            plan.Lines++;
            try
            {
                if (line.Problem is { } problem)
                {
                    throw new FormatException(problem);
                }

                switch (ImportLineParser.Parse(line.Text!))
                {
                    case ImportRecord record:
                        entryKeys.Add(record.Write.Key);
                        Validate(record.Write);
                        denied ??= Denial(rules, record.Write.Key, line.Number);
                        plan.Entries++;
                        plan.LastEntryLine = line.Number;
                        break;
                    case ImportLink link:
                        if (!entryKeys.Contains(link.From) || !entryKeys.Contains(link.To))
                        {
                            unresolved.Add((line.Number, link));
                        }

                        denied ??= Denial(rules, link.From, line.Number);
                        plan.Links++;
                        plan.FirstLinkLine = plan.FirstLinkLine == 0 ? line.Number : plan.FirstLinkLine;
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

                // An engine failure keeps its remedies, so each face names its own (the CLI its flag or variable).
                errors.Add(new ImportLineError(line.Number,
                    e is MnemoException mnemo ? mnemo.Description : MnemoMessage.Plain(ImportLineParser.WithoutParameter(e.Message))));
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

        if (errors.Count > 0)
        {
            throw new MnemoImportException(path, errors, more);
        }

        // Checked before the first write, so an import the caller may not make writes nothing (rather than the batches
        // before the first key it may not write).
        return denied is { } first
            ? throw MnemoErrors.ImportDenied(path, first.Line, first.Error)
            : plan;
    }

    /// <summary>The denial of the caller's write right on a key, with its line; null when the caller may write it.</summary>
    private (long Line, MnemoException Error)? Denial(AccessRules rules, string key, long line) =>
        rules.Allows(Agent, key, AccessRight.Write) ? null : (line, AccessRules.Denied(Agent, key, AccessRight.Write));

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
                var quoted = UserValue.Quote(key);
                errors.Add(new ImportLineError(line, MnemoMessage.Plain(
                    $"\"{field}\" is {quoted}, which is neither an entry line of this file nor a current entry of the store: add a line for {quoted} or drop the link")));
            }
        }

        return errors;
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
