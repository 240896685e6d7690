namespace Mnemo.Core.Learning.Prediction;

/// <summary>A likely next action and its probability under the model.</summary>
/// <param name="Action">The action's name.</param>
/// <param name="Probability">Its probability, from 0 to 1.</param>
public sealed record PredictedAction(string Action, double Probability);
