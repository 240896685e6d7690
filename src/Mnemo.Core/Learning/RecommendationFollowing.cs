namespace Mnemo.Core.Learning;

/// <summary>Outcomes of one kind (a recommendation followed or not) and how they went.</summary>
/// <param name="Outcomes">How many.</param>
/// <param name="Successes">How many succeeded.</param>
public sealed record RecommendationFollowing(int Outcomes, int Successes)
{
    /// <summary>Successes / outcomes; null without outcomes.</summary>
    public double? SuccessRate => Outcomes == 0 ? null : (double)Successes / Outcomes;
}
