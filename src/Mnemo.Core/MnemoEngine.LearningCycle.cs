using System.Text.Json;
using Mnemo.Core.Learning;

namespace Mnemo.Core;

/// <remarks>
/// The learning cycle and learning metrics: what the engine derives from recorded outcomes (patterns per strategy,
/// insights with a confidence) and how well its posteriors predicted the outcomes, computed from the stored outcomes only.
/// </remarks>
public sealed partial class MnemoEngine
{
    /// <summary>
    /// The learning metrics of one task type, or of all: outcomes seen (per strategy, first and last), and a prequential
    /// evaluation (each outcome predicted from those before it: Brier score and log loss against a running-rate baseline,
    /// a calibration table, an estimated regret, and how outcomes went when the highest-mean strategy was used or not).
    /// </summary>
    /// <param name="taskType">A task type, or null for every task type; an unknown one answers with no outcomes.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the task type is not a usable name.</exception>
    public async Task<LearningMetrics> GetLearningMetricsAsync(string? taskType = null, CancellationToken cancellationToken = default)
    {
        var outcomes = await GetOutcomesAsync(taskType, cancellationToken).ConfigureAwait(false);
        var stored = await GetLearningParametersAsync(cancellationToken).ConfigureAwait(false);
        var perType = new List<TaskTypeLearningMetrics>();
        var allPredictions = new List<PrequentialEvaluator.Prediction>();
        var anyCapped = false;
        foreach (var group in outcomes.GroupBy(o => o.TaskType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.ToList();
            var (predictions, capped) = PrequentialEvaluator.Predict(ordered, stored.Parameters);
            allPredictions.AddRange(predictions);
            anyCapped |= capped;
            perType.Add(Seen(group.Key, ordered, Counts(ordered, o => o.Strategy), PrequentialEvaluator.Score(predictions, capped)));
        }

        var overall = Seen(null, outcomes, Counts(outcomes, o => $"{o.TaskType}/{o.Strategy}"), PrequentialEvaluator.Score(allPredictions, anyCapped));
        return new LearningMetrics(Now(), taskType, stored, PrequentialEvaluator.Cap, overall, perType);

        static TaskTypeLearningMetrics Seen(string? type, IReadOnlyList<TaskOutcome> some, IReadOnlyList<StrategyOutcomeCount> strategies, PrequentialEvaluation evaluation) =>
            new(type, some.Count, some.Count(o => o.Success), some.Count > 0 ? some.Min(o => o.At) : null,
                some.Count > 0 ? some.Max(o => o.At) : null, strategies, evaluation);

        static IReadOnlyList<StrategyOutcomeCount> Counts(IReadOnlyList<TaskOutcome> some, Func<TaskOutcome, string> name) =>
            [.. some.GroupBy(name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new StrategyOutcomeCount(g.Key, g.Count(), g.Count(o => o.Success), g.Min(o => o.At), g.Max(o => o.At)))];
    }

    /// <summary>
    /// Runs a learning cycle over one task type, or all: writes each strategy's derived estimate
    /// (<c>learning/patterns/TASK/STRATEGY</c>) and the insights whose rules hold (<c>learning/insights/TASK/NAME</c>), each
    /// only when its content changed, and removes the insights (and patterns) that no longer hold, so the stored set always
    /// reflects the current outcomes. The writes are one transaction.
    /// </summary>
    /// <param name="taskType">A task type, or null for every task type with outcomes or derived entries.</param>
    /// <param name="dryRun">Only report what would be written and removed.</param>
    /// <param name="cancellationToken">Cancels the cycle.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the task type is not a usable name.</exception>
    public async Task<LearningCycleReport> RunLearningCycleAsync(string? taskType = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var outcomes = await GetOutcomesAsync(taskType, cancellationToken).ConfigureAwait(false);
        var stored = await GetLearningParametersAsync(cancellationToken).ConfigureAwait(false);
        var existing = new Dictionary<string, MemoryEntry>(StringComparer.Ordinal);
        foreach (var entry in await DerivedEntriesAsync(taskType, cancellationToken).ConfigureAwait(false))
        {
            existing[entry.Key] = entry;
        }

        var byType = outcomes.GroupBy(o => o.TaskType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<TaskOutcome>)[.. g], StringComparer.Ordinal);
        var taskTypes = byType.Keys.Concat(existing.Keys.Select(TaskTypeOf)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var changes = new List<LearningCycleChange>();
        var writes = new List<MemoryWrite>();
        var derivedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in taskTypes)
        {
            var derived = byType.TryGetValue(type, out var some) ? LearningCycle.Derive(type, some, stored.Parameters) : [];
            foreach (var entry in derived)
            {
                derivedKeys.Add(entry.Key);
                if (existing.TryGetValue(entry.Key, out var current) && LearningCycle.Holds(current, entry))
                {
                    changes.Add(new LearningCycleChange(entry.Key, entry.Kind, LearningCycleAction.Unchanged, entry.Text));
                    continue;
                }

                changes.Add(new LearningCycleChange(entry.Key, entry.Kind, LearningCycleAction.Written, entry.Text));
                writes.Add(new MemoryWrite { Key = entry.Key, Text = entry.Text, Value = entry.Value, Kind = entry.Kind, Tags = entry.Tags });
            }
        }

        var removed = existing.Values.Where(entry => !derivedKeys.Contains(entry.Key)).OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        changes.AddRange(removed.Select(entry => new LearningCycleChange(entry.Key, entry.Kind, LearningCycleAction.Removed, entry.Text)));
        if (!dryRun)
        {
            if (writes.Count > 0)
            {
                await StoreManyAsync(writes, cancellationToken).ConfigureAwait(false);
            }

            foreach (var entry in removed)
            {
                await ForgetAsync(entry.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        return new LearningCycleReport(
            Now(), taskType, dryRun, stored.Version, taskTypes, [.. changes.OrderBy(c => c.Key, StringComparer.Ordinal)]);
    }

    /// <summary>The insights the last learning cycle left, of one task type or all, by key.</summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the task type is not a usable name.</exception>
    public async Task<IReadOnlyList<LearnedEntry>> GetLearningInsightsAsync(string? taskType = null, CancellationToken cancellationToken = default) =>
        [.. (await DerivedEntriesAsync(taskType, cancellationToken, LearningKeys.Insights).ConfigureAwait(false)).Select(Learned)];

    /// <summary>The derived per-strategy patterns the last learning cycle left, of one task type or all, by key.</summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the task type is not a usable name.</exception>
    public async Task<IReadOnlyList<LearnedEntry>> GetLearningPatternsAsync(string? taskType = null, CancellationToken cancellationToken = default) =>
        [.. (await DerivedEntriesAsync(taskType, cancellationToken, LearningKeys.Patterns).ConfigureAwait(false)).Select(Learned)];

    /// <summary>Every version of the learning parameters, newest first (empty while the defaults were never changed).</summary>
    public async Task<IReadOnlyList<StoredLearningParameters>> GetLearningParametersHistoryAsync(CancellationToken cancellationToken = default)
    {
        var history = await GetHistoryAsync(LearningKeys.Parameters, cancellationToken).ConfigureAwait(false);
        var versions = new List<StoredLearningParameters>();
        foreach (var step in history.Where(step => step.Entry?.Value is { ValueKind: JsonValueKind.Object }).Reverse())
        {
            // A version that no longer reads (edited by hand) is shown as the defaults it fell back to, as it was in force.
            var (parameters, _) = LearningParameters.Default.With(step.Entry!.Value!.Value);
            versions.Add(new StoredLearningParameters(parameters?.Check() is null && parameters is not null ? parameters : LearningParameters.Default,
                step.Version, step.At, step.Agent));
        }

        return versions;
    }

    /// <summary>The live pattern and insight entries (of one task type), by key; entries of other kinds under those prefixes are not the cycle's.</summary>
    private async Task<IReadOnlyList<MemoryEntry>> DerivedEntriesAsync(string? taskType, CancellationToken cancellationToken, params string[] roots)
    {
        if (taskType is not null)
        {
            OutcomeCodec.CheckName("task type", taskType, "data_processing");
        }

        if (roots.Length == 0)
        {
            roots = [LearningKeys.Patterns, LearningKeys.Insights];
        }

        var entries = new List<MemoryEntry>();
        foreach (var root in roots)
        {
            var prefix = taskType is null ? root : $"{root}{taskType}/";
            string? after = null;
            do
            {
                var page = await ListAsync(prefix, after, 10_000, cancellationToken).ConfigureAwait(false);
                entries.AddRange(page.Entries.Where(entry => entry.Kind is LearningCycle.PatternKind or LearningCycle.InsightKind && TaskTypeOf(entry.Key).Length > 0));
                after = page.NextAfter;
            }
            while (after is not null);
        }

        return [.. entries.OrderBy(entry => entry.Key, StringComparer.Ordinal)];
    }

    /// <summary>The task type of a derived entry's key (<c>learning/patterns/TASK/NAME</c>), or "" when it has no such shape.</summary>
    private static string TaskTypeOf(string key)
    {
        var rest = key.StartsWith(LearningKeys.Patterns, StringComparison.Ordinal) ? key[LearningKeys.Patterns.Length..]
            : key.StartsWith(LearningKeys.Insights, StringComparison.Ordinal) ? key[LearningKeys.Insights.Length..] : "";
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && OutcomeCodec.IsName(rest[..slash]) ? rest[..slash] : "";
    }

    private static LearnedEntry Learned(MemoryEntry entry)
    {
        var taskType = TaskTypeOf(entry.Key);
        var name = entry.Key[(entry.Key.IndexOf(taskType + "/", StringComparison.Ordinal) + taskType.Length + 1)..];
        double? confidence = entry.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("confidence", out var c) && c.TryGetDouble(out var p) ? p : null;
        return new LearnedEntry(entry.Key, entry.Kind, taskType, name, entry.Text, entry.Value, confidence, entry.Version, entry.UpdatedAt);
    }
}
