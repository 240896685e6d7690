using System.Text.Json;

namespace Mnemo.Core.Learning;

/// <summary>What to recommend a strategy for, for <see cref="MnemoEngine.RecommendStrategyAsync"/>.</summary>
public sealed record RecommendationRequest
{
    /// <summary>The kind of task.</summary>
    public required string TaskType { get; init; }

    /// <summary>The conditions now, a JSON object like an outcome's context; null or empty: every context.</summary>
    public JsonElement? Context { get; init; }

    /// <summary>The strategies to choose among (untried ones start from the prior); empty: every strategy tried for the task type.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>The exploration factor for this request, 0..1; null: the stored <see cref="LearningParameters.Exploration"/>.</summary>
    public double? Exploration { get; init; }

    /// <summary>Seeds the Thompson draws, to make a recommendation reproducible; null: a fresh draw each time.</summary>
    public int? Seed { get; init; }
}
