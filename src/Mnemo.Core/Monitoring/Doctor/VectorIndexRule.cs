using Mnemo.Core.Messages;
using Mnemo.Core.Storage;
using Mnemo.Core.Vectors;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// The saved vector index against the store: whether this process's embedder is the store's, how far the index file
/// lags the change log (the next search embeds what it lacks first), and index files of other models or indexed-text
/// rules lying beside the database.
/// </summary>
/// <remarks>
/// Index files are named <c>{database}.{model}.{rule tag}.hnsw</c>. The current file is found by its rule tag without
/// creating the embedder (loading a neural model takes seconds); only when files of several models carry the current
/// tag is the embedder resolved, as a search would, to learn which model is the store's.
/// </remarks>
internal sealed class VectorIndexRule : IDoctorRule
{
    private const string Extension = ".hnsw";

    public string Name => "vector-index";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        // No embedder recorded: no process has made vectors for this store yet, so there is no index to judge.
        var recorded = await context.Store.GetSettingAsync(MnemoEngine.EmbedderSetting, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            return [];
        }

        if (context.Engine.EmbedderMismatch(recorded) is { } mismatch)
        {
            return
            [
                new DoctorFinding(Name, DoctorSeverity.Critical, "this process is set to embed with another model than the store's index was built with",
                    [mismatch, $"store's embedder: {recorded}"],
                    "use the store's embedder in this process, or move the store to the new one by reindexing with it"),
            ];
        }

        var status = await context.StatusAsync(cancellationToken).ConfigureAwait(false);
        var files = status.Files.Where(f => f.Kind == StoreFileKind.VectorIndex && f.Path.EndsWith(Extension, StringComparison.Ordinal)).ToList();
        var tag = await context.Engine.IndexRuleTagAsync(cancellationToken).ConfigureAwait(false);
        var current = files.Where(f => f.Path.EndsWith($".{tag}{Extension}", StringComparison.Ordinal)).ToList();
        var target = context.Engine.LoadedIndexPath ?? current.Count switch
        {
            0 => null,
            1 => current[0].Path,
            _ => (await context.Engine.VectorIndexTargetAsync(cancellationToken).ConfigureAwait(false)).FilePath,
        };

        var findings = new List<DoctorFinding>();
        var last = await context.Store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var (covered, problem) = target is null ? (0, null) : ReadCovered(target);
        var lag = last - covered;
        if (problem is not null)
        {
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Warning, "the vector index file cannot be read: the next search rebuilds it",
                [$"{target}: {problem}"], "rebuild it now rather than at the next search: mnemo reindex"));
        }
        else if (lag >= context.Options.IndexLagChanges)
        {
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Info,
                $"the saved vector index is {Counted.Grouped(lag, "change", "changes")} behind the log",
                [
                    target is null ? $"no index file of the store's embedder ({recorded}) saved under the current rules" : $"{target}: covers the log up to change {DoctorText.Count(covered)}",
                    $"the log is at change {DoctorText.Count(last)}; {DoctorText.Count(status.LiveEntries)} live entries",
                    $"threshold: {DoctorText.Count(context.Options.IndexLagChanges)} changes",
                ],
                "the next search embeds the missing texts before it answers; to pay that now: mnemo search with any query, or mnemo reindex"));
        }

        var others = files.Where(f => target is null || !string.Equals(Path.GetFullPath(f.Path), Path.GetFullPath(target), StringComparison.Ordinal)).ToList();
        if (others.Count > 0)
        {
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Info,
                $"{DoctorText.Count(others.Count)} vector index {(others.Count == 1 ? "file was" : "files were")} built with another model or indexed-text rule "
                    + $"({DoctorText.Bytes(others.Sum(f => f.Bytes))})",
                [.. others.Select(f => $"{f.Path}: {DoctorText.Bytes(f.Bytes)}"), $"the store's embedder: {recorded}"],
                "no process using the store's embedder reads them; unless a library host embeds with that model, delete them (derived data, rebuilt when needed)"));
        }

        return findings;
    }

    /// <summary>The change the saved index covers (with its delta), or why the file could not be read.</summary>
    private static (long Covered, string? Problem) ReadCovered(string path)
    {
        try
        {
            using var index = HnswIndex.Open(path);
            return (index.CoveredSequence, null);
        }
        catch (FileNotFoundException)
        {
            return (0, null);
        }
        catch (Exception e) when (e is MnemoException or IOException or UnauthorizedAccessException)
        {
            return (0, e.Message);
        }
    }
}
