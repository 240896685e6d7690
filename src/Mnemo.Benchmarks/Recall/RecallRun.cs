namespace Mnemo.Benchmarks.Recall;

/// <summary>What one seed's run measured: its set, the embedding model searched, the timings, and every mode's ranks.</summary>
internal sealed record RecallRun(int Seed, RecallDataset Dataset, string EmbeddingModel, RecallTimings Timings, IReadOnlyList<RecallModeResult> Modes)
{
    /// <summary>The question types of the set, in report order (<see cref="RecallBenchmarkResult.OrderTypes"/>).</summary>
    public IReadOnlyList<string> Types => RecallBenchmarkResult.OrderTypes(Dataset.Questions.Select(q => q.Category));

    /// <summary>A mode's figures over every question, or over one type's.</summary>
    public RecallFigures Figures(string mode, string? type = null)
    {
        var indexes = Enumerable.Range(0, Dataset.Questions.Count)
            .Where(i => type is null || Dataset.Questions[i].Category == type)
            .ToArray();
        return Modes.Single(m => m.Name == mode).Figures(indexes);
    }

    /// <summary>A mode's search latency.</summary>
    public LatencySummary Latency(string mode) => Modes.Single(m => m.Name == mode).Latency;
}
