using System.Globalization;
using System.Text.Json;

namespace Mnemo.Benchmarks.Prediction;

/// <summary>What <c>mnemo bench predict</c> measured: per seed, and the mean over seeds.</summary>
internal sealed record PredictionBenchmarkResult(PredictionBenchmarkOptions Options, IReadOnlyList<PredictionSeedResult> Seeds)
{
    public double Mean(Func<PredictionSeedResult, double> figure) => Seeds.Count == 0 ? 0 : Seeds.Average(figure);

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("benchmark", "predict");
        writer.WriteString("process", "order-2 Markov");
        writer.WriteNumber("actions", Options.Actions);
        writer.WriteNumber("sessions", Options.Sessions);
        writer.WriteNumber("train_share", Options.TrainShare);
        writer.WriteNumber("max_order", Options.MaxOrder);
        writer.WriteStartArray("seeds");
        foreach (var seed in Seeds)
        {
            writer.WriteStartObject();
            writer.WriteNumber("seed", seed.Seed);
            writer.WriteNumber("train_sessions", seed.TrainSessions);
            writer.WriteNumber("test_sessions", seed.TestSessions);
            writer.WriteNumber("scored_steps", seed.Positions);
            Accuracies(writer, seed);
            writer.WriteNumber("optimal_expected_top1", Round(seed.OptimalExpectedTop1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("mean");
        WriteAccuracy(writer, "mnemo", Mean(s => s.MnemoTop1), Mean(s => s.MnemoTop3));
        WriteAccuracy(writer, "optimal", Mean(s => s.OptimalTop1), Mean(s => s.OptimalTop3));
        WriteAccuracy(writer, "most_frequent", Mean(s => s.MostFrequentTop1), Mean(s => s.MostFrequentTop3));
        writer.WriteNumber("optimal_expected_top1", Round(Mean(s => s.OptimalExpectedTop1)));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public async Task WriteTextAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(
            $"order-2 Markov process, {Options.Actions} actions, {Options.Sessions} sessions per seed ({Options.TrainShare * 100:0}% trained on, the rest scored)")
            .ConfigureAwait(false);
        await output.WriteLineAsync("seed   mnemo top1/top3   optimal top1/top3   most-frequent top1/top3").ConfigureAwait(false);
        foreach (var s in Seeds)
        {
            await output.WriteLineAsync(Row(s.Seed.ToString(CultureInfo.InvariantCulture), s.MnemoTop1, s.MnemoTop3, s.OptimalTop1, s.OptimalTop3,
                s.MostFrequentTop1, s.MostFrequentTop3)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Row("mean", Mean(s => s.MnemoTop1), Mean(s => s.MnemoTop3), Mean(s => s.OptimalTop1), Mean(s => s.OptimalTop3),
            Mean(s => s.MostFrequentTop1), Mean(s => s.MostFrequentTop3))).ConfigureAwait(false);
    }

    private static string Row(string label, double m1, double m3, double o1, double o3, double f1, double f3) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-6} {m1,6:0.000} / {m3,5:0.000}    {o1,6:0.000} / {o3,5:0.000}      {f1,6:0.000} / {f3,5:0.000}");

    private static void Accuracies(Utf8JsonWriter writer, PredictionSeedResult seed)
    {
        WriteAccuracy(writer, "mnemo", seed.MnemoTop1, seed.MnemoTop3);
        WriteAccuracy(writer, "optimal", seed.OptimalTop1, seed.OptimalTop3);
        WriteAccuracy(writer, "most_frequent", seed.MostFrequentTop1, seed.MostFrequentTop3);
    }

    private static void WriteAccuracy(Utf8JsonWriter writer, string name, double top1, double top3)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("top1", Round(top1));
        writer.WriteNumber("top3", Round(top3));
        writer.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, 4);
}
