namespace Mnemo.Core.Learning;

/// <summary>A success rate's Beta posterior, summarised.</summary>
/// <param name="Alpha">α: prior and observed successes (decayed, reward-weighted).</param>
/// <param name="Beta">β: prior and observed failures.</param>
/// <param name="Mean">The expected success rate, α / (α + β).</param>
/// <param name="Low">The credible interval's lower end.</param>
/// <param name="High">The credible interval's upper end.</param>
/// <param name="Level">The probability the interval holds (e.g. 0.9).</param>
/// <param name="Outcomes">The outcomes counted.</param>
/// <param name="EffectiveOutcomes">Their total weight after decay (and, for a context, the weight pooled from elsewhere).</param>
public sealed record PosteriorEstimate(
    double Alpha, double Beta, double Mean, double Low, double High, double Level, int Outcomes, double EffectiveOutcomes)
{
    /// <summary>The summary of <paramref name="distribution"/> at <paramref name="level"/>.</summary>
    public static PosteriorEstimate Of(BetaDistribution distribution, double level, int outcomes, double effectiveOutcomes)
    {
        var (low, high) = distribution.CredibleInterval(level);
        return new(distribution.Alpha, distribution.Beta, distribution.Mean, low, high, level, outcomes, effectiveOutcomes);
    }

    /// <summary>The distribution this summarises.</summary>
    public BetaDistribution Distribution => new(Alpha, Beta);
}
