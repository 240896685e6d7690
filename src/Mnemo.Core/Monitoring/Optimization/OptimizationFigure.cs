namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>One measured figure of a strategy besides its bytes, before and after (for example entries, or deleted index nodes).</summary>
/// <param name="Name">What is counted, snake_case (e.g. <c>expired_entries</c>, <c>loh_bytes</c>).</param>
/// <param name="Before">The figure measured before the strategy.</param>
/// <param name="After">The figure measured after it; null in a dry run or when the strategy was skipped.</param>
public sealed record OptimizationFigure(string Name, long Before, long? After);
