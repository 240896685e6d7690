using System.Diagnostics;
using Mnemo.Core.Coordination;
using Mnemo.Core.Monitoring.Doctor;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Checks the memory's content and structure against the doctor's rules (<see cref="DoctorRules.Names"/>): expired
    /// entries not purged, entries unread for long, near-duplicate clusters, contradicting versions, a prefix growing
    /// much faster than the rest, deep histories, a lagging or foreign vector index, a large write-ahead log, quotas near
    /// their limit and orphan links. Each finding carries its measured evidence and the command that deals with it.
    /// </summary>
    /// <remarks>
    /// Reads only: nothing is written, not even read statistics. Every query is bounded in what it returns (examples are
    /// limited by <see cref="DoctorOptions.ExampleLimit"/>); the work is a few scans of the store's entries and versions,
    /// plus, for near-duplicates, pairwise comparisons of up to <see cref="DoctorOptions.NearDuplicateLimit"/> entries per prefix.
    /// Needs the right to read the whole store, since findings name keys anywhere in it.
    /// </remarks>
    /// <param name="options">The rules to run and their thresholds; null runs every rule with the defaults.</param>
    /// <param name="cancellationToken">Cancels the diagnosis.</param>
    /// <exception cref="ArgumentException">A rule name is unknown, or a threshold is out of range.</exception>
    public async Task<DoctorReport> DiagnoseAsync(DoctorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DoctorOptions();
        ValidateDoctor(options);
        var rules = DoctorRules.Select(options.Rules);
        ThrowIfDisposed();
        await DemandAsync("", AccessRight.Read, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var now = Now();
        var context = new DoctorContext(this, _store, options, now);
        var findings = new List<DoctorFinding>();
        foreach (var rule in rules)
        {
            findings.AddRange(await rule.CheckAsync(context, cancellationToken).ConfigureAwait(false));
        }

        // Stable: within a severity, findings keep the order of the rules.
        return new DoctorReport([.. findings.OrderByDescending(f => f.Severity)], [.. rules.Select(r => r.Name)], now, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The model of the vector index this engine searches, and its file (resolving the embedder as a search does).</summary>
    internal async Task<(string ModelId, string FilePath)> VectorIndexTargetAsync(CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        return (catalog.ModelId, catalog.FilePath);
    }

    /// <summary>The rule tag index files made under the store's current index context rules carry in their name.</summary>
    internal async Task<string> IndexRuleTagAsync(CancellationToken cancellationToken) =>
        VectorCatalog.RuleTag(await ContextSpecAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The file of the vector index this process has loaded already, or null (cheap: resolves nothing).</summary>
    internal string? LoadedIndexPath => _owner._catalog?.FilePath;

    /// <summary>
    /// Why this engine would refuse to search a store indexed with <paramref name="recorded"/> (its configured embedder
    /// is another), or null; judged as <see cref="ResolveEmbedderAsync"/> judges it, without creating an embedder.
    /// </summary>
    internal string? EmbedderMismatch(string recorded) =>
        _options.Embedder is null && _options.EmbedderSettings is { } chosen && !string.Equals(chosen.Spec, recorded, StringComparison.OrdinalIgnoreCase)
            ? Errors.MnemoErrors.EmbeddingModelMismatch(recorded, chosen.Spec).Message
            : null;

    private static void ValidateDoctor(DoctorOptions options)
    {
        static void Positive(bool ok, string name, object value, string example)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(nameof(options), value, $"doctor option {name} = {value} is out of range: give {example}");
            }
        }

        Positive(options.UnreadFor > TimeSpan.Zero, nameof(options.UnreadFor), options.UnreadFor, "a positive duration such as 30d");
        Positive(options.ExampleLimit >= 1, nameof(options.ExampleLimit), options.ExampleLimit, "at least 1");
        Positive(options.NearDuplicateLimit >= 2, nameof(options.NearDuplicateLimit), options.NearDuplicateLimit, "at least 2");
        Positive(options.HistoryDepth >= 2, nameof(options.HistoryDepth), options.HistoryDepth, "at least 2");
        Positive(options.GrowthWindow > TimeSpan.Zero, nameof(options.GrowthWindow), options.GrowthWindow, "a positive duration such as 1d");
        Positive(options.GrowthFactor >= 1, nameof(options.GrowthFactor), options.GrowthFactor, "at least 1");
        Positive(options.GrowthMinBytes >= 0, nameof(options.GrowthMinBytes), options.GrowthMinBytes, "0 or more");
        Positive(options.WalMinBytes >= 0, nameof(options.WalMinBytes), options.WalMinBytes, "0 or more");
        Positive(options.WalShare >= 0, nameof(options.WalShare), options.WalShare, "0 or more");
        Positive(options.IndexLagChanges >= 1, nameof(options.IndexLagChanges), options.IndexLagChanges, "at least 1");
    }
}
