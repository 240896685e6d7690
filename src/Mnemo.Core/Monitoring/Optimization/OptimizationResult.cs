namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>What one strategy did, with the bytes it concerns measured before and after.</summary>
/// <param name="Strategy">The strategy's name (<see cref="OptimizationStrategy"/>).</param>
/// <param name="Outcome">Whether it acted, only measured (dry run), or was skipped.</param>
/// <param name="Measured">What the bytes are of, in words (e.g. "database pages in use", "write-ahead log file").</param>
/// <param name="BytesBefore">The bytes measured before the strategy.</param>
/// <param name="BytesAfter">The bytes measured after it; null in a dry run or when skipped.</param>
/// <param name="Elapsed">How long the strategy took, measurements included.</param>
/// <param name="Summary">One line saying what was done (or would be, in a dry run, or why it was skipped).</param>
public sealed record OptimizationResult(
    string Strategy, OptimizationOutcome Outcome, string Measured, long BytesBefore, long? BytesAfter, TimeSpan Elapsed, string Summary)
{
    /// <summary>Other figures measured before and after (counts, fragmentation...).</summary>
    public IReadOnlyList<OptimizationFigure> Figures { get; init; } = [];

    /// <summary>Measured ratios of the work (for example the recall a quantized index keeps); empty for most strategies.</summary>
    public IReadOnlyList<OptimizationRatio> Ratios { get; init; } = [];

    /// <summary>Bytes freed: before minus after (negative when the bytes grew); null when nothing was measured after.</summary>
    public long? FreedBytes => BytesAfter is { } after ? BytesBefore - after : null;
}
