namespace Mnemo.Core.Learning;

/// <summary>A recommended strategy with its expected success rate, and how it was chosen.</summary>
/// <param name="TaskType">The task type asked about.</param>
/// <param name="Context">The asked context's features.</param>
/// <param name="Strategy">The recommended strategy; null when there is no candidate (no outcomes yet and none named).</param>
/// <param name="Estimate">The winner's posterior (its mean is the expected success rate); the prior's when there is no candidate.</param>
/// <param name="NoEvidence">True when no outcome of the task type counts (the figures are the prior's).</param>
/// <param name="Thin">True when the winner has fewer effective outcomes than <see cref="LearningParameters.MinEvidence"/>.</param>
/// <param name="Explored">True when the winner is not the candidate with the highest mean: Thompson sampling explored.</param>
/// <param name="Reason">Why the winner won, in a sentence.</param>
/// <param name="Candidates">Every candidate, best score first.</param>
/// <param name="Parameters">The parameters used (with the request's exploration).</param>
public sealed record StrategyRecommendation(
    string TaskType,
    IReadOnlyList<string> Context,
    string? Strategy,
    PosteriorEstimate Estimate,
    bool NoEvidence,
    bool Thin,
    bool Explored,
    string Reason,
    IReadOnlyList<StrategyEstimate> Candidates,
    LearningParameters Parameters)
{
    /// <summary>The expected success rate of the recommendation: its posterior mean.</summary>
    public double ExpectedSuccessRate => Estimate.Mean;
}
