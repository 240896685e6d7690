namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>What became of one strategy.</summary>
public enum OptimizationOutcome
{
    /// <summary>The strategy ran; the figures after are measured after it.</summary>
    Acted,

    /// <summary>A dry run: measured only, nothing changed; there are no figures after.</summary>
    DryRun,

    /// <summary>The strategy could not run here (read-only store, no vector index...); the reason says why.</summary>
    Skipped,
}
