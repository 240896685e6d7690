namespace Mnemo.Benchmarks.Learning;

/// <summary>Knows the true rates: always the best strategy of the round's context. Its regret is 0 by definition.</summary>
internal sealed class OraclePolicy(LearningEnvironment environment) : ILearningPolicy
{
    public const string PolicyName = "oracle";

    public string Name => PolicyName;

    public int Choose(int round, int context) => environment.BestAt(round, context);

    public void Observe(int round, int context, int strategy, bool success)
    {
    }
}
