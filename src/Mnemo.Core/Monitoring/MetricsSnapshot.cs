namespace Mnemo.Core.Monitoring;

/// <summary>Everything one process measured at one moment: its memory and the store it uses.</summary>
/// <param name="Host">The machine (<see cref="Environment.MachineName"/>).</param>
/// <param name="Agent">The agent the engine acts as, or null.</param>
/// <param name="Process">The process's memory.</param>
/// <param name="Store">The store's sizes and the engine's structures over it.</param>
public sealed record MetricsSnapshot(string Host, string? Agent, ProcessMemorySnapshot Process, StoreMetrics Store);
