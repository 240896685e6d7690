namespace Mnemo.Core.Learning.Recovery;

/// <summary>
/// One fix tried on a cluster of errors, with how often it worked: the success rate as the mean of a Beta(1 + worked,
/// 1 + failed) posterior (a uniform prior) and its equal-tailed credible interval.
/// </summary>
/// <param name="Fix">The fix in the words it was last recorded in.</param>
/// <param name="Normalized">The grouping text: lower-cased, whitespace collapsed, final punctuation dropped.</param>
/// <param name="Tried">How many records of the cluster tried it.</param>
/// <param name="Worked">How many of those say it worked.</param>
/// <param name="SuccessRate">The posterior mean, (1 + worked) / (2 + tried).</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Level">The interval's probability, 0.9.</param>
/// <param name="LastUsed">When it was last recorded.</param>
/// <param name="Tools">The tools named with it, sorted.</param>
public sealed record FixEstimate(
    string Fix,
    string Normalized,
    int Tried,
    int Worked,
    double SuccessRate,
    double Low,
    double High,
    double Level,
    DateTimeOffset LastUsed,
    IReadOnlyList<string> Tools);
