namespace Mnemo.Core.Monitoring.Health;

/// <summary>One input of the pressure score: what was measured, against which threshold, and the part it gives.</summary>
/// <param name="Name">The input: one of the constants of this type (<see cref="MachineMemory"/>, ...).</param>
/// <param name="Unit">The unit of <paramref name="Value"/> and <paramref name="Threshold"/>: <c>fraction</c>, <c>bytes</c> or <c>bytes_per_hour</c>.</param>
/// <param name="Value">The measured value, or null when it could not be measured (then <paramref name="Part"/> is 0 and
/// <paramref name="Source"/> says why).</param>
/// <param name="Threshold">The value at which the input scores <see cref="HealthThresholds.MemoryPressure"/>.</param>
/// <param name="Part">The input's part of the score, 0 to 100 (<see cref="PressureScore.Part"/>).</param>
/// <param name="Source">Where the value comes from, or why there is none, for a person.</param>
public sealed record HealthInput(string Name, string Unit, double? Value, double Threshold, double Part, string Source)
{
    /// <summary>The share of the machine's memory in use.</summary>
    public const string MachineMemory = "machine_memory";

    /// <summary>The largest resident memory of a process using the store: this one, measured now, or another one's latest sample.</summary>
    public const string ProcessMemory = "process_memory";

    /// <summary>The vector index's bytes.</summary>
    public const string VectorStore = "vector_store";

    /// <summary>The store content's growth per hour over the metrics history.</summary>
    public const string StoreGrowth = "store_growth";

    /// <summary>The largest share of a quota an agent or session uses.</summary>
    public const string Quota = "quota";
}
