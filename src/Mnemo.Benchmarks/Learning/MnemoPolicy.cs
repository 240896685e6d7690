using Mnemo.Core.Learning;

namespace Mnemo.Benchmarks.Learning;

/// <summary>
/// Mnemo's recommender: each round <see cref="StrategyRecommender.Recommend(IReadOnlyList{TaskOutcome}, string, IReadOnlyList{string}, IReadOnlyList{string}, LearningParameters, DateTimeOffset, Random)"/>,
/// the function <c>MnemoEngine.RecommendStrategyAsync</c> calls, over every outcome recorded so far, with the round's context
/// and every strategy as a candidate, at the round's simulated time. Each round it also checks every candidate's in-context
/// credible interval against the true rate (<see cref="Coverage"/>).
/// </summary>
/// <remarks>
/// The outcomes are kept in memory as the <see cref="TaskOutcome"/> records the engine would read back, not stored in a
/// database: the recommender is a pure function of them, and a store would only slow the 2,000 × 10 rounds down.
/// </remarks>
internal sealed class MnemoPolicy : ILearningPolicy
{
    public const string PolicyName = "mnemo";

    private readonly LearningEnvironment _environment;
    private readonly LearningBenchmarkOptions _options;
    private readonly Random _random;
    private readonly List<TaskOutcome> _outcomes = [];
    private readonly IReadOnlyList<string> _candidates;

    public MnemoPolicy(LearningEnvironment environment, LearningBenchmarkOptions options, Random random)
    {
        _environment = environment;
        _options = options;
        _random = random;
        _candidates = environment.Strategies;
    }

    /// <summary>The simulated time of round 0.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => PolicyName;

    /// <summary>The coverage of the intervals the recommender reported, round by round.</summary>
    public LearningCoverage Coverage { get; } = new();

    /// <summary>The simulated time of <paramref name="round"/>: round / rounds-per-day days after <see cref="Start"/>.</summary>
    public DateTimeOffset TimeOf(int round) => Start + TimeSpan.FromDays(round / _options.RoundsPerDay);

    public int Choose(int round, int context)
    {
        var recommendation = StrategyRecommender.Recommend(
            _outcomes, LearningEnvironment.TaskType, LearningEnvironment.Features(context), _candidates, _options.Parameters, TimeOf(round), _random);
        var rates = _environment.RatesAt(round, context);
        var best = _environment.BestAt(round, context);
        foreach (var candidate in recommendation.Candidates)
        {
            var k = IndexOf(candidate.Strategy);
            var interval = candidate.Posterior;
            Coverage.Add(interval.Low <= rates[k] && rates[k] <= interval.High, round, context, k == best, _options.DriftRound, _options.ShortlyAfterRounds);
        }

        return IndexOf(recommendation.Strategy!);
    }

    public void Observe(int round, int context, int strategy, bool success)
    {
        _outcomes.Add(new TaskOutcome(
            $"learning/outcomes/{LearningEnvironment.TaskType}/{round:D8}", LearningEnvironment.TaskType, _candidates[strategy], success,
            success ? 1 : 0, DurationSeconds: null, Agents: [], LearningEnvironment.Features(context), Description: null, Tools: [], Memories: [],
            TimeOf(round), RecordedBy: null, Session: null));
    }

    private int IndexOf(string strategy)
    {
        for (var k = 0; k < _candidates.Count; k++)
        {
            if (_candidates[k] == strategy)
            {
                return k;
            }
        }

        throw new InvalidOperationException($"the recommender chose {strategy}, which is not a candidate");
    }
}
