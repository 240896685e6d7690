namespace Mnemo.Core.Learning.Prediction;

/// <summary>What <see cref="MnemoEngine.PredictNextActionsAsync"/> predicts after.</summary>
public sealed record PredictionRequest
{
    /// <summary>The largest <see cref="Top"/>.</summary>
    public const int MaxTop = 100;

    /// <summary>The session whose logged actions are the context; null for the engine's session.</summary>
    public string? Session { get; init; }

    /// <summary>The agent whose logged actions are the context; null for the engine's agent, or any agent when it has none.</summary>
    public string? Agent { get; init; }

    /// <summary>The preceding actions, oldest first, used instead of the log's when given.</summary>
    public IReadOnlyList<string>? After { get; init; }

    /// <summary>How many likely next actions to return, 1 to <see cref="MaxTop"/>. Default 5.</summary>
    public int Top { get; init; } = 5;

    /// <summary>The most preceding actions the model looks at, 1 to <see cref="ActionModel.MaxOrderLimit"/>. Default 3.</summary>
    public int MaxOrder { get; init; } = ActionModel.DefaultMaxOrder;
}
