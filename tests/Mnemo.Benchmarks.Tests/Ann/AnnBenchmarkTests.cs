using System.Text.Json;
using Mnemo.Benchmarks.Ann;
using Mnemo.Core;
using Mnemo.Core.Tests.Vectors;
using Mnemo.Core.Vectors;

namespace Mnemo.Benchmarks.Tests.Ann;

public sealed class AnnBenchmarkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mnemo-ann-" + Guid.NewGuid().ToString("N"));

    public AnnBenchmarkTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(VectorQuantization.None)]
    [InlineData(VectorQuantization.Int8)]
    public async Task RunAsync_SmallDataset_WritesContractJsonAndIds(VectorQuantization quantize)
    {
        var ct = TestContext.Current.CancellationToken;
        var options = await WriteDatasetAsync(ct) with
        {
            EfSearch = [10, 40],
            Quantize = quantize,
            IdsOutDirectory = Path.Combine(_directory, "ids"),
            M = 8,
            EfConstruction = 50,
            MinTimedSeconds = 0,
        };

        var result = await AnnBenchmark.RunAsync(options, null, ct);
        using var json = JsonDocument.Parse(AnnBenchmark.ToJson(result));

        var root = json.RootElement;
        Assert.True(root.GetProperty("build_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("index_bytes").GetInt64() > 0);
        Assert.Equal("memory", root.GetProperty("index_bytes_kind").GetString());
        Assert.Equal(quantize == VectorQuantization.Int8 ? "int8" : "none", root.GetProperty("quantize").GetString());
        var rows = root.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([10, 40], rows.Select(r => r.GetProperty("ef").GetInt32()));
        Assert.True(rows[1].GetProperty("recall_at_10").GetDouble() >= 0.9);
        Assert.True(rows[0].GetProperty("qps").GetDouble() > 0);
        var ids = await TexmexReader.ReadIvecsAsync(Path.Combine(_directory, "ids", "ef-40.ivecs"), ct);
        Assert.Equal((50, 10), (ids.Rows, ids.Dimensions));
    }

    [Fact]
    public void ParseEfList_BadValue_ThrowsInvalidInput()
    {
        var ex = Assert.Throws<MnemoException>(() => AnnBenchmarkOptions.ParseEfList("10,x"));

        Assert.Equal(MnemoErrorCode.InvalidInput, ex.ErrorCode);
        Assert.Equal([10, 16, 24], AnnBenchmarkOptions.ParseEfList("10, 16,24"));
    }

    [Fact]
    public void ParseMetric_Values_Parsed()
    {
        Assert.Equal(VectorMetric.L2, AnnBenchmarkOptions.ParseMetric("l2"));
        Assert.Equal(VectorMetric.Cosine, AnnBenchmarkOptions.ParseMetric("Cosine"));
        Assert.Throws<MnemoException>(() => AnnBenchmarkOptions.ParseMetric("hamming"));
    }

    private async Task<AnnBenchmarkOptions> WriteDatasetAsync(CancellationToken ct)
    {
        var data = TestVectors.Clustered(1500, 16, seed: 70, normalise: true);
        var queries = TestVectors.Clustered(50, 16, seed: 71, normalise: true);
        using var exact = IndexTestHelpers.Build(data, VectorMetric.Cosine);
        var truth = queries.SelectMany(q => exact.ExactSearch(q, 20).Select(m => (int)m.Id)).ToArray();
        var options = new AnnBenchmarkOptions
        {
            BasePath = Path.Combine(_directory, "base.fvecs"),
            QueriesPath = Path.Combine(_directory, "query.fvecs"),
            TruthPath = Path.Combine(_directory, "gt.ivecs"),
            Metric = VectorMetric.Cosine,
        };
        await TexmexWriter.WriteFvecsAsync(options.BasePath, new TexmexMatrix<float>(data.SelectMany(v => v).ToArray(), 1500, 16), ct);
        await TexmexWriter.WriteFvecsAsync(options.QueriesPath, new TexmexMatrix<float>(queries.SelectMany(v => v).ToArray(), 50, 16), ct);
        await TexmexWriter.WriteIvecsAsync(options.TruthPath, new TexmexMatrix<int>(truth, 50, 20), ct);
        return options;
    }
}
