using Mnemo.Core.Entries;

namespace Mnemo.Core.Learning;

/// <summary>
/// The rules a learning cycle writes insights by, each with a computed confidence (a probability from the Beta posteriors,
/// <see cref="BetaComparison"/>) and its evidence. An insight whose rule no longer holds is not derived, so the cycle
/// removes it: the insights always describe the current outcomes. Thresholds and why: see the constants, and
/// docs/learning-cycle.md.
/// </summary>
internal static class InsightRules
{
    /// <summary>The name (prefix) of "a strategy that stopped working" insights: <c>stopped-working-STRATEGY</c>.</summary>
    public const string StoppedWorking = "stopped-working";

    /// <summary>The name prefix of "a strategy that wins under a context" insights: <c>wins-under-FEATURE</c>.</summary>
    public const string WinsUnder = "wins-under";

    /// <summary>The name of the "evidence too thin to tell the best two apart" insight.</summary>
    public const string ThinEvidence = "thin-evidence";

    // "Stopped working" claims a real drop: 95% is the usual bar for acting on a change, and an insight that a strategy
    // broke sends agents elsewhere, so it must rarely be a fluke.
    private const double StoppedWorkingConfidence = 0.95;

    // ...and a drop that matters: 15 points of success rate. A smaller drop, even a certain one, does not change which
    // strategy to use, and decay already moves the estimate.
    private const double StoppedWorkingMinDrop = 0.15;

    // With half-life decay off there is no "recent" window in the parameters; 30 days (the default half-life) is used.
    private const double DefaultWindowDays = 30;

    // "Wins under a context" needs 90%: it contradicts the overall ranking, so it must be clearly more than a lean, while
    // still firing on the tens of outcomes a context typically has.
    private const double WinsUnderConfidence = 0.9;

    /// <summary>The insights that hold for one task type's outcomes (oldest first), ages measured to <paramref name="now"/>.</summary>
    public static IEnumerable<DerivedEntry> Evaluate(string taskType, IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters, DateTimeOffset now)
    {
        var strategies = outcomes.Select(o => o.Strategy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var strategy in strategies)
        {
            if (Stopped(taskType, strategy, outcomes, parameters, now) is { } stopped)
            {
                yield return stopped;
            }
        }

        if (strategies.Count < 2)
        {
            yield break;
        }

        var overall = strategies.ToDictionary(s => s, s => StrategyPosteriors.Estimate(outcomes, s, [], parameters, now).Overall, StringComparer.Ordinal);
        var ranked = strategies.OrderByDescending(s => overall[s].Mean).ThenBy(s => s, StringComparer.Ordinal).ToList();
        foreach (var feature in outcomes.SelectMany(o => o.Context).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (Wins(taskType, feature, strategies, ranked[0], overall[ranked[0]], outcomes, parameters, now) is { } wins)
            {
                yield return wins;
            }
        }

        if (Thin(taskType, ranked[0], overall[ranked[0]], ranked[1], overall[ranked[1]], parameters) is { } thin)
        {
            yield return thin;
        }
    }

    /// <summary>
    /// A strategy whose success rate in the newest window (one half-life back from the newest outcome) is below its rate
    /// before, with P(recent &lt; earlier) ≥ 0.95 from the two windows' own (undecayed) posteriors and a drop of the means ≥ 0.15.
    /// </summary>
    private static DerivedEntry? Stopped(string taskType, string strategy, IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters, DateTimeOffset now)
    {
        var windowDays = parameters.HalfLifeDays > 0 ? parameters.HalfLifeDays : DefaultWindowDays;
        var since = now - TimeSpan.FromDays(windowDays);
        var own = outcomes.Where(o => o.Strategy == strategy).ToList();
        var recent = own.Where(o => o.At > since).ToList();
        var earlier = own.Where(o => o.At <= since).ToList();
        if (recent.Count == 0 || earlier.Count == 0)
        {
            return null;
        }

        var recentPosterior = LearningCycle.Rounded(Posterior(recent, parameters));
        var earlierPosterior = LearningCycle.Rounded(Posterior(earlier, parameters));
        var drop = earlierPosterior.Mean - recentPosterior.Mean;
        var confidence = LearningCycle.Round(BetaComparison.ProbabilityGreater(earlierPosterior.Distribution, recentPosterior.Distribution));
        if (confidence < StoppedWorkingConfidence || drop < StoppedWorkingMinDrop)
        {
            return null;
        }

        var name = $"{StoppedWorking}-{strategy}";
        var text = $"{strategy} stopped working on {taskType} tasks: {LearningCycle.Percent(recentPosterior.Mean)} success in the last "
            + $"{LearningCycle.Number(windowDays)} days ({recent.Count} outcomes) against {LearningCycle.Percent(earlierPosterior.Mean)} before ({earlier.Count} outcomes); "
            + $"P(recent < earlier) = {LearningCycle.Probability(confidence)}.";
        return Insight(taskType, name, StoppedWorking, text, confidence, writer =>
        {
            writer.WriteString("strategy", strategy);
            writer.WriteNumber("window_days", windowDays);
            writer.WriteString("since", Time.Timestamps.Format(since));
            writer.WriteNumber("drop", LearningCycle.Round(drop));
            writer.WritePropertyName("recent");
            Results.LearningJson.WritePosterior(writer, recentPosterior);
            writer.WritePropertyName("earlier");
            Results.LearningJson.WritePosterior(writer, earlierPosterior);
        });
    }

    /// <summary>
    /// Under one context feature, a strategy that is the best with P ≥ 0.9 (from the in-context posteriors the recommender
    /// uses, pooled as it pools them) while the overall best is another.
    /// </summary>
    private static DerivedEntry? Wins(
        string taskType, string feature, IReadOnlyList<string> strategies, string overallBest, PosteriorEstimate overallBestPosterior,
        IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters, DateTimeOffset now)
    {
        var inContext = strategies.ToDictionary(
            s => s, s => LearningCycle.Rounded(StrategyPosteriors.Estimate(outcomes, s, [feature], parameters, now).InContext!), StringComparer.Ordinal);
        var leader = strategies.OrderByDescending(s => inContext[s].Mean).ThenBy(s => s, StringComparer.Ordinal).First();
        if (leader == overallBest)
        {
            return null;
        }

        var confidence = LearningCycle.Round(BetaComparison.ProbabilityGreatest(
            inContext[leader].Distribution, [.. strategies.Where(s => s != leader).Select(s => inContext[s].Distribution)]));
        if (confidence < WinsUnderConfidence)
        {
            return null;
        }

        var name = $"{WinsUnder}-{LearningCycle.FeatureSegment(feature)}";
        var text = $"{leader} wins on {taskType} tasks under {feature}: {LearningCycle.Describe(inContext[leader])} against "
            + $"{overallBest}'s {LearningCycle.Percent(inContext[overallBest].Mean)} there, although {overallBest} is the best overall "
            + $"({LearningCycle.Percent(overallBestPosterior.Mean)}); P({leader} is the best under {feature}) = {LearningCycle.Probability(confidence)}.";
        return Insight(taskType, name, WinsUnder, text, confidence, writer =>
        {
            writer.WriteString("feature", feature);
            writer.WriteString("strategy", leader);
            writer.WriteString("overall_best", overallBest);
            writer.WritePropertyName("overall_best_posterior");
            Results.LearningJson.WritePosterior(writer, LearningCycle.Rounded(overallBestPosterior));
            writer.WriteStartObject("in_context");
            foreach (var strategy in strategies)
            {
                writer.WritePropertyName(strategy);
                Results.LearningJson.WritePosterior(writer, inContext[strategy]);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// The best two strategies' credible intervals overlap and the best has fewer effective outcomes than
    /// <see cref="LearningParameters.MinEvidence"/>: the data cannot yet say which is better. Its confidence is the
    /// probability that the runner-up is in fact at least as good as the leader.
    /// </summary>
    private static DerivedEntry? Thin(
        string taskType, string best, PosteriorEstimate bestPosterior, string second, PosteriorEstimate secondPosterior, LearningParameters parameters)
    {
        var (top, next) = (LearningCycle.Rounded(bestPosterior), LearningCycle.Rounded(secondPosterior));
        if (top.Low > next.High || top.EffectiveOutcomes >= parameters.MinEvidence)
        {
            return null;
        }

        var confidence = LearningCycle.Round(1 - BetaComparison.ProbabilityGreater(top.Distribution, next.Distribution));
        var text = $"Too little evidence to choose on {taskType} tasks: {best} leads with {LearningCycle.Describe(top)} from "
            + $"{LearningCycle.Number(top.EffectiveOutcomes)} effective outcomes (fewer than {LearningCycle.Number(parameters.MinEvidence)}), and {second}'s "
            + $"{LearningCycle.Describe(next)} overlaps it; P({second} is at least as good) = {LearningCycle.Probability(confidence)}. Record more outcomes of both.";
        return Insight(taskType, ThinEvidence, ThinEvidence, text, confidence, writer =>
        {
            writer.WriteString("best", best);
            writer.WriteString("second", second);
            writer.WriteNumber("min_evidence", parameters.MinEvidence);
            writer.WritePropertyName("best_posterior");
            Results.LearningJson.WritePosterior(writer, top);
            writer.WritePropertyName("second_posterior");
            Results.LearningJson.WritePosterior(writer, next);
        });
    }

    private static PosteriorEstimate Posterior(IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters)
    {
        var successes = outcomes.Sum(o => o.Reward);
        var distribution = new BetaDistribution(parameters.PriorSuccesses + successes, parameters.PriorFailures + outcomes.Count - successes);
        return PosteriorEstimate.Of(distribution, parameters.CredibleLevel, outcomes.Count, outcomes.Count);
    }

    private static DerivedEntry Insight(string taskType, string name, string rule, string text, double confidence, Action<System.Text.Json.Utf8JsonWriter> evidence)
    {
        var value = JsonObjects.Build(writer =>
        {
            writer.WriteString("task_type", taskType);
            writer.WriteString("insight", rule);
            writer.WriteNumber("confidence", confidence);
            writer.WriteStartObject("evidence");
            evidence(writer);
            writer.WriteEndObject();
        });
        return new DerivedEntry(LearningCycle.InsightKey(taskType, name), LearningCycle.InsightKind, taskType, text, value, [taskType, rule]);
    }
}
