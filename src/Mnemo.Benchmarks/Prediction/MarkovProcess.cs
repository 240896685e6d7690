namespace Mnemo.Benchmarks.Prediction;

/// <summary>
/// A known order-2 Markov process over a few named actions: for every pair of preceding actions, a distribution of the
/// next one, drawn at random from a seed and made skewed (weights are uniform draws to the 4th power), as real workflows
/// are: after two steps, one or two next steps dominate. Sessions start with two uniformly drawn actions.
/// </summary>
internal sealed class MarkovProcess
{
    private const double Skew = 4;

    private readonly double[][] _next;

    public MarkovProcess(int actions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actions, 3);
        Names = [.. Enumerable.Range(0, actions).Select(i => $"step-{i:00}")];
        _next = new double[actions * actions][];
        for (var state = 0; state < _next.Length; state++)
        {
            var weights = Enumerable.Range(0, actions).Select(_ => Math.Pow(random.NextDouble(), Skew)).ToArray();
            var sum = weights.Sum();
            _next[state] = [.. weights.Select(w => w / sum)];
        }
    }

    /// <summary>The actions' names; an action is its index.</summary>
    public string[] Names { get; }

    /// <summary>The true probabilities of the next action after <paramref name="first"/> then <paramref name="second"/>.</summary>
    public IReadOnlyList<double> Next(int first, int second) => _next[(first * Names.Length) + second];

    /// <summary>A session of <paramref name="length"/> actions (at least 2).</summary>
    public int[] Session(int length, Random random)
    {
        var session = new int[length];
        session[0] = random.Next(Names.Length);
        session[1] = random.Next(Names.Length);
        for (var i = 2; i < length; i++)
        {
            var p = Next(session[i - 2], session[i - 1]);
            var draw = random.NextDouble();
            var next = 0;
            for (var cumulative = p[0]; cumulative < draw && next < p.Count - 1; cumulative += p[++next])
            {
            }

            session[i] = next;
        }

        return session;
    }

    /// <summary>The <paramref name="count"/> likeliest next actions after the pair, likeliest first (ties by index).</summary>
    public int[] Best(int first, int second, int count)
    {
        var p = Next(first, second);
        return [.. Enumerable.Range(0, p.Count).OrderByDescending(i => p[i]).ThenBy(i => i).Take(count)];
    }
}
