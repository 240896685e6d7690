namespace Mnemo.Core.Learning;

/// <summary>What the recommender knows about one candidate strategy, and how it scored in this draw.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Overall">Its posterior over every context.</param>
/// <param name="InContext">
/// Its posterior in the asked context (outcomes holding every asked feature, with the outcomes elsewhere pooled in to fill
/// the gap up to <see cref="LearningParameters.MinEvidence"/> outcomes; its outcome counts are the context's own), or null
/// when no context was asked.
/// </param>
/// <param name="Pooled">True when the context's own evidence is below <see cref="LearningParameters.MinEvidence"/>.</param>
/// <param name="Draw">Its Thompson draw from <see cref="Posterior"/>.</param>
/// <param name="Score">mean + exploration × (draw − mean): what the candidates are ranked by.</param>
public sealed record StrategyEstimate(
    string Strategy, PosteriorEstimate Overall, PosteriorEstimate? InContext, bool Pooled, double Draw, double Score)
{
    /// <summary>The posterior the decision uses: the context's when a context was asked, else the overall one.</summary>
    public PosteriorEstimate Posterior => InContext ?? Overall;
}
