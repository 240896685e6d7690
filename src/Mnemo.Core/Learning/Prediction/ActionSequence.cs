namespace Mnemo.Core.Learning.Prediction;

/// <summary>The actions of one agent in one session (or one stretch without a session), oldest first.</summary>
/// <param name="Agent">The agent, or null.</param>
/// <param name="Session">The session, or null for actions recorded without one.</param>
/// <param name="Actions">The action names in time order.</param>
/// <param name="Start">When the first action was recorded.</param>
/// <param name="End">When the last action was recorded.</param>
internal sealed record ActionSequence(string? Agent, string? Session, IReadOnlyList<string> Actions, DateTimeOffset Start, DateTimeOffset End);
