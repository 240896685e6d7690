using System.Globalization;

namespace Mnemo.Benchmarks.Learning;

/// <summary>What <c>mnemo bench learn</c> measured: every policy's regret over the seeds, Mnemo's adaptation and coverage, and the checks.</summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="Seeds">One run per seed, in the order given.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
internal sealed partial record LearningBenchmarkResult(LearningBenchmarkOptions Options, IReadOnlyList<SeedRun> Seeds, double TotalSeconds)
{
    /// <summary>The coverage of Mnemo's intervals over every seed.</summary>
    public LearningCoverage Coverage => LearningCoverage.Sum(Seeds.Select(s => s.Coverage));

    /// <summary>The cumulative regret of <paramref name="policy"/> over the seeds.</summary>
    public SeedStatistics Regret(string policy) => SeedStatistics.Of(Seeds.Select(s => s.Of(policy).TotalRegret));

    /// <summary>The regret of <paramref name="policy"/> before the drift, over the seeds.</summary>
    public SeedStatistics RegretBefore(string policy) => SeedStatistics.Of(Seeds.Select(s => s.Of(policy).RegretBefore(Options.DriftRound)));

    /// <summary>The regret of <paramref name="policy"/> from the drift on, over the seeds.</summary>
    public SeedStatistics RegretAfter(string policy) => SeedStatistics.Of(Seeds.Select(s => s.Of(policy).RegretAfter(Options.DriftRound)));

    /// <summary>The share of successful rounds of <paramref name="policy"/>, over the seeds.</summary>
    public SeedStatistics SuccessRate(string policy) => SeedStatistics.Of(Seeds.Select(s => (double)s.Of(policy).Successes / Options.Rounds));

    /// <summary>The adaptation of <paramref name="policy"/> in <paramref name="context"/>: over the seeds where it adapted, and how many did.</summary>
    public (SeedStatistics Rounds, int Adapted) Adaptation(string policy, string context)
    {
        var adapted = Seeds.Select(s => s.Of(policy).Adaptation.GetValueOrDefault(context)).OfType<int>().Select(r => (double)r).ToList();
        return (SeedStatistics.Of(adapted), adapted.Count);
    }

    /// <summary>The contexts whose best strategy changes at the drift (none without drift).</summary>
    public IReadOnlyList<string> DriftingContexts => Options.Drift ? [LearningEnvironment.Contexts[LearningEnvironment.DriftingContext]] : [];

    /// <summary>The seeds on which Mnemo's regret was below <paramref name="policy"/>'s.</summary>
    public int SeedsWonAgainst(string policy) =>
        Seeds.Count(s => s.Of(MnemoPolicy.PolicyName).TotalRegret < s.Of(policy).TotalRegret);

    /// <summary>The lowest and highest coverage the check accepts.</summary>
    public (double Low, double High) CoverageBand =>
        (Options.Parameters.CredibleLevel - LearningBenchmarkOptions.CoverageTolerance, Options.Parameters.CredibleLevel + LearningBenchmarkOptions.CoverageTolerance);

    /// <summary>
    /// The checks the issue asks for: Mnemo's regret below greedy's and uniform's (mean over the seeds), Mnemo adapting after
    /// the drift on every seed, and its intervals covering the true rate about as often as their level says.
    /// </summary>
    public IReadOnlyList<LearningCheck> Checks()
    {
        var checks = new List<LearningCheck>
        {
            Beats(GreedyPolicy.PolicyName),
            Beats(UniformPolicy.PolicyName),
        };
        foreach (var context in DriftingContexts)
        {
            var (rounds, adapted) = Adaptation(MnemoPolicy.PolicyName, context);
            var floor = Adaptation(OraclePolicy.PolicyName, context).Rounds;
            checks.Add(new LearningCheck(
                $"mnemo_adapts_in_{context}", adapted == Seeds.Count,
                Invariant($"mnemo's choices in {context} were the new best at least half of the last {Options.Window} on {adapted} of {Seeds.Count} seeds")
                + (adapted > 0 ? Invariant($", {rounds.Mean:0} rounds after the drift on average ({rounds.Mean / Options.RoundsPerDay:0.0} days; the oracle needs {floor.Mean:0})") : "")));
        }

        var (low, high) = CoverageBand;
        var coverage = Coverage.Overall;
        checks.Add(new LearningCheck(
            "coverage_near_level", coverage.Rate is { } rate && rate >= low && rate <= high,
            Invariant($"mnemo's {Options.Parameters.CredibleLevel:0.##} intervals held the true rate {coverage.Rate ?? double.NaN:0.000} of the time ")
            + Invariant($"({coverage.Hits} of {coverage.Intervals}), checked band {low:0.00}-{high:0.00}")));
        return checks;
    }

    private LearningCheck Beats(string policy)
    {
        var mnemo = Regret(MnemoPolicy.PolicyName).Mean;
        var other = Regret(policy).Mean;
        return new LearningCheck(
            $"mnemo_regret_below_{policy}", mnemo < other,
            Invariant($"mean regret {mnemo:0.0} against {policy}'s {other:0.0} over {Seeds.Count} seeds; lower on {SeedsWonAgainst(policy)} of {Seeds.Count} seeds"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
