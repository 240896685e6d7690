namespace Mnemo.Benchmarks.Learning;

/// <summary>Every policy's run on one seed's environment, and the coverage of Mnemo's intervals.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Environment">The environment it made.</param>
/// <param name="Runs">One run per policy, in <see cref="LearningBenchmark.Policies"/> order.</param>
/// <param name="Coverage">The coverage of Mnemo's credible intervals.</param>
internal sealed record SeedRun(int Seed, LearningEnvironment Environment, IReadOnlyList<PolicyRun> Runs, LearningCoverage Coverage)
{
    /// <summary>The run of <paramref name="policy"/>.</summary>
    public PolicyRun Of(string policy) => Runs.Single(run => run.Policy == policy);
}
