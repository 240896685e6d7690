using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Baselines;

/// <summary>
/// Repeated runs of one benchmark, as their JSON results: what <c>mnemo bench ... --baseline FILE</c> saves and
/// <c>--compare-with FILE</c> reads back.
/// </summary>
internal sealed class BenchmarkRuns
{
    private const int Format = 1;

    public BenchmarkRuns(string benchmark, IReadOnlyList<JsonElement> runs)
    {
        Benchmark = benchmark;
        Runs = runs;
    }

    /// <summary>The benchmark's name, as its results give it ("kv", "context").</summary>
    public string Benchmark { get; }

    /// <summary>Each run's JSON result, in the order run.</summary>
    public IReadOnlyList<JsonElement> Runs { get; }

    /// <summary>Each figure of the runs (see <see cref="BenchmarkMetrics"/>) with its value in every run that has it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Figures()
    {
        var figures = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var run in Runs)
        {
            foreach (var (metric, value) in BenchmarkMetrics.Flatten(run))
            {
                (figures.TryGetValue(metric, out var values) ? values : figures[metric] = []).Add(value);
            }
        }

        return figures.ToDictionary(f => f.Key, IReadOnlyList<double> (f) => f.Value, StringComparer.Ordinal);
    }

    /// <summary>Writes a table of every figure's mean, standard deviation and number of runs.</summary>
    public void WriteSummary(TextWriter output)
    {
        var table = new TextTable("figure", "mean", "sd", "runs");
        foreach (var (figure, values) in Figures())
        {
            var (mean, variance) = WelchTest.MeanAndVariance(values);
            table.Add(figure, mean.ToString("G6", CultureInfo.InvariantCulture), Math.Sqrt(variance).ToString("G3", CultureInfo.InvariantCulture),
                values.Count.ToString(CultureInfo.InvariantCulture));
        }

        table.WriteTo(output);
    }

    /// <summary>The runs of JSON results as a benchmark printed them; each must name the same benchmark.</summary>
    /// <exception cref="ArgumentException">A result is not a JSON object naming its benchmark, or two name different ones.</exception>
    public static BenchmarkRuns FromResults(IEnumerable<string> results)
    {
        var runs = results.Select(text => JsonDocument.Parse(text).RootElement.Clone()).ToList();
        return new BenchmarkRuns(NameOf(runs, "the benchmark's result"), runs);
    }

    /// <summary>
    /// Reads a baseline file: one that <see cref="WriteFile"/> wrote, or a single benchmark's <c>--json</c> output (one run).
    /// </summary>
    /// <exception cref="ArgumentException">The file is not JSON of either kind.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BenchmarkRuns ReadFile(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArgumentException($"baseline '{path}' does not exist: save one first with --baseline FILE");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"baseline '{path}' is not JSON ({e.Message}): give a file that --baseline wrote or a benchmark's --json output");
        }

        IReadOnlyList<JsonElement> runs = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("runs", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : [root];
        return new BenchmarkRuns(NameOf(runs, $"baseline '{path}'"), runs);
    }

    /// <summary>Writes the runs as a baseline file, replacing the file whole (written aside, then moved).</summary>
    public void WriteFile(string path, DateTimeOffset at)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("baseline_format", Format);
            writer.WriteString("benchmark", Benchmark);
            writer.WriteString("saved_at", at);
            writer.WriteStartArray("runs");
            foreach (var run in Runs)
            {
                run.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        File.Move(temporary, full, overwrite: true);
    }

    private static string NameOf(IReadOnlyList<JsonElement> runs, string what)
    {
        string? name = null;
        foreach (var run in runs)
        {
            var own = run.ValueKind == JsonValueKind.Object && run.TryGetProperty("benchmark", out var b) && b.ValueKind == JsonValueKind.String
                ? b.GetString()!
                : throw new ArgumentException($"{what} holds a run that is not a benchmark's JSON result (an object with \"benchmark\")");
            if (name is not null && name != own)
            {
                throw new ArgumentException($"{what} mixes runs of 'mnemo bench {name}' and 'mnemo bench {own}'");
            }

            name = own;
        }

        return name ?? throw new ArgumentException($"{what} holds no run");
    }
}
