using System.Text.Json;

namespace Mnemo.Core.Learning;

/// <summary>A pattern or insight a learning cycle wrote, as stored now.</summary>
/// <param name="Key">Its key: <c>learning/patterns/TASK/STRATEGY</c> or <c>learning/insights/TASK/NAME</c>.</param>
/// <param name="Kind"><c>pattern</c> or <c>insight</c>.</param>
/// <param name="TaskType">The task type it is about.</param>
/// <param name="Name">The strategy (a pattern) or the insight's name.</param>
/// <param name="Text">Its sentence.</param>
/// <param name="Value">Its figures and evidence.</param>
/// <param name="Confidence">An insight's confidence (a probability); null for patterns.</param>
/// <param name="Version">The entry's version.</param>
/// <param name="UpdatedAt">When the cycle last changed it.</param>
public sealed record LearnedEntry(
    string Key, string Kind, string TaskType, string Name, string Text, JsonElement? Value, double? Confidence, long Version, DateTimeOffset UpdatedAt);
