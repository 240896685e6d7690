namespace Mnemo.Core.Learning;

/// <summary>One derived entry a learning cycle considered.</summary>
/// <param name="Key">Its key, under <see cref="LearningKeys.Patterns"/> or <see cref="LearningKeys.Insights"/>.</param>
/// <param name="Kind"><c>pattern</c> or <c>insight</c>.</param>
/// <param name="Action">What the cycle did with it.</param>
/// <param name="Text">Its sentence: the new one when written or unchanged, the old one when removed.</param>
public sealed record LearningCycleChange(string Key, string Kind, LearningCycleAction Action, string Text);
