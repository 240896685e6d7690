namespace Mnemo.Benchmarks.Prediction;

/// <summary>The settings of one <c>mnemo bench predict</c> run.</summary>
/// <param name="Sessions">Sessions generated per seed.</param>
/// <param name="Seeds">The seeds, each a separate process, sessions and split.</param>
/// <param name="Actions">Distinct actions of the process.</param>
/// <param name="MinLength">The fewest actions of a session (at least 3).</param>
/// <param name="MaxLength">The most actions of a session.</param>
/// <param name="TrainShare">The share of sessions trained on; the rest are scored.</param>
/// <param name="MaxOrder">The model's longest context.</param>
internal sealed record PredictionBenchmarkOptions(
    int Sessions, IReadOnlyList<int> Seeds, int Actions = 12, int MinLength = 8, int MaxLength = 30, double TrainShare = 0.8, int MaxOrder = 3);
