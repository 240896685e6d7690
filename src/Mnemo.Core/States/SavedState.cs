using System.Text.Json;

namespace Mnemo.Core.States;

/// <summary>One saved version of a state.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="Version">The version of its entry (<see cref="MnemoEngine.StateKey"/>).</param>
/// <param name="At">When this version was saved.</param>
/// <param name="Agent">Who saved it, if known.</param>
/// <param name="Document">The saved JSON document.</param>
public sealed record SavedState(string Name, long Version, DateTimeOffset At, string? Agent, JsonElement Document);
