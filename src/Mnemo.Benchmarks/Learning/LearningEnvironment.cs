namespace Mnemo.Benchmarks.Learning;

/// <summary>
/// The simulated world of <c>mnemo bench learn</c>, with known truth: one task type, a context feature <c>data_size</c> that is
/// <c>small</c> or <c>large</c> (each round's drawn at random, evenly), K strategies whose success rates differ by context
/// (drawn from the seed, with the best strategy of each context ahead of the rest by a real gap, and a different best in
/// each context), and, with drift, new rates in the large context from the drift round on, where a different strategy
/// is best. The small context never changes, so decay's cost on stable evidence is measured too.
/// </summary>
/// <remarks>
/// Each round also holds one uniform number per strategy, its luck: a policy choosing strategy k in round t succeeds when
/// the luck is below k's true rate. Every policy thus meets the same draws (common random numbers), and the differences
/// between policies are their choices, not their luck.
/// </remarks>
internal sealed class LearningEnvironment
{
    /// <summary>The task type the simulated outcomes are recorded under.</summary>
    public const string TaskType = "etl";

    /// <summary>The context feature's name.</summary>
    public const string Feature = "data_size";

    /// <summary>The most strategies a run may have (as many names as there are below).</summary>
    public const int MaxStrategies = 12;

    /// <summary>The index of the context whose rates drift.</summary>
    public const int DriftingContext = 1;

    // The best rate of a context is drawn from [0.55, 0.85); the others sit at least MinGap below it (down to 0.1).
    private const double BestLow = 0.55, BestHigh = 0.85, MinGap = 0.1, ExtraGap = 0.1, Floor = 0.1;

    private static readonly string[] s_names =
        ["batch", "parallel", "streaming", "sharded", "pipelined", "incremental", "cached", "serial", "mapreduce", "adaptive", "eager", "lazy"];

    // The features of each context, as outcomes carry them (one list each: the recommender reads them every round).
    private static readonly IReadOnlyList<string>[] s_features = [[$"{Feature}=small"], [$"{Feature}=large"]];

    private readonly double[][][] _rates; // [phase][context][strategy]
    private readonly int[] _contexts;
    private readonly double[][] _luck;

    private LearningEnvironment(IReadOnlyList<string> strategies, double[][][] rates, int[] contexts, double[][] luck, int? driftRound)
    {
        Strategies = strategies;
        _rates = rates;
        _contexts = contexts;
        _luck = luck;
        DriftRound = driftRound;
    }

    /// <summary>The context values, in index order.</summary>
    public static IReadOnlyList<string> Contexts { get; } = ["small", "large"];

    /// <summary>The strategies' names, in index order .</summary>
    public IReadOnlyList<string> Strategies { get; }

    /// <summary>The first round with the drifted rates, or null.</summary>
    public int? DriftRound { get; }

    /// <summary>The rounds.</summary>
    public int Rounds => _contexts.Length;

    /// <summary>The context features of context <paramref name="context"/>, as outcomes carry them.</summary>
    public static IReadOnlyList<string> Features(int context) => s_features[context];

    /// <summary>Makes the environment of one seed.</summary>
    public static LearningEnvironment Create(int seed, int rounds, int strategies, bool drift)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strategies, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(strategies, MaxStrategies);
        var random = new Random(seed);
        var before = new double[Contexts.Count][];
        var bests = Shuffled(random, strategies);
        for (var c = 0; c < Contexts.Count; c++)
        {
            // Context c's best is the c-th of a shuffle: the contexts' bests differ.
            before[c] = Rates(random, strategies, bests[c % strategies]);
        }

        double[][][] rates;
        if (drift)
        {
            var after = before.Select(r => (double[])r.Clone()).ToArray();
            var oldBest = Best(before[DriftingContext]);
            var others = Enumerable.Range(0, strategies).Where(k => k != oldBest).ToArray();
            after[DriftingContext] = Rates(random, strategies, others[random.Next(others.Length)]);
            rates = [before, after];
        }
        else
        {
            rates = [before];
        }

        var contexts = new int[rounds];
        var luck = new double[rounds][];
        for (var t = 0; t < rounds; t++)
        {
            contexts[t] = random.Next(Contexts.Count);
            luck[t] = new double[strategies];
            for (var k = 0; k < strategies; k++)
            {
                luck[t][k] = random.NextDouble();
            }
        }

        return new LearningEnvironment([.. s_names.Take(strategies)], rates, contexts, luck, drift ? rounds / 2 : null);
    }

    /// <summary>The context of round <paramref name="round"/>.</summary>
    public int ContextOf(int round) => _contexts[round];

    /// <summary>The true success rates of every strategy in <paramref name="context"/> at <paramref name="round"/>.</summary>
    public IReadOnlyList<double> RatesAt(int round, int context) => _rates[Phase(round)][context];

    /// <summary>The true success rates of every strategy in <paramref name="context"/>, before (phase 0) or after (1) the drift.</summary>
    public IReadOnlyList<double> RatesIn(int phase, int context) => _rates[phase][context];

    /// <summary>The phases: 1 without drift, 2 with.</summary>
    public int Phases => _rates.Length;

    /// <summary>The best strategy in <paramref name="context"/> at <paramref name="round"/>.</summary>
    public int BestAt(int round, int context) => Best(_rates[Phase(round)][context]);

    /// <summary>Whether strategy <paramref name="strategy"/> succeeds in round <paramref name="round"/>: its luck is below its true rate.</summary>
    public bool Succeeds(int round, int strategy) => _luck[round][strategy] < _rates[Phase(round)][_contexts[round]][strategy];

    private int Phase(int round) => DriftRound is { } drift && round >= drift ? 1 : 0;

    private static int Best(double[] rates)
    {
        var best = 0;
        for (var k = 1; k < rates.Length; k++)
        {
            best = rates[k] > rates[best] ? k : best;
        }

        return best;
    }

    private static double[] Rates(Random random, int strategies, int best)
    {
        var rates = new double[strategies];
        rates[best] = BestLow + (BestHigh - BestLow) * random.NextDouble();
        var ceiling = rates[best] - MinGap - ExtraGap * random.NextDouble();
        for (var k = 0; k < strategies; k++)
        {
            if (k != best)
            {
                rates[k] = Floor + (ceiling - Floor) * random.NextDouble();
            }
        }

        return rates;
    }

    private static int[] Shuffled(Random random, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
