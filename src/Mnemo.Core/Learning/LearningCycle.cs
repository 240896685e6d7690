using System.Globalization;
using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Results;

namespace Mnemo.Core.Learning;

/// <summary>
/// What a learning cycle derives from one task type's outcomes: a pattern per strategy (its posterior overall and under
/// each single context feature seen) and the insights whose rules hold (<see cref="InsightRules"/>). A pure function of the
/// outcomes and the parameters: ages are measured to the task type's newest outcome, not to the clock, so a cycle run
/// again on the same evidence derives exactly the same entries and writes nothing.
/// </summary>
internal static class LearningCycle
{
    /// <summary>The kind of derived per-strategy estimates.</summary>
    public const string PatternKind = "pattern";

    /// <summary>The kind of insights.</summary>
    public const string InsightKind = "insight";

    // Stored figures are rounded to 4 decimals: far finer than anything is read at, and coarse enough that the same evidence
    // reproduces the same value to the bit whatever the order of floating-point sums.
    private const int Decimals = 4;

    /// <summary>The patterns and insights of <paramref name="outcomes"/> (all of <paramref name="taskType"/>, oldest first).</summary>
    public static IReadOnlyList<DerivedEntry> Derive(string taskType, IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(parameters);
        if (outcomes.Count == 0)
        {
            return [];
        }

        var now = outcomes.Max(o => o.At);
        var entries = new List<DerivedEntry>();
        foreach (var strategy in outcomes.Select(o => o.Strategy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            entries.Add(Pattern(taskType, strategy, outcomes, parameters, now));
        }

        entries.AddRange(InsightRules.Evaluate(taskType, outcomes, parameters, now));
        return entries;
    }

    /// <summary>The key segment for a context feature: <c>name=value</c> as <c>name:value</c>, other characters keys refuse as '_'.</summary>
    public static string FeatureSegment(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var chars = feature.Select(c => c == '=' ? ':' : char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@' ? c : '_').ToArray();
        var segment = new string(chars);
        // Two features that differ only in replaced characters would share a key: a short hash of the feature keeps them apart.
        return segment == feature.Replace('=', ':')
            ? segment
            : $"{segment}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(feature)).AsSpan(0, 4))}";
    }

    /// <summary>A posterior with its figures rounded for storage.</summary>
    public static PosteriorEstimate Rounded(PosteriorEstimate estimate) => new(
        Round(estimate.Alpha), Round(estimate.Beta), Round(estimate.Mean), Round(estimate.Low), Round(estimate.High), estimate.Level,
        estimate.Outcomes, Round(estimate.EffectiveOutcomes));

    /// <summary>A number rounded for storage.</summary>
    public static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>A rate as a percentage with one decimal, as sentences show it.</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count or number of days as sentences show it (at most two decimals).</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A probability as sentences show it (three decimals).</summary>
    public static string Probability(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A posterior's mean and interval in words: "72.0% (90% interval 55.1%-86.2%)".</summary>
    public static string Describe(PosteriorEstimate estimate) =>
        $"{Percent(estimate.Mean)} ({(estimate.Level * 100).ToString("0.##", CultureInfo.InvariantCulture)}% interval {Percent(estimate.Low)}-{Percent(estimate.High)})";

    private static DerivedEntry Pattern(string taskType, string strategy, IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters, DateTimeOffset now)
    {
        var own = outcomes.Where(o => o.Strategy == strategy).ToList();
        var overall = Rounded(StrategyPosteriors.Estimate(outcomes, strategy, [], parameters, now).Overall);
        var contexts = own.SelectMany(o => o.Context).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(feature =>
            {
                var inFeature = own.Where(o => o.Context.Contains(feature, StringComparer.Ordinal)).ToList();
                var posterior = Rounded(StrategyPosteriors.Estimate(outcomes, strategy, [feature], parameters, now).InContext!);
                return (Feature: feature, Outcomes: inFeature.Count, Successes: inFeature.Count(o => o.Success), Posterior: posterior);
            })
            .ToList();
        var successes = own.Count(o => o.Success);
        var value = JsonObjects.Build(writer =>
        {
            writer.WriteString("task_type", taskType);
            writer.WriteString("strategy", strategy);
            writer.WriteNumber("outcomes", own.Count);
            writer.WriteNumber("successes", successes);
            writer.WriteString("as_of", Time.Timestamps.Format(now));
            writer.WritePropertyName("overall");
            LearningJson.WritePosterior(writer, overall);
            writer.WriteStartArray("contexts");
            foreach (var context in contexts)
            {
                writer.WriteStartObject();
                writer.WriteString("feature", context.Feature);
                writer.WriteNumber("outcomes", context.Outcomes);
                writer.WriteNumber("successes", context.Successes);
                writer.WritePropertyName("posterior");
                LearningJson.WritePosterior(writer, context.Posterior);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        var text = $"{strategy} on {taskType} tasks: expected success {Describe(overall)} from {own.Count} outcomes, {successes} succeeded";
        if (contexts.Count > 0)
        {
            text += "; by context: " + string.Join(", ", contexts.Select(c => $"{c.Feature} {Percent(c.Posterior.Mean)} ({c.Outcomes} outcomes)"));
        }

        return new DerivedEntry(
            $"{LearningKeys.Patterns}{taskType}/{strategy}", PatternKind, taskType, text + ".", value, [taskType, strategy]);
    }

    /// <summary>The key of an insight.</summary>
    public static string InsightKey(string taskType, string name) => $"{LearningKeys.Insights}{taskType}/{name}";

    /// <summary>True when <paramref name="entry"/> holds what <paramref name="derived"/> would write.</summary>
    public static bool Holds(MemoryEntry entry, DerivedEntry derived) =>
        entry.Text == derived.Text && entry.Kind == derived.Kind && entry.Value is { } value && JsonElement.DeepEquals(value, derived.Value);
}
