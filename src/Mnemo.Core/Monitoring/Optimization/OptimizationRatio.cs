namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>
/// One measured ratio of a strategy's work (for example the recall a quantized index keeps), where a count before and
/// after does not fit.
/// </summary>
/// <param name="Name">What is measured, snake_case (e.g. <c>recall_at_10</c>).</param>
/// <param name="Value">The measured value, usually in [0, 1].</param>
public sealed record OptimizationRatio(string Name, double Value);
