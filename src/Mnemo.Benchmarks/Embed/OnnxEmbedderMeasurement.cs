namespace Mnemo.Benchmarks.Embed;

/// <summary>What <see cref="OnnxEmbedderBenchmark.MeasureAsync"/> measured on this machine.</summary>
/// <param name="Model">The local model's name, e.g. <c>arctic-xs</c>.</param>
/// <param name="Threads">ONNX Runtime's intra-op threads used.</param>
/// <param name="BatchSize">The texts per model run.</param>
/// <param name="LoadTime">Reading the model package and creating the session (the first in the process: includes loading the native library).</param>
/// <param name="Texts">How many texts the throughput run embedded.</param>
/// <param name="AverageTokens">The texts' mean length in word pieces.</param>
/// <param name="TextsPerSecond">Documents embedded per second, in batches.</param>
/// <param name="QueryLatencyMedian">One query of 8 words embedded alone (with the query prefix where the model has one): the median.</param>
/// <param name="QueryLatencyP90">The same, 90th percentile.</param>
internal sealed record OnnxEmbedderMeasurement(
    string Model,
    int Threads,
    int BatchSize,
    TimeSpan LoadTime,
    int Texts,
    double AverageTokens,
    double TextsPerSecond,
    TimeSpan QueryLatencyMedian,
    TimeSpan QueryLatencyP90);
