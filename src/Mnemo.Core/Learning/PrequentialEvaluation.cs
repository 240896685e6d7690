namespace Mnemo.Core.Learning;

/// <summary>
/// A prequential ("predict, then learn") evaluation: each outcome in time order is predicted from the outcomes before it
/// only, as the posterior mean of its strategy in its context, and scored against what happened.
/// </summary>
/// <param name="Evaluated">The outcomes predicted (a task type's first outcome is predicted from the prior).</param>
/// <param name="Capped">True when a task type had more outcomes than the cap and only its newest were evaluated.</param>
/// <param name="Brier">The mean squared error of the predictions against the reward (the success as 1 or 0); null without outcomes.</param>
/// <param name="LogLoss">The mean negative log-likelihood of the rewards under the predictions (natural log).</param>
/// <param name="BaselineBrier">The Brier score of the baseline: the task type's running success rate on the same prior, ignoring strategy, context and decay.</param>
/// <param name="BaselineLogLoss">The baseline's log loss.</param>
/// <param name="Calibration">The predictions in bins of predicted probability, with the rate actually observed in each.</param>
/// <param name="Regret">
/// The estimated regret: the sum over outcomes of the highest posterior mean among the strategies seen so far in that
/// context minus the chosen strategy's posterior mean, at the time of the outcome.
/// </param>
/// <param name="Followed">The outcomes whose strategy had the highest posterior mean at the time (a recommendation followed).</param>
/// <param name="NotFollowed">The others.</param>
public sealed record PrequentialEvaluation(
    int Evaluated,
    bool Capped,
    double? Brier,
    double? LogLoss,
    double? BaselineBrier,
    double? BaselineLogLoss,
    IReadOnlyList<CalibrationBin> Calibration,
    double Regret,
    RecommendationFollowing Followed,
    RecommendationFollowing NotFollowed);
