namespace Mnemo.Benchmarks.Learning;

/// <summary>
/// The coverage of Mnemo's credible intervals in one run: each round, for every candidate, whether its in-context interval
/// (the one the recommender decides with) held its true rate in the round's context, split by when and what.
/// </summary>
internal sealed class LearningCoverage
{
    /// <summary>Every interval checked.</summary>
    public CoverageTally Overall { get; private set; }

    /// <summary>The rounds before the drift (every round without drift).</summary>
    public CoverageTally BeforeDrift { get; private set; }

    /// <summary>The rounds from the drift on.</summary>
    public CoverageTally AfterDrift { get; private set; }

    /// <summary>The first <see cref="LearningBenchmarkOptions.ShortlyAfterRounds"/> rounds from the drift on.</summary>
    public CoverageTally ShortlyAfterDrift { get; private set; }

    /// <summary>The later rounds after the drift.</summary>
    public CoverageTally LaterAfterDrift { get; private set; }

    /// <summary>The intervals of the round's best strategy (by true rate).</summary>
    public CoverageTally Best { get; private set; }

    /// <summary>The intervals of the other strategies.</summary>
    public CoverageTally Others { get; private set; }

    /// <summary>Per context, in <see cref="LearningEnvironment.Contexts"/> order.</summary>
    public CoverageTally[] ByContext { get; } = new CoverageTally[LearningEnvironment.Contexts.Count];

    /// <summary>Counts one interval of round <paramref name="round"/>.</summary>
    public void Add(bool hit, int round, int context, bool best, int? driftRound, int shortlyAfter)
    {
        Overall = Overall.Add(hit);
        ByContext[context] = ByContext[context].Add(hit);
        if (best)
        {
            Best = Best.Add(hit);
        }
        else
        {
            Others = Others.Add(hit);
        }

        if (driftRound is not { } drift || round < drift)
        {
            BeforeDrift = BeforeDrift.Add(hit);
        }
        else
        {
            AfterDrift = AfterDrift.Add(hit);
            if (round < drift + shortlyAfter)
            {
                ShortlyAfterDrift = ShortlyAfterDrift.Add(hit);
            }
            else
            {
                LaterAfterDrift = LaterAfterDrift.Add(hit);
            }
        }
    }

    /// <summary>The tallies of several runs added up.</summary>
    public static LearningCoverage Sum(IEnumerable<LearningCoverage> runs)
    {
        var sum = new LearningCoverage();
        foreach (var run in runs)
        {
            sum.Overall += run.Overall;
            sum.BeforeDrift += run.BeforeDrift;
            sum.AfterDrift += run.AfterDrift;
            sum.ShortlyAfterDrift += run.ShortlyAfterDrift;
            sum.LaterAfterDrift += run.LaterAfterDrift;
            sum.Best += run.Best;
            sum.Others += run.Others;
            for (var c = 0; c < sum.ByContext.Length; c++)
            {
                sum.ByContext[c] += run.ByContext[c];
            }
        }

        return sum;
    }
}
