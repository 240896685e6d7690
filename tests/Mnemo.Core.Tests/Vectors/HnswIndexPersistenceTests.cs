using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

public sealed class HnswIndexPersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mnemo-vec-" + Guid.NewGuid().ToString("N"));

    public HnswIndexPersistenceTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(VectorMetric.Cosine, VectorQuantization.None)]
    [InlineData(VectorMetric.L2, VectorQuantization.None)]
    [InlineData(VectorMetric.Dot, VectorQuantization.Int8)]
    public void SaveLoad_RoundTrip_IdenticalAnswers(VectorMetric metric, VectorQuantization quantization)
    {
        var data = TestVectors.Clustered(2000, 32, seed: 60);
        var queries = TestVectors.Clustered(30, 32, seed: 61);
        using var index = IndexTestHelpers.Build(data, metric, quantization);
        index.Remove(10);
        index.Remove(11);
        var path = Path.Combine(_directory, "index.hnsw");

        index.Save(path, coveredSequence: 4242);
        using var loaded = HnswIndex.Load(path);

        Assert.Equal(4242, loaded.CoveredSequence);
        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(index.DeletedCount, loaded.DeletedCount);
        Assert.Equal(index.Options, loaded.Options);
        foreach (var q in queries)
        {
            Assert.Equal(index.Search(q, 10, 40), loaded.Search(q, 10, 40));
        }

        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Load_AfterRoundTrip_AcceptsFurtherAddsAndSameGraph()
    {
        var data = TestVectors.Clustered(1200, 16, seed: 62);
        using var index = IndexTestHelpers.Build(data[..1000], VectorMetric.L2);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);
        using var loaded = HnswIndex.Load(path);

        for (var i = 1000; i < 1200; i++)
        {
            index.Add(i, data[i]);
            loaded.Add(i, data[i]);
        }

        Assert.Equal(index.Search(data[1100], 10, 40), loaded.Search(data[1100], 10, 40));
    }

    [Fact]
    public void Load_EmptyIndex_RoundTrips()
    {
        using var index = new HnswIndex(new HnswOptions { Dimensions = 8 });
        var path = Path.Combine(_directory, "empty.hnsw");

        index.Save(path, 0);
        using var loaded = HnswIndex.Load(path);

        Assert.Equal(0, loaded.Count);
        Assert.Empty(loaded.Search(new float[8], 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(5000)]
    public void Load_TruncatedFile_ThrowsTruncated(int keepBytes)
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..Math.Min(keepBytes, bytes.Length - 1)]);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(MnemoErrorCode.Corrupt, ex.ErrorCode);
        Assert.Equal(VectorIndexFileProblem.Truncated, ex.Problem);
    }

    [Fact]
    public void Load_LastByteMissing_ThrowsTruncated()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1]);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(VectorIndexFileProblem.Truncated, ex.Problem);
    }

    [Theory]
    [InlineData(200)]       // inside the first node's vector
    [InlineData(-3)]        // near the end, inside the link data (offset from the end)
    public void Load_FlippedPayloadByte_ThrowsChecksumMismatch(int offset)
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(MnemoErrorCode.Corrupt, ex.ErrorCode);
        Assert.Equal(VectorIndexFileProblem.ChecksumMismatch, ex.Problem);
    }

    [Fact]
    public void Load_FlippedHeaderByte_ThrowsChecksumMismatch()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        bytes[37] ^= 0x01;     // node count
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(VectorIndexFileProblem.ChecksumMismatch, ex.Problem);
    }

    [Fact]
    public void Load_WrongMagic_ThrowsBadMagic()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(MnemoErrorCode.Corrupt, ex.ErrorCode);
        Assert.Equal(VectorIndexFileProblem.BadMagic, ex.Problem);
    }

    [Fact]
    public void Load_NewerVersion_ThrowsUnsupportedVersion()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        bytes[8] = HnswIndex.FileFormatVersion + 1;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(MnemoErrorCode.Corrupt, ex.ErrorCode);
        Assert.Equal(VectorIndexFileProblem.UnsupportedVersion, ex.Problem);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void SaveLoad_SourceIdentity_RoundTrips()
    {
        var source = Guid.NewGuid();
        var path = Path.Combine(_directory, "owned.hnsw");
        using (var index = IndexTestHelpers.Build(TestVectors.Clustered(50, 8, seed: 65), VectorMetric.Cosine))
        {
            index.Save(path, 7, source);
        }

        using var loaded = HnswIndex.Load(path);

        Assert.Equal(source, loaded.SourceIdentity);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void Load_Version1File_IsReadWithoutASourceIdentity()
    {
        var path = SaveSample();

        // What version 1 wrote: records unpadded, no id table, the identity bytes reserved (zero).
        LegacyIndexFiles.Rewrite(path, version: 1);

        using var loaded = HnswIndex.Load(path);

        Assert.Equal(Guid.Empty, loaded.SourceIdentity);
        Assert.True(loaded.Count > 0);
    }

    [Fact]
    public void Load_NotAnIndex_ThrowsBadMagic()
    {
        var path = Path.Combine(_directory, "text.hnsw");
        File.WriteAllText(path, "this is not an index file, but it is long enough to have a header of sorts....................................................");

        var ex = Assert.Throws<VectorIndexCorruptException>(() => HnswIndex.Load(path));

        Assert.Equal(VectorIndexFileProblem.BadMagic, ex.Problem);
    }

    [Fact]
    public void Save_Twice_ReplacesFileAtomically()
    {
        var data = TestVectors.Clustered(300, 8, seed: 63);
        using var index = IndexTestHelpers.Build(data, VectorMetric.L2);
        var path = Path.Combine(_directory, "index.hnsw");
        index.Save(path, 1);
        index.Remove(0);

        index.Save(path, 2);
        using var loaded = HnswIndex.Load(path);

        Assert.Equal(2, loaded.CoveredSequence);
        Assert.False(loaded.Contains(0));
    }

    private string SaveSample()
    {
        var data = TestVectors.Clustered(500, 16, seed: 64);
        using var index = IndexTestHelpers.Build(data, VectorMetric.Cosine);
        var path = Path.Combine(_directory, "sample.hnsw");
        index.Save(path, 7);
        return path;
    }
}
