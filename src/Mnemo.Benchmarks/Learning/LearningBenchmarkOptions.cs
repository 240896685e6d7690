using Mnemo.Core.Learning;

namespace Mnemo.Benchmarks.Learning;

/// <summary>Settings of <c>mnemo bench learn</c>.</summary>
/// <param name="Rounds">Tasks per simulated run: each round one task in a random context, one strategy chosen by each policy.</param>
/// <param name="Seeds">The seeds, one simulated environment and run of every policy each.</param>
/// <param name="Strategies">The candidate strategies, at least 2.</param>
/// <param name="RoundsPerDay">Rounds per simulated day: the half-life of <see cref="LearningParameters.HalfLifeDays"/> days is this many times as many rounds.</param>
/// <param name="Drift">Whether the success rates change halfway (the best strategy of the large context changes).</param>
/// <param name="Parameters">The learning parameters Mnemo's recommender runs with.</param>
/// <param name="Window">The sliding window (a context's last choices) adaptation is measured with.</param>
internal sealed record LearningBenchmarkOptions(
    int Rounds, IReadOnlyList<int> Seeds, int Strategies, double RoundsPerDay, bool Drift, LearningParameters Parameters, int Window = LearningBenchmarkOptions.DefaultWindow)
{
    /// <summary>The default rounds per run.</summary>
    public const int DefaultRounds = 2000;

    /// <summary>The default number of strategies.</summary>
    public const int DefaultStrategies = 4;

    /// <summary>The default rounds per simulated day: one task an hour, so the default 30-day half-life is 720 rounds.</summary>
    public const double DefaultRoundsPerDay = 24;

    /// <summary>The default adaptation window: a context's last 20 choices.</summary>
    public const int DefaultWindow = 20;

    /// <summary>The coverage band the check accepts around the credible level (0.9 ± 0.05).</summary>
    public const double CoverageTolerance = 0.05;

    /// <summary>The evaluation seeds reported by default, never used to choose the defaults.</summary>
    public static IReadOnlyList<int> EvaluationSeeds { get; } = [.. Enumerable.Range(101, 10)];

    /// <summary>The tuning seeds the default parameters were chosen on (see docs/learning-bench.md).</summary>
    public static IReadOnlyList<int> TuningSeeds { get; } = [.. Enumerable.Range(1, 5)];

    /// <summary>The round the drift happens at (the first round with the new rates), or null without drift.</summary>
    public int? DriftRound => Drift ? Rounds / 2 : null;

    /// <summary>The rounds after the drift whose coverage is reported apart: the first tenth of the run.</summary>
    public int ShortlyAfterRounds => Math.Max(1, Rounds / 10);

    /// <summary>The half-life in rounds (0: no decay).</summary>
    public double HalfLifeRounds => Parameters.HalfLifeDays * RoundsPerDay;

    /// <summary>Why these settings cannot run (naming the setting and the allowed range), or null.</summary>
    public string? Check()
    {
        if (Rounds < 2)
        {
            return $"rounds {Rounds} is too few: give at least 2 (e.g. {DefaultRounds}), so that there is a round before and after the drift";
        }

        if (Seeds.Count == 0)
        {
            return "no seed is given: give at least one, e.g. 101-110";
        }

        if (Strategies is < 2 or > LearningEnvironment.MaxStrategies)
        {
            return $"strategies {Strategies} is out of range: give 2 to {LearningEnvironment.MaxStrategies} (e.g. {DefaultStrategies})";
        }

        if (!(RoundsPerDay > 0) || !double.IsFinite(RoundsPerDay))
        {
            return $"rounds per day {RoundsPerDay} is not a positive number: give e.g. {DefaultRoundsPerDay}";
        }

        if (Window < 2)
        {
            return $"window {Window} is too small: give at least 2 (e.g. {DefaultWindow})";
        }

        return Parameters.Check();
    }
}
