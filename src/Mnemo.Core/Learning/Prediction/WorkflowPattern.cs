namespace Mnemo.Core.Learning.Prediction;

/// <summary>A sequence of actions that recurs in the action log.</summary>
/// <param name="Steps">The actions, in order (2 or more).</param>
/// <param name="Support">How many times the steps occur one right after another, over every sequence.</param>
/// <param name="Sequences">How many distinct sequences (sessions, or stretches without one) they occur in.</param>
/// <param name="Sessions">The named sessions they occur in, in ordinal order.</param>
/// <param name="Confidence">
/// How often the last step follows the others: the occurrences of the steps over the occurrences of all but the last
/// followed by any action.
/// </param>
public sealed record WorkflowPattern(IReadOnlyList<string> Steps, int Support, int Sequences, IReadOnlyList<string> Sessions, double Confidence);
