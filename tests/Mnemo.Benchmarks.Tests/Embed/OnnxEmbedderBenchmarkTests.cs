using Mnemo.Benchmarks.Embed;
using Mnemo.Core.Embeddings;
using Mnemo.Embeddings.Onnx;

namespace Mnemo.Benchmarks.Tests.Embed;

public sealed class OnnxEmbedderBenchmarkTests
{
    [Fact]
    public async Task MeasureAsync_SmallRun_ReportsWhatItMeasured()
    {
        var measurement = await OnnxEmbedderBenchmark.MeasureAsync(
            LocalModels.MiniLm, new OnnxEmbedderOptions { Threads = 1, BatchSize = 4 }, texts: 8, queries: 3, TestContext.Current.CancellationToken);

        Assert.Equal(LocalModels.MiniLm, measurement.Model);
        Assert.Equal(1, measurement.Threads);
        Assert.Equal(4, measurement.BatchSize);
        Assert.True(measurement.LoadTime > TimeSpan.Zero);
        Assert.InRange(measurement.AverageTokens, 20, 40);
        Assert.True(measurement.TextsPerSecond > 0);
        Assert.True(measurement.QueryLatencyP90 >= measurement.QueryLatencyMedian);
    }
}
