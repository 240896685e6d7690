namespace Mnemo.Benchmarks.Learning;

/// <summary>Chooses uniformly at random, learning nothing: the regret of not learning.</summary>
internal sealed class UniformPolicy(int strategies, Random random) : ILearningPolicy
{
    public const string PolicyName = "uniform";

    public string Name => PolicyName;

    public int Choose(int round, int context) => random.Next(strategies);

    public void Observe(int round, int context, int strategy, bool success)
    {
    }
}
