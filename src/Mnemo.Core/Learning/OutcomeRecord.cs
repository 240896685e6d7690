using System.Text.Json;

namespace Mnemo.Core.Learning;

/// <summary>What an agent reports about a finished task, for <see cref="MnemoEngine.RecordOutcomeAsync"/>.</summary>
public sealed record OutcomeRecord
{
    /// <summary>The kind of task, e.g. <c>data_processing</c>: letters, digits, '-', '_', '.', ':' or '@', at most 64.</summary>
    public required string TaskType { get; init; }

    /// <summary>The strategy the task used, e.g. <c>parallel_processing</c>: the same characters as a task type.</summary>
    public required string Strategy { get; init; }

    /// <summary>Whether the task succeeded.</summary>
    public required bool Success { get; init; }

    /// <summary>A graded result in 0..1 (1 a full success); left out, 1 for a success and 0 for a failure.</summary>
    public double? Reward { get; init; }

    /// <summary>How long the task took, in seconds (0 or more).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The agents that worked on the task.</summary>
    public IReadOnlyList<string> Agents { get; init; } = [];

    /// <summary>
    /// The conditions, a JSON object such as <c>{"data_size":"large","agents":3}</c>: each scalar property (nested ones as
    /// <c>a.b</c>, each element of an array of scalars) is a feature <c>name=value</c> that recommendations can condition on.
    /// </summary>
    public JsonElement? Context { get; init; }

    /// <summary>What the task was, in words: what <c>suggest</c> finds similar tasks by.</summary>
    public string? Description { get; init; }

    /// <summary>The tools or commands the task used.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>The keys of memories the task used.</summary>
    public IReadOnlyList<string> Memories { get; init; } = [];
}
