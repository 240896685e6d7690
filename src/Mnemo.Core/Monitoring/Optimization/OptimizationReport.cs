namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>What an optimisation did in one process, and, for a swarm request, what the other processes reported.</summary>
/// <param name="Host">The machine the process runs on.</param>
/// <param name="ProcessId">The process that ran the strategies.</param>
/// <param name="At">When the optimisation started.</param>
/// <param name="DryRun">True when nothing was changed.</param>
/// <param name="Results">One result per strategy, in the order they ran.</param>
/// <param name="Elapsed">How long the whole optimisation took in this process.</param>
public sealed record OptimizationReport(
    string Host, int ProcessId, DateTimeOffset At, bool DryRun, IReadOnlyList<OptimizationResult> Results, TimeSpan Elapsed)
{
    /// <summary>The identifier of the swarm request this report answers or made; null for a local optimisation.</summary>
    public string? RequestId { get; init; }

    /// <summary>Reports of the other processes that answered a swarm request in time, in the order they arrived.</summary>
    public IReadOnlyList<OptimizationReport> Peers { get; init; } = [];

    /// <summary>How long a swarm request waited for other processes (zero when it was not a swarm request).</summary>
    public TimeSpan PeersWaited { get; init; }

    /// <summary>Bytes freed by every strategy that acted and measured its bytes after.</summary>
    /// <remarks>A sum of different things (heap, files); each result's own figure says what its bytes are of.</remarks>
    public long FreedBytes => Results.Sum(result => result.FreedBytes ?? 0);
}
