using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Baselines;

/// <summary>
/// A benchmark's current runs against a saved baseline: every figure both have, tested with Welch's t-test and judged at
/// a significance level with the Holm correction, so that testing twenty figures at p &lt; 0.05 does not flag one of them
/// by chance one time in three.
/// </summary>
internal sealed record BaselineComparison(
    string Benchmark, double Significance, IReadOnlyList<MetricComparison> Metrics, IReadOnlyList<string> OnlyInBaseline, IReadOnlyList<string> OnlyInCurrent)
{
    /// <summary>The figures that got significantly worse.</summary>
    public IEnumerable<MetricComparison> Regressions => Metrics.Where(m => m.Verdict == MetricVerdict.Worse);

    public static BaselineComparison Compare(BenchmarkRuns baseline, BenchmarkRuns current, double significance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(significance, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(significance, 1);
        if (baseline.Benchmark != current.Benchmark)
        {
            throw new ArgumentException(
                $"the baseline is of 'mnemo bench {baseline.Benchmark}', not of 'mnemo bench {current.Benchmark}': compare with a baseline of the same benchmark");
        }

        var before = baseline.Figures();
        var after = current.Figures();
        var shared = before.Keys.Intersect(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var tests = shared.Select(metric => (Metric: metric, P: WelchTest.PValue(before[metric], after[metric]))).ToList();

        // Holm: the k-th smallest of m p-values is significant at alpha / (m - k + 1), as long as every smaller one was.
        var significant = new HashSet<string>(StringComparer.Ordinal);
        var tested = tests.Where(t => t.P is not null).OrderBy(t => t.P).ToList();
        for (var k = 0; k < tested.Count && tested[k].P <= significance / (tested.Count - k); k++)
        {
            significant.Add(tested[k].Metric);
        }

        var metrics = tests.Select(t =>
        {
            var (baseMean, baseVariance) = WelchTest.MeanAndVariance(before[t.Metric]);
            var (currentMean, currentVariance) = WelchTest.MeanAndVariance(after[t.Metric]);
            var direction = MetricDirections.Of(t.Metric);
            var isSignificant = significant.Contains(t.Metric);
            var verdict = t.P is null ? MetricVerdict.NotTestable
                : !isSignificant ? MetricVerdict.Same
                : direction == MetricDirection.Unknown ? MetricVerdict.Changed
                : (currentMean > baseMean) == (direction == MetricDirection.HigherIsBetter) ? MetricVerdict.Better
                : MetricVerdict.Worse;
            return new MetricComparison(t.Metric, direction, before[t.Metric].Count, baseMean, Math.Sqrt(baseVariance),
                after[t.Metric].Count, currentMean, Math.Sqrt(currentVariance), t.P, isSignificant, verdict);
        }).ToList();

        return new BaselineComparison(current.Benchmark, significance, metrics,
            [.. before.Keys.Except(after.Keys, StringComparer.Ordinal)], [.. after.Keys.Except(before.Keys, StringComparer.Ordinal)]);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("benchmark", Benchmark);
        writer.WriteNumber("significance", Significance);
        writer.WriteString("correction", "holm");
        writer.WriteNumber("regressions", Regressions.Count());
        writer.WriteStartArray("metrics");
        foreach (var m in Metrics)
        {
            writer.WriteStartObject();
            writer.WriteString("metric", m.Metric);
            writer.WriteString("direction", m.Direction switch
            {
                MetricDirection.HigherIsBetter => "higher_is_better",
                MetricDirection.LowerIsBetter => "lower_is_better",
                _ => "unknown",
            });
            writer.WriteNumber("baseline_runs", m.BaselineRuns);
            writer.WriteNumber("baseline_mean", m.BaselineMean);
            writer.WriteNumber("baseline_sd", m.BaselineDeviation);
            writer.WriteNumber("current_runs", m.CurrentRuns);
            writer.WriteNumber("current_mean", m.CurrentMean);
            writer.WriteNumber("current_sd", m.CurrentDeviation);
            WriteNullable(writer, "change", m.Change);
            WriteNullable(writer, "p_value", m.PValue);
            writer.WriteBoolean("significant", m.Significant);
            writer.WriteString("verdict", VerdictName(m.Verdict));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteNames(writer, "only_in_baseline", OnlyInBaseline);
        WriteNames(writer, "only_in_current", OnlyInCurrent);
        writer.WriteEndObject();
    }

    public async Task WriteTextAsync(TextWriter output)
    {
        var table = new TextTable("figure", "baseline", "current", "change", "p", "verdict");
        foreach (var m in Metrics)
        {
            table.Add(m.Metric, Spread(m.BaselineMean, m.BaselineDeviation, m.BaselineRuns), Spread(m.CurrentMean, m.CurrentDeviation, m.CurrentRuns),
                m.Change is { } change ? change.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "-",
                m.PValue is { } p ? p.ToString(p < 0.001 ? "0.0e0" : "0.000", CultureInfo.InvariantCulture) : "-",
                VerdictName(m.Verdict));
        }

        table.WriteTo(output);
        var regressions = Regressions.Select(m => m.Metric).ToList();
        await output.WriteLineAsync(regressions.Count == 0
            ? $"no regression at p < {Significance.ToString(CultureInfo.InvariantCulture)} (Welch's t-test, Holm correction over {Metrics.Count(m => m.PValue is not null)} figures)"
            : $"REGRESSION in {string.Join(", ", regressions)} at p < {Significance.ToString(CultureInfo.InvariantCulture)} (Welch's t-test, Holm correction)").ConfigureAwait(false);
        if (Metrics.Any(m => m.Verdict == MetricVerdict.NotTestable))
        {
            await output.WriteLineAsync("one run on each side cannot be tested: give --repeat 5 to the baseline and to this run").ConfigureAwait(false);
        }
    }

    private static string Spread(double mean, double deviation, int runs) => runs > 1
        ? string.Create(CultureInfo.InvariantCulture, $"{mean:G5} ± {deviation:G3} (n={runs})")
        : string.Create(CultureInfo.InvariantCulture, $"{mean:G5} (n=1)");

    private static string VerdictName(MetricVerdict verdict) => verdict switch
    {
        MetricVerdict.Same => "same",
        MetricVerdict.Better => "better",
        MetricVerdict.Worse => "worse",
        MetricVerdict.Changed => "changed",
        _ => "not_testable",
    };

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNames(Utf8JsonWriter writer, string name, IReadOnlyList<string> names)
    {
        writer.WriteStartArray(name);
        foreach (var n in names)
        {
            writer.WriteStringValue(n);
        }

        writer.WriteEndArray();
    }
}
