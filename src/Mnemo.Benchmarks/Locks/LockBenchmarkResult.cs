using System.Text.Json;

namespace Mnemo.Benchmarks.Locks;

/// <summary>What <c>mnemo bench locks</c> measured over every worker.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Workers">Each worker's own report.</param>
/// <param name="FinalCounter">The counter entry's value after every worker finished.</param>
internal sealed record LockBenchmarkResult(LockBenchmarkOptions Options, IReadOnlyList<LockWorkerReport> Workers, long FinalCounter)
{
    /// <summary>Lock cycles completed by all workers.</summary>
    public long Acquires => Workers.Sum(worker => worker.Acquires);

    /// <summary>The longest worker loop: the workers started together, so this is the run's wall time.</summary>
    public double Seconds => Workers.Count == 0 ? 0 : Workers.Max(worker => worker.Seconds);

    /// <summary>Acquires per second over all workers.</summary>
    public double AcquiresPerSecond => Seconds > 0 ? Acquires / Seconds : 0;

    /// <summary>True when no increment was lost: the lock excluded every other holder for each read-modify-write.</summary>
    public bool MutualExclusionHeld => FinalCounter == Acquires;

    public LatencySummary AcquireLatency => LatencySummary.Of(Workers.SelectMany(worker => worker.AcquireMs).ToList());

    public LatencySummary ReleaseLatency => LatencySummary.Of(Workers.SelectMany(worker => worker.ReleaseMs).ToList());

    /// <summary>
    /// Writes the figures as fields of the current JSON object, one section per concern, so that later sections (such as
    /// the cost of access rules) are added beside these without changing them.
    /// </summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("benchmark", "locks");
        writer.WriteNumber("agents", Options.Agents);
        if (Options.Iterations is { } iterations)
        {
            writer.WriteNumber("iterations_per_agent", iterations);
        }
        else
        {
            writer.WriteNumber("seconds_per_agent", Options.Duration!.Value.TotalSeconds);
        }

        writer.WriteNumber("lease_s", Options.Lease.TotalSeconds);
        writer.WriteNumber("acquires", Acquires);
        writer.WriteNumber("seconds", Math.Round(Seconds, 4));
        writer.WriteNumber("acquires_per_sec", Math.Round(AcquiresPerSecond, 1));
        writer.WriteStartObject("acquire_latency");
        AcquireLatency.WriteFields(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("release_latency");
        ReleaseLatency.WriteFields(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("correctness");
        writer.WriteNumber("final_counter", FinalCounter);
        writer.WriteNumber("expected", Acquires);
        writer.WriteBoolean("mutual_exclusion_held", MutualExclusionHeld);
        writer.WriteEndObject();
        writer.WriteStartArray("per_agent");
        foreach (var worker in Workers)
        {
            writer.WriteStartObject();
            writer.WriteString("agent", worker.Agent);
            writer.WriteNumber("acquires", worker.Acquires);
            writer.WriteNumber("seconds", Math.Round(worker.Seconds, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
