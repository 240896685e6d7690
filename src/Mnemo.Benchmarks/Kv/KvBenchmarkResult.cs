using System.Globalization;
using System.Text.Json;

namespace Mnemo.Benchmarks.Kv;

/// <summary>What <c>mnemo bench kv</c> measured: per phase, in the order run, both sides' figures.</summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="Phases">Per phase name (put_batched, put_single, get_hot, get_all, mixed), Mnemo's and raw SQLite's figures.</param>
internal sealed record KvBenchmarkResult(KvBenchmarkOptions Options, IReadOnlyDictionary<string, (PhaseResult Mnemo, PhaseResult Sqlite)> Phases)
{
    /// <summary>Writes the result as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("benchmark", "kv");
        writer.WriteNumber("count", Options.Count);
        writer.WriteNumber("value_size", Options.ValueSize);
        writer.WriteString("pattern", Options.Pattern);
        writer.WriteNumber("read_ratio", Options.ReadRatio);
        writer.WriteNumber("batch_size", Options.BatchSize);
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteString("baseline", "Microsoft.Data.Sqlite directly: kv(key TEXT PRIMARY KEY, value BLOB), prepared statements, WAL, synchronous=NORMAL");
        foreach (var side in new[] { "mnemo", "sqlite" })
        {
            writer.WriteStartObject(side);
            foreach (var (phase, result) in Phases)
            {
                (side == "mnemo" ? result.Mnemo : result.Sqlite).Write(writer, phase);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("ratio_mnemo_to_sqlite_ops_per_sec");
        foreach (var (phase, result) in Phases)
        {
            writer.WriteNumber(phase, Math.Round(result.Mnemo.OperationsPerSecond / Math.Max(1e-9, result.Sqlite.OperationsPerSecond), 3));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes one line per phase for people: Mnemo's throughput over raw SQLite's.</summary>
    public async Task WriteRatiosAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (phase, result) in Phases)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.CurrentCulture,
                $"{phase,-12} mnemo/sqlite = {result.Mnemo.OperationsPerSecond / result.Sqlite.OperationsPerSecond:0.00}x")).ConfigureAwait(false);
        }
    }
}
