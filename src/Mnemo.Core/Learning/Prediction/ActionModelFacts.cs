namespace Mnemo.Core.Learning.Prediction;

/// <summary>What a prediction model was trained on.</summary>
/// <param name="Sequences">The action sequences (per agent and session; without a session, per agent split at pauses).</param>
/// <param name="Actions">The actions in them.</param>
/// <param name="DistinctActions">The distinct action names among them: the actions the model can predict.</param>
/// <param name="MaxOrder">The most preceding actions a prediction looks at.</param>
public sealed record ActionModelFacts(int Sequences, long Actions, int DistinctActions, int MaxOrder);
