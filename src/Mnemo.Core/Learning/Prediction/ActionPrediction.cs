namespace Mnemo.Core.Learning.Prediction;

/// <summary>The likely next actions after a context, from <see cref="ActionModel"/>.</summary>
/// <param name="Context">The preceding actions looked at, oldest first: the last <see cref="ActionModelFacts.MaxOrder"/> given or logged.</param>
/// <param name="Order">
/// How many of the last actions of <paramref name="Context"/> the model had seen together as a context: 0 when it falls
/// back to how often each action occurs overall.
/// </param>
/// <param name="Next">The likeliest next actions, likeliest first; their probabilities sum to at most 1.</param>
/// <param name="Model">What the model was trained on.</param>
public sealed record ActionPrediction(
    IReadOnlyList<string> Context, int Order, IReadOnlyList<PredictedAction> Next, ActionModelFacts Model)
{
    /// <summary>The part of <see cref="Context"/> the prediction rests on: its last <see cref="Order"/> actions.</summary>
    public IReadOnlyList<string> MatchedContext => [.. Context.Skip(Context.Count - Order)];
}
