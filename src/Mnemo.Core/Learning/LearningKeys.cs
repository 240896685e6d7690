namespace Mnemo.Core.Learning;

/// <summary>
/// Where learning keeps its state, as ordinary entries (versioned, searchable, shared by every agent of the store).
/// </summary>
public static class LearningKeys
{
    /// <summary>The root of everything learning writes.</summary>
    public const string Root = "learning/";

    /// <summary>Task outcomes: <c>learning/outcomes/TASK-TYPE/ID</c>, IDs in time order.</summary>
    public const string Outcomes = Root + "outcomes/";

    /// <summary>The learning parameters, one entry whose history is every change.</summary>
    public const string Parameters = Root + "params";

    /// <summary>Insights a learning cycle wrote: <c>learning/insights/TASK-TYPE/NAME</c>.</summary>
    public const string Insights = Root + "insights/";

    /// <summary>Derived per-strategy estimates a learning cycle wrote: <c>learning/patterns/TASK-TYPE/STRATEGY</c>.</summary>
    public const string Patterns = Root + "patterns/";

    /// <summary>Errors agents recorded with what fixed them: <c>learning/errors/...</c>.</summary>
    public const string Errors = Root + "errors/";

    /// <summary>The kind of outcome entries.</summary>
    public const string OutcomeKind = "outcome";

    /// <summary>The prefix of one task type's outcomes.</summary>
    public static string OutcomesOf(string taskType) => $"{Outcomes}{taskType}/";
}
