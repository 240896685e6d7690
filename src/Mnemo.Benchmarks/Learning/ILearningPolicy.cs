namespace Mnemo.Benchmarks.Learning;

/// <summary>A way of choosing a strategy each round of the simulation, learning from the outcomes it is told.</summary>
internal interface ILearningPolicy
{
    /// <summary>The policy's name in the report.</summary>
    string Name { get; }

    /// <summary>The strategy (an index) chosen for round <paramref name="round"/>, in context <paramref name="context"/>.</summary>
    int Choose(int round, int context);

    /// <summary>Tells the policy the outcome of its choice.</summary>
    void Observe(int round, int context, int strategy, bool success);
}
