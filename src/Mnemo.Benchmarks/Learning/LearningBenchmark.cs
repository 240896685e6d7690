using System.Diagnostics;

namespace Mnemo.Benchmarks.Learning;

/// <summary>
/// <c>mnemo bench learn</c>: does Mnemo's strategy recommender learn? Every seed makes a simulated environment with known
/// success rates (<see cref="LearningEnvironment"/>), and Mnemo's recommender, a greedy learner, uniform random choice and
/// an oracle play the same rounds on the same draws; the report is their regret, Mnemo's adaptation after the drift and
/// the coverage of its credible intervals. See docs/learning-bench.md.
/// </summary>
internal static class LearningBenchmark
{
    /// <summary>The policies, in report order.</summary>
    public static IReadOnlyList<string> Policies { get; } =
        [MnemoPolicy.PolicyName, GreedyPolicy.PolicyName, UniformPolicy.PolicyName, OraclePolicy.PolicyName];

    /// <summary>Runs every seed (in parallel: each is independent and deterministic).</summary>
    /// <exception cref="ArgumentException">The options cannot run (<see cref="LearningBenchmarkOptions.Check"/>).</exception>
    public static LearningBenchmarkResult Run(LearningBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Check() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        var watch = Stopwatch.StartNew();
        var runs = new SeedRun[options.Seeds.Count];
        Parallel.For(0, runs.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => runs[i] = RunSeed(options, options.Seeds[i]));
        return new LearningBenchmarkResult(options, runs, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Runs every policy on the environment of <paramref name="seed"/>.</summary>
    public static SeedRun RunSeed(LearningBenchmarkOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = LearningEnvironment.Create(seed, options.Rounds, options.Strategies, options.Drift);

        // Each policy has a random source of its own, derived from the seed, so adding one does not shift another's draws
        // (derived by arithmetic: HashCode.Combine is randomised per process, and the figures must repeat from run to run).
        var mnemo = new MnemoPolicy(environment, options, new Random(PolicySeed(seed, 1)));
        ILearningPolicy[] policies =
        [
            mnemo,
            new GreedyPolicy(LearningEnvironment.Contexts.Count, options.Strategies),
            new UniformPolicy(options.Strategies, new Random(PolicySeed(seed, 2))),
            new OraclePolicy(environment),
        ];
        return new SeedRun(seed, environment, [.. policies.Select(policy => Play(policy, environment, options))], mnemo.Coverage);
    }

    private static int PolicySeed(int seed, int policy) => unchecked((seed * 1_000_003) + (policy * 7919));

    private static PolicyRun Play(ILearningPolicy policy, LearningEnvironment environment, LearningBenchmarkOptions options)
    {
        var choices = new int[environment.Rounds];
        var regret = new double[environment.Rounds];
        var successes = 0;
        for (var t = 0; t < environment.Rounds; t++)
        {
            var context = environment.ContextOf(t);
            var chosen = policy.Choose(t, context);
            var rates = environment.RatesAt(t, context);
            choices[t] = chosen;
            regret[t] = rates[environment.BestAt(t, context)] - rates[chosen];
            var success = environment.Succeeds(t, chosen);
            successes += success ? 1 : 0;
            policy.Observe(t, context, chosen, success);
        }

        return new PolicyRun(policy.Name, choices, regret, successes, Adaptation(choices, environment, options.Window));
    }

    /// <summary>
    /// Per drifting context: the rounds from the drift until at least half of the last <paramref name="window"/> choices in
    /// that context (the ones before the drift included) were the new best. Even the oracle needs window/2 visits of the
    /// context, about window rounds with two contexts: that is the floor of this measure.
    /// </summary>
    internal static Dictionary<string, int?> Adaptation(int[] choices, LearningEnvironment environment, int window)
    {
        var result = new Dictionary<string, int?>(StringComparer.Ordinal);
        if (environment.DriftRound is not { } drift)
        {
            return result;
        }

        const int context = LearningEnvironment.DriftingContext;
        var newBest = environment.BestAt(drift, context);
        var recent = new Queue<bool>();
        var hits = 0;
        int? rounds = null;
        for (var t = 0; t < choices.Length && rounds is null; t++)
        {
            if (environment.ContextOf(t) != context)
            {
                continue;
            }

            var hit = choices[t] == newBest;
            recent.Enqueue(hit);
            hits += hit ? 1 : 0;
            if (recent.Count > window)
            {
                hits -= recent.Dequeue() ? 1 : 0;
            }

            if (t >= drift && recent.Count == window && 2 * hits >= window)
            {
                rounds = t - drift + 1;
            }
        }

        result[LearningEnvironment.Contexts[context]] = rounds;
        return result;
    }
}
