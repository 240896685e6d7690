namespace Mnemo.Benchmarks.Ann;

/// <summary>One row of the ef sweep.</summary>
/// <param name="Ef">The search beam width.</param>
/// <param name="RecallAt10">Mean over queries of |returned top-10 ∩ true top-10| / 10.</param>
/// <param name="Qps">Queries per second of the best timed pass (queries one at a time).</param>
internal sealed record AnnSweepPoint(int Ef, double RecallAt10, double Qps);
