namespace Mnemo.Core.Learning.Prediction;

/// <summary>One action in the store's action log: what an agent did, when, in which session.</summary>
/// <param name="Id">The store's number for it, increasing in the order actions were written (0 before it is written).</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Agent">The agent that acted, or null.</param>
/// <param name="Session">The session it acted in, or null.</param>
/// <param name="Source">Where it came from: a CLI command, an MCP tool call or an agent's own event.</param>
/// <param name="Action">The action's name (<see cref="ActionNames"/>).</param>
/// <param name="ProcessId">The process that recorded it.</param>
public sealed record ActionRecord(
    long Id, DateTimeOffset At, string? Agent, string? Session, ActionSource Source, string Action, int ProcessId);
