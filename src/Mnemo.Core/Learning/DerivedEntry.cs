using System.Text.Json;

namespace Mnemo.Core.Learning;

/// <summary>An entry a learning cycle wants to hold: a derived pattern or an insight, as it would be written.</summary>
/// <param name="Key">Under <see cref="LearningKeys.Patterns"/> or <see cref="LearningKeys.Insights"/>.</param>
/// <param name="Kind"><see cref="LearningCycle.PatternKind"/> or <see cref="LearningCycle.InsightKind"/>.</param>
/// <param name="TaskType">The task type it is about.</param>
/// <param name="Text">A readable sentence (searchable).</param>
/// <param name="Value">The figures, rounded so that the same evidence always writes the same value.</param>
/// <param name="Tags">The task type, and the strategy or the insight's rule.</param>
internal sealed record DerivedEntry(string Key, string Kind, string TaskType, string Text, JsonElement Value, IReadOnlyList<string> Tags);
