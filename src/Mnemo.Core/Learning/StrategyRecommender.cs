using System.Globalization;
using Mnemo.Core.Messages;

namespace Mnemo.Core.Learning;

/// <summary>
/// Chooses a strategy for a task by Thompson sampling over the candidates' Beta posteriors (<see cref="StrategyPosteriors"/>):
/// each candidate draws a success rate from its posterior and scores mean + exploration × (draw − mean); the highest
/// score wins. With exploration 1 this is plain Thompson sampling (a candidate is chosen as often as it is probably the
/// best), with 0 the highest mean always wins. A pure function of the outcomes, so the engine, the learning cycle and the
/// benchmark's simulation share it.
/// </summary>
public static class StrategyRecommender
{
    /// <summary>
    /// Recommends among <paramref name="candidates"/> (empty: every strategy in <paramref name="outcomes"/>), all of which
    /// are of <paramref name="taskType"/>, in the context of sorted features <paramref name="context"/>.
    /// </summary>
    public static StrategyRecommendation Recommend(
        IReadOnlyList<TaskOutcome> outcomes,
        string taskType,
        IReadOnlyList<string> context,
        IReadOnlyList<string> candidates,
        LearningParameters parameters,
        DateTimeOffset now,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(random);
        var names = candidates.Count > 0
            ? candidates.Distinct(StringComparer.Ordinal).ToList()
            : outcomes.Select(o => o.Strategy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var noEvidence = !outcomes.Any(o => names.Contains(o.Strategy, StringComparer.Ordinal));
        if (names.Count == 0)
        {
            var prior = PosteriorEstimate.Of(parameters.Prior, parameters.CredibleLevel, 0, 0);
            return new StrategyRecommendation(
                taskType, context, null, prior, NoEvidence: true, Thin: true, Explored: false,
                $"no outcome of task type {taskType} is recorded yet: the prior Beta({Number(prior.Alpha)}, {Number(prior.Beta)}) expects "
                + $"{Rate(prior.Mean)} ({Interval(prior)}); record outcomes, or name candidate strategies to choose among",
                [], parameters);
        }

        // Candidates drawn in name order, so that a seeded request draws the same numbers whatever order they were named in.
        var estimates = new List<StrategyEstimate>(names.Count);
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var (overall, inContext, pooled) = StrategyPosteriors.Estimate(outcomes, name, context, parameters, now);
            var posterior = inContext ?? overall;
            var draw = posterior.Distribution.Sample(random);
            estimates.Add(new StrategyEstimate(name, overall, inContext, pooled, draw, posterior.Mean + parameters.Exploration * (draw - posterior.Mean)));
        }

        var ranked = estimates.OrderByDescending(e => e.Score).ThenBy(e => e.Strategy, StringComparer.Ordinal).ToList();
        var winner = ranked[0];
        var best = estimates.OrderByDescending(e => e.Posterior.Mean).ThenBy(e => e.Strategy, StringComparer.Ordinal).First();
        var explored = winner.Strategy != best.Strategy && winner.Posterior.Mean < best.Posterior.Mean;
        var thin = winner.Posterior.EffectiveOutcomes < parameters.MinEvidence;
        return new StrategyRecommendation(
            taskType, context, winner.Strategy, winner.Posterior, noEvidence, thin, explored,
            Explain(winner, best, ranked.Count, explored, context.Count > 0, parameters), ranked, parameters);
    }

    private static string Explain(StrategyEstimate winner, StrategyEstimate best, int candidates, bool explored, bool inContext, LearningParameters parameters)
    {
        var posterior = winner.Posterior;
        var where = inContext ? " in this context" : "";
        var reason = explored
            ? $"{winner.Strategy} explored by Thompson sampling: its draw scored {Rate(winner.Score)}, above {best.Strategy}'s "
              + $"{Rate(best.Score)}, although {best.Strategy} has the higher mean ({Rate(best.Posterior.Mean)} against {Rate(posterior.Mean)})"
            : candidates == 1
                ? $"{winner.Strategy} is the only candidate"
                : $"{winner.Strategy} has the highest score of {candidates} candidates ({Rate(winner.Score)}; mean {Rate(posterior.Mean)})";
        reason += $"; expected success {Rate(posterior.Mean)}{where} ({Interval(posterior)}) from {Number(posterior.EffectiveOutcomes)} effective "
            + (Math.Round(posterior.EffectiveOutcomes, 2) == 1 ? "outcome" : "outcomes");
        if (winner.Pooled && inContext)
        {
            reason += $", too few here: pooled with its {Counted.Of(winner.Overall.Outcomes - posterior.Outcomes, "outcome", "outcomes")} in other contexts";
        }
        else if (posterior.EffectiveOutcomes < parameters.MinEvidence)
        {
            reason += $", fewer than the {Number(parameters.MinEvidence)} needed to be confident";
        }

        return reason;
    }

    private static string Interval(PosteriorEstimate estimate) =>
        $"{Number(estimate.Level * 100)}% interval {Rate(estimate.Low)}-{Rate(estimate.High)}";

    private static string Rate(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
