namespace Mnemo.Benchmarks.Learning;

/// <summary>
/// The usual hand-written learner: per context, each strategy once (in index order), then always the highest observed
/// success rate in that context (ties to the lower index), with no prior, no decay and no exploration.
/// </summary>
internal sealed class GreedyPolicy : ILearningPolicy
{
    public const string PolicyName = "greedy";

    private readonly int[,] _tries;
    private readonly int[,] _successes;

    public GreedyPolicy(int contexts, int strategies)
    {
        _tries = new int[contexts, strategies];
        _successes = new int[contexts, strategies];
    }

    public string Name => PolicyName;

    public int Choose(int round, int context)
    {
        var best = 0;
        var bestRate = double.NegativeInfinity;
        for (var k = 0; k < _tries.GetLength(1); k++)
        {
            if (_tries[context, k] == 0)
            {
                return k;
            }

            var rate = (double)_successes[context, k] / _tries[context, k];
            if (rate > bestRate)
            {
                (best, bestRate) = (k, rate);
            }
        }

        return best;
    }

    public void Observe(int round, int context, int strategy, bool success)
    {
        _tries[context, strategy]++;
        _successes[context, strategy] += success ? 1 : 0;
    }
}
