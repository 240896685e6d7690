namespace Mnemo.Core.Learning;

/// <summary>
/// The Beta posteriors of a strategy's success rate from recorded outcomes: each outcome adds its reward r to α and 1 − r
/// to β, weighted by its decay 0.5^(age / half-life), on the prior Beta(α₀, β₀). In a context (a set of features), the
/// outcomes holding every feature count fully and the strategy's other outcomes are pooled in, scaled down to fill the gap
/// between the context's own effective outcomes and <see cref="LearningParameters.MinEvidence"/>: a narrow context with
/// little data leans on the broader evidence, one with enough speaks for itself alone. See docs/learning.md.
/// </summary>
public static class StrategyPosteriors
{
    /// <summary>The posteriors of <paramref name="strategy"/> from <paramref name="outcomes"/> (any task types: filter first).</summary>
    /// <param name="outcomes">The outcomes of the task type; those of other strategies are ignored.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="context">The asked context's sorted features; empty: no context posterior.</param>
    /// <param name="parameters">The prior, half-life, evidence threshold and credible level.</param>
    /// <param name="now">The time ages are measured to.</param>
    /// <returns>The overall posterior, the context's (null without a context), and whether the context's was pooled.</returns>
    public static (PosteriorEstimate Overall, PosteriorEstimate? InContext, bool Pooled) Estimate(
        IEnumerable<TaskOutcome> outcomes, string strategy, IReadOnlyList<string> context, LearningParameters parameters, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        Tally inside = default, outside = default;
        foreach (var outcome in outcomes)
        {
            if (outcome.Strategy != strategy)
            {
                continue;
            }

            var weight = parameters.DecayWeight(now - outcome.At);
            if (context.Count > 0 && ContextFeatures.Matches(outcome.Context, context))
            {
                inside.Add(outcome.Reward, weight);
            }
            else
            {
                outside.Add(outcome.Reward, weight);
            }
        }

        var (a0, b0, level) = (parameters.PriorSuccesses, parameters.PriorFailures, parameters.CredibleLevel);
        var all = inside.Plus(outside);
        var overall = PosteriorEstimate.Of(new BetaDistribution(a0 + all.Successes, b0 + all.Failures), level, all.Count, all.Weight);
        if (context.Count == 0)
        {
            return (overall, null, false);
        }

        // The evidence elsewhere only fills the gap up to MinEvidence: it fades out as the context's own evidence grows, so a
        // context whose rate differs from the others' is not held near them (which biased its mean and narrowed its interval).
        var borrowed = Math.Max(0, parameters.MinEvidence - inside.Weight);
        var scale = outside.Weight > borrowed ? borrowed / outside.Weight : 1;
        var inContext = PosteriorEstimate.Of(
            new BetaDistribution(a0 + inside.Successes + scale * outside.Successes, b0 + inside.Failures + scale * outside.Failures),
            level, inside.Count, inside.Weight);
        return (overall, inContext, inside.Weight < parameters.MinEvidence);
    }

    /// <summary>Decayed, reward-weighted counts.</summary>
    private struct Tally
    {
        public int Count;
        public double Weight;
        public double Successes;
        public double Failures;

        public void Add(double reward, double weight)
        {
            Count++;
            Weight += weight;
            Successes += weight * reward;
            Failures += weight * (1 - reward);
        }

        public readonly Tally Plus(Tally other) => new()
        {
            Count = Count + other.Count,
            Weight = Weight + other.Weight,
            Successes = Successes + other.Successes,
            Failures = Failures + other.Failures,
        };
    }
}
