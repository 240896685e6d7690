namespace Mnemo.Benchmarks.Learning;

/// <summary>One policy's run on one seed: its choices and their regret, round by round.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Choices">The strategy (index) chosen each round.</param>
/// <param name="Regret">Each round's expected regret: the best true rate in the round's context less the chosen one's.</param>
/// <param name="Successes">The rounds that succeeded.</param>
/// <param name="Adaptation">
/// Per drifting context, the rounds from the drift until the new best strategy made up at least half of the policy's last
/// window of choices in that context (null when it never did, or without drift).
/// </param>
internal sealed record PolicyRun(string Policy, int[] Choices, double[] Regret, int Successes, IReadOnlyDictionary<string, int?> Adaptation)
{
    /// <summary>The cumulative regret over every round.</summary>
    public double TotalRegret => Regret.Sum();

    /// <summary>The cumulative regret of the rounds before <paramref name="driftRound"/> (every round without drift).</summary>
    public double RegretBefore(int? driftRound) => Regret.Take(driftRound ?? Regret.Length).Sum();

    /// <summary>The cumulative regret of the rounds from <paramref name="driftRound"/> on (0 without drift).</summary>
    public double RegretAfter(int? driftRound) => driftRound is { } drift ? Regret.Skip(drift).Sum() : 0;

    /// <summary>The cumulative regret after each round.</summary>
    public double[] CumulativeRegret()
    {
        var sum = 0.0;
        return [.. Regret.Select(r => sum += r)];
    }
}
