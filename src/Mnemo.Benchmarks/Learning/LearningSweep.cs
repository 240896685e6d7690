using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;
using Mnemo.Core.Learning;

namespace Mnemo.Benchmarks.Learning;

/// <summary>
/// <c>mnemo bench learn --sweep</c>: the same run at every combination of half-life, exploration and minimum evidence on a
/// grid, to choose the defaults on tuning seeds and then show them against the alternatives on evaluation seeds.
/// </summary>
/// <param name="Options">The settings every point shares (its parameters are the base the grid changes).</param>
/// <param name="Points">One result per combination, in grid order.</param>
/// <param name="TotalSeconds">Wall time of the sweep.</param>
internal sealed record LearningSweep(LearningBenchmarkOptions Options, IReadOnlyList<LearningBenchmarkResult> Points, double TotalSeconds)
{
    /// <summary>The half-lives tried, in days (0: no decay).</summary>
    public static IReadOnlyList<double> HalfLives { get; } = [0, 7, 30, 90];

    /// <summary>The exploration factors tried.</summary>
    public static IReadOnlyList<double> Explorations { get; } = [0.25, 0.5, 1];

    /// <summary>The minimum evidence values tried.</summary>
    public static IReadOnlyList<double> MinEvidences { get; } = [1, 5, 20];

    /// <summary>Runs every point of the grid.</summary>
    public static LearningSweep Run(LearningBenchmarkOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var watch = Stopwatch.StartNew();
        var points = new List<LearningBenchmarkResult>();
        var grid = HalfLives.SelectMany(h => Explorations.SelectMany(e => MinEvidences.Select(m =>
            options.Parameters with { HalfLifeDays = h, Exploration = e, MinEvidence = m }))).ToList();
        foreach (var parameters in grid)
        {
            cancellationToken.ThrowIfCancellationRequested();
            points.Add(LearningBenchmark.Run(options with { Parameters = parameters }, cancellationToken));
            progress(string.Create(CultureInfo.InvariantCulture, $"sweep: {points.Count} of {grid.Count} points"));
        }

        return new LearningSweep(options, points, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Writes the points as JSON: the shared settings, and per point its parameters and Mnemo's figures.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("benchmark", "learn-sweep");
        writer.WriteNumber("rounds", Options.Rounds);
        writer.WriteNumber("rounds_per_day", Options.RoundsPerDay);
        writer.WriteNumber("strategies", Options.Strategies);
        writer.WriteBoolean("drift", Options.Drift);
        writer.WriteString("seed_list", SeedList.Format(Options.Seeds));
        if (Points.Count > 0)
        {
            Points[0].Regret(GreedyPolicy.PolicyName).Write(writer, "greedy_regret");
            Points[0].Regret(UniformPolicy.PolicyName).Write(writer, "uniform_regret");
        }

        writer.WriteStartArray("points");
        foreach (var point in Points)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("parameters");
            point.Options.Parameters.WriteProperties(writer);
            writer.WriteEndObject();
            writer.WriteBoolean("is_default", IsDefault(point.Options.Parameters));
            point.Regret(MnemoPolicy.PolicyName).Write(writer, "regret");
            point.RegretBefore(MnemoPolicy.PolicyName).Write(writer, "regret_before_drift");
            point.RegretAfter(MnemoPolicy.PolicyName).Write(writer, "regret_after_drift");
            writer.WriteNumber("seeds_below_greedy", point.SeedsWonAgainst(GreedyPolicy.PolicyName));
            NumberOrNull(writer, "coverage", point.Coverage.Overall.Rate, 4);
            NumberOrNull(writer, "coverage_shortly_after_drift", point.Coverage.ShortlyAfterDrift.Rate, 4);
            foreach (var context in point.DriftingContexts)
            {
                var (rounds, adapted) = point.Adaptation(MnemoPolicy.PolicyName, context);
                writer.WriteNumber($"adapted_seeds_{context}", adapted);
                NumberOrNull(writer, $"adaptation_rounds_{context}", adapted > 0 ? rounds.Mean : null, 1);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("total_seconds", Math.Round(TotalSeconds, 3));
        writer.WriteEndObject();
    }

    /// <summary>Writes the grid as a table, lowest mean regret first.</summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"sweep over {Points.Count} parameter sets, seeds {SeedList.Format(Options.Seeds)}, {Options.Rounds} rounds at {Options.RoundsPerDay:0.##} a day, {Options.Strategies} strategies, {(Options.Drift ? "drift" : "no drift")}; {TotalSeconds:0.0} s"))
            .ConfigureAwait(false);
        if (Points.Count > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"greedy regret {Points[0].Regret(GreedyPolicy.PolicyName).Mean:0.0}, uniform {Points[0].Regret(UniformPolicy.PolicyName).Mean:0.0} (mean over the seeds)"))
                .ConfigureAwait(false);
        }

        var table = new TextTable("HALF-LIFE D", "EXPLORATION", "MIN EVIDENCE", "REGRET MEAN", "SD", "BEFORE", "AFTER", "< GREEDY ON", "COVERAGE", "FIRST AFTER DRIFT", "ADAPT ROUNDS", "");
        foreach (var point in Points.OrderBy(p => p.Regret(MnemoPolicy.PolicyName).Mean))
        {
            var p = point.Options.Parameters;
            var regret = point.Regret(MnemoPolicy.PolicyName);
            var adaptation = point.DriftingContexts.Select(c => point.Adaptation(MnemoPolicy.PolicyName, c)).FirstOrDefault();
            table.Add(
                F($"{p.HalfLifeDays:0.##}"), F($"{p.Exploration:0.##}"), F($"{p.MinEvidence:0.##}"), F($"{regret.Mean:0.0}"), F($"{regret.StandardDeviation:0.0}"),
                F($"{point.RegretBefore(MnemoPolicy.PolicyName).Mean:0.0}"), F($"{point.RegretAfter(MnemoPolicy.PolicyName).Mean:0.0}"),
                F($"{point.SeedsWonAgainst(GreedyPolicy.PolicyName)}/{point.Seeds.Count}"),
                F($"{point.Coverage.Overall.Rate ?? double.NaN:0.000}"), point.Coverage.ShortlyAfterDrift.Rate is { } shortly ? F($"{shortly:0.000}") : "-",
                adaptation.Adapted > 0 ? F($"{adaptation.Rounds.Mean:0} ({adaptation.Adapted}/{point.Seeds.Count})") : "-",
                IsDefault(p) ? "default" : "");
        }

        table.WriteTo(output);
    }

    private static void NumberOrNull(Utf8JsonWriter writer, string name, double? value, int digits)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, Math.Round(number, digits));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static bool IsDefault(LearningParameters parameters) => parameters == LearningParameters.Default;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
