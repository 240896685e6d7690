using Mnemo.Core.Storage;
using Mnemo.Core.Vectors;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// The saved vector index against the store: whether this process's embedder is the store's, how far the index file of
/// that model lags the change log (the next search embeds what it lacks first), and index files of other models or
/// indexed-text rules lying beside the database.
/// </summary>
internal sealed class VectorIndexRule : IDoctorRule
{
    public string Name => "vector-index";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        // No embedder recorded: no process has made vectors for this store yet, so there is no index to judge.
        var recorded = await context.Store.GetSettingAsync(MnemoEngine.EmbedderSetting, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            return [];
        }

        (string ModelId, string FilePath) target;
        try
        {
            target = await context.Engine.VectorIndexTargetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MnemoException e) when (e.ErrorCode == MnemoErrorCode.EmbeddingModelMismatch)
        {
            return
            [
                new DoctorFinding(Name, DoctorSeverity.Critical, "this process embeds with another model than the store's index was built with",
                    [e.Message, $"store's embedder: {recorded}"],
                    $"use the store's embedder (unset MNEMO_EMBEDDER or --embedder), or move the store to the new one: mnemo reindex --embedder SPEC"),
            ];
        }

        var findings = new List<DoctorFinding>();
        var status = await context.StatusAsync(cancellationToken).ConfigureAwait(false);
        var last = await context.Store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var (covered, problem) = ReadCovered(target.FilePath);
        var lag = last - covered;
        if (problem is not null)
        {
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Warning, $"the vector index file of {target.ModelId} cannot be read: the next search rebuilds it",
                [$"{target.FilePath}: {problem}"], "rebuild it now rather than at the next search: mnemo reindex"));
        }
        else if (lag >= context.Options.IndexLagChanges)
        {
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Info,
                $"the saved vector index of {target.ModelId} is {DoctorText.Count(lag)} changes behind the log",
                [
                    covered == 0 ? $"{target.FilePath}: not saved yet" : $"{target.FilePath}: covers the log up to change {DoctorText.Count(covered)}",
                    $"the log is at change {DoctorText.Count(last)}; {DoctorText.Count(status.LiveEntries)} live entries",
                    $"threshold: {DoctorText.Count(context.Options.IndexLagChanges)} changes",
                ],
                "the next search embeds the missing texts before it answers; to pay that now: mnemo search with any query, or mnemo reindex"));
        }

        var others = status.Files
            .Where(f => f.Kind == StoreFileKind.VectorIndex && f.Path.EndsWith(".hnsw", StringComparison.Ordinal)
                && !string.Equals(Path.GetFullPath(f.Path), Path.GetFullPath(target.FilePath), StringComparison.Ordinal))
            .ToList();
        if (others.Count > 0)
        {
            findings.Add(new DoctorFinding(Name, DoctorSeverity.Info,
                $"{DoctorText.Count(others.Count)} vector index {(others.Count == 1 ? "file was" : "files were")} built with another model or indexed-text rule "
                    + $"({DoctorText.Bytes(others.Sum(f => f.Bytes))})",
                [.. others.Select(f => $"{f.Path}: {DoctorText.Bytes(f.Bytes)}"), $"the store's model: {target.ModelId} ({recorded})"],
                "no process using the store's embedder reads them; unless a library host embeds with that model, delete them (derived data, rebuilt when needed)"));
        }

        return findings;
    }

    /// <summary>The change the saved index covers (0 when there is no file), or why the file could not be read.</summary>
    private static (long Covered, string? Problem) ReadCovered(string path)
    {
        if (!File.Exists(path))
        {
            return (0, null);
        }

        try
        {
            using var index = HnswIndex.Open(path);
            return (index.CoveredSequence, null);
        }
        catch (Exception e) when (e is VectorIndexCorruptException or IOException or UnauthorizedAccessException)
        {
            return (0, e.Message);
        }
    }
}
