namespace Mnemo.Core.Learning;

/// <summary>
/// The prequential evaluation behind <see cref="PrequentialEvaluation"/>: walks a task type's outcomes in time order and,
/// before learning outcome i, predicts it from outcomes 0..i−1 with <see cref="StrategyPosteriors"/> (the stored
/// parameters, ages measured to outcome i's time). Honest by construction: no outcome is predicted from itself or later ones.
/// </summary>
/// <remarks>
/// Each prediction re-reads every earlier outcome for every strategy, O(n² · strategies); a task type is capped at its
/// newest <see cref="Cap"/> outcomes (about 10⁸ cheap steps at most with a handful of strategies, a few seconds), and the
/// result says when the cap applied.
/// </remarks>
internal static class PrequentialEvaluator
{
    /// <summary>The most outcomes of one task type evaluated: its newest.</summary>
    public const int Cap = 5000;

    /// <summary>The number of calibration bins, each 1/5 of the probability range wide.</summary>
    public const int CalibrationBins = 5;

    // Predictions are clamped this far from 0 and 1 before the logarithm, so one confident miss is a large loss, not infinity.
    private const double LogLossFloor = 1e-12;

    /// <summary>The prediction for each of <paramref name="outcomes"/> (one task type's, oldest first), after the cap.</summary>
    public static (IReadOnlyList<Prediction> Predictions, bool Capped) Predict(IReadOnlyList<TaskOutcome> outcomes, LearningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(parameters);
        var capped = outcomes.Count > Cap;
        var evaluated = capped ? outcomes.Skip(outcomes.Count - Cap).ToList() : outcomes.ToList();
        var predictions = new List<Prediction>(evaluated.Count);
        var seen = new List<string>();
        double baselineRewards = 0;
        for (var i = 0; i < evaluated.Count; i++)
        {
            var outcome = evaluated[i];
            var before = evaluated.GetRange(0, i);
            if (!seen.Contains(outcome.Strategy, StringComparer.Ordinal))
            {
                seen.Add(outcome.Strategy);
            }

            // Every strategy seen so far (and this one) in this outcome's context, as the recommender would have seen them.
            double chosen = 0, best = double.NegativeInfinity;
            string? bestStrategy = null;
            foreach (var strategy in seen.Order(StringComparer.Ordinal))
            {
                var (overall, inContext, _) = StrategyPosteriors.Estimate(before, strategy, outcome.Context, parameters, outcome.At);
                var mean = (inContext ?? overall).Mean;
                if (strategy == outcome.Strategy)
                {
                    chosen = mean;
                }

                if (mean > best)
                {
                    (best, bestStrategy) = (mean, strategy);
                }
            }

            // The baseline: the task type's running rate on the same prior, blind to strategy, context and time.
            var baseline = (parameters.PriorSuccesses + baselineRewards) / (parameters.PriorSuccesses + parameters.PriorFailures + i);
            predictions.Add(new Prediction(outcome, chosen, baseline, best, bestStrategy!, Followed: chosen >= best));
            baselineRewards += outcome.Reward;
        }

        return (predictions, capped);
    }

    /// <summary>Scores <paramref name="predictions"/> (of one or several task types).</summary>
    public static PrequentialEvaluation Score(IReadOnlyList<Prediction> predictions, bool capped)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var bins = new (int Count, double Predicted, double Observed)[CalibrationBins];
        double brier = 0, logLoss = 0, baselineBrier = 0, baselineLogLoss = 0, regret = 0;
        int followed = 0, followedSuccesses = 0, other = 0, otherSuccesses = 0;
        foreach (var prediction in predictions)
        {
            var y = prediction.Outcome.Reward;
            brier += Square(prediction.Predicted - y);
            baselineBrier += Square(prediction.Baseline - y);
            logLoss += LogLoss(prediction.Predicted, y);
            baselineLogLoss += LogLoss(prediction.Baseline, y);
            regret += prediction.BestMean - prediction.Predicted;
            var bin = Math.Min(CalibrationBins - 1, (int)(prediction.Predicted * CalibrationBins));
            bins[bin] = (bins[bin].Count + 1, bins[bin].Predicted + prediction.Predicted, bins[bin].Observed + y);
            var success = prediction.Outcome.Success ? 1 : 0;
            if (prediction.Followed)
            {
                (followed, followedSuccesses) = (followed + 1, followedSuccesses + success);
            }
            else
            {
                (other, otherSuccesses) = (other + 1, otherSuccesses + success);
            }
        }

        var n = predictions.Count;
        var calibration = bins.Select((bin, index) => new CalibrationBin(
            (double)index / CalibrationBins, (double)(index + 1) / CalibrationBins, bin.Count,
            bin.Count == 0 ? null : bin.Predicted / bin.Count, bin.Count == 0 ? null : bin.Observed / bin.Count)).ToList();
        return new PrequentialEvaluation(
            n, capped, Mean(brier), Mean(logLoss), Mean(baselineBrier), Mean(baselineLogLoss), calibration, regret,
            new RecommendationFollowing(followed, followedSuccesses), new RecommendationFollowing(other, otherSuccesses));

        double? Mean(double sum) => n == 0 ? null : sum / n;
    }

    private static double Square(double x) => x * x;

    /// <summary>−(y ln p + (1−y) ln(1−p)): the cross-entropy of a reward y in 0..1 under the prediction p.</summary>
    private static double LogLoss(double p, double y)
    {
        p = Math.Clamp(p, LogLossFloor, 1 - LogLossFloor);
        return -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p));
    }

    /// <summary>One outcome's prediction, made from the outcomes before it.</summary>
    /// <param name="Outcome">The outcome predicted.</param>
    /// <param name="Predicted">Its strategy's posterior mean in its context.</param>
    /// <param name="Baseline">The task type's running success rate on the same prior.</param>
    /// <param name="BestMean">The highest posterior mean among the strategies seen so far, in its context.</param>
    /// <param name="BestStrategy">The strategy with that mean (the first by name on a tie).</param>
    /// <param name="Followed">True when the outcome's strategy had the highest mean (a tie counts as followed).</param>
    internal sealed record Prediction(TaskOutcome Outcome, double Predicted, double Baseline, double BestMean, string BestStrategy, bool Followed);
}
