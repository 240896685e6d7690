namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>What <see cref="MnemoEngine.OptimizeAsync"/> should do.</summary>
public sealed record OptimizationRequest
{
    /// <summary>The strategies to run (names from <see cref="OptimizationStrategy"/>); empty for <see cref="OptimizationStrategy.Default"/>.</summary>
    public IReadOnlyList<string> Strategies { get; init; } = [];

    /// <summary>
    /// For <see cref="OptimizationStrategy.ArchiveCold"/>: entries neither read nor written for this long are cold. Default 90 days.
    /// </summary>
    public TimeSpan ColdAfter { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Measure and say what each strategy would do, changing nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Also ask every other long-running process using the store (those that started an optimisation listener, see
    /// <see cref="MnemoEngine.StartOptimizationListener"/>) to run the requested process-local strategies
    /// (<see cref="OptimizationStrategy.ProcessLocal"/>) on themselves, through the change feed, and wait for their reports.
    /// </summary>
    public bool Swarm { get; init; }

    /// <summary>How long a swarm request waits for other processes' reports. Default 5 seconds.</summary>
    public TimeSpan SwarmTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop waiting once this many processes reported (null: wait the whole <see cref="SwarmTimeout"/>).</summary>
    public int? ExpectedPeers { get; init; }
}
