namespace Mnemo.Core.Monitoring.Trends;

/// <summary>One observation of a monitored quantity: a value at a time.</summary>
/// <param name="Time">When the value was measured.</param>
/// <param name="Value">The measured value, in the quantity's own unit (bytes, entries, ...). Must be finite.</param>
public readonly record struct TrendSample(DateTimeOffset Time, double Value);
