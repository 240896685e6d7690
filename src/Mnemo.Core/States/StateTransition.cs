namespace Mnemo.Core.States;

/// <summary>One allowed step of a state's phase: from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The phase a saved state is in.</param>
/// <param name="To">A phase the next save may move it to.</param>
public sealed record StateTransition(string From, string To);
