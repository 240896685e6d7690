using Mnemo.Core.Vectors;

namespace Mnemo.Core.Tests.Vectors;

/// <summary>HnswIndex.Persist appends what changed to the file's delta; HnswIndex.Open applies the intact frames, never a torn one.</summary>
[Trait("Issue", "15")]
public sealed class HnswIndexDeltaTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mnemo-delta-" + Guid.NewGuid().ToString("N"));
    private readonly float[][] _data = TestVectors.Clustered(3000, 16, seed: 170);

    public HnswIndexDeltaTests() => Directory.CreateDirectory(_directory);

    private string IndexPath => Path.Combine(_directory, "index.hnsw");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Persist_AfterChanges_AppendsAndReopensAsTheIndexInMemory()
    {
        using var index = SavedIndex(2000);
        var saved = File.ReadAllBytes(IndexPath);
        AddRange(index, 2000, 2300);
        index.Remove(3);
        index.Remove(2100);

        Assert.Equal(IndexPersistence.Appended, index.Persist(IndexPath, 2, Guid.Empty));
        AddRange(index, 2300, 2400);
        Assert.Equal(IndexPersistence.Appended, index.Persist(IndexPath, 3, Guid.Empty));

        Assert.Equal(saved, File.ReadAllBytes(IndexPath));
        using var reopened = HnswIndex.Open(IndexPath);
        Assert.Equal(3, reopened.CoveredSequence);
        Assert.Equal(index.Count, reopened.Count);
        Assert.True(reopened.Contains(2399));
        Assert.False(reopened.Contains(3));
        Assert.False(reopened.Contains(2100));
        foreach (var q in _data[..40])
        {
            Assert.Equal(index.Search(q, 10, 40), reopened.Search(q, 10, 40));
        }

        // The reopened index goes on from where the frames left it: the same inserts give the same graph.
        AddRange(index, 2400, 2500);
        AddRange(reopened, 2400, 2500);
        Assert.Equal(index.Search(_data[2450], 10, 40), reopened.Search(_data[2450], 10, 40));
    }

    [Theory]
    [InlineData(1)]         // the last byte of the second frame missing
    [InlineData(200)]       // most of it
    public void Open_TornLastFrame_IsIgnoredAndCutByTheNextPersist(int missingBytes)
    {
        using var index = SavedIndex(2000);
        AddRange(index, 2000, 2100);
        index.Persist(IndexPath, 2, Guid.Empty);
        var firstFrameEnd = new FileInfo(HnswIndex.DeltaPath(IndexPath)).Length;
        AddRange(index, 2100, 2200);
        index.Persist(IndexPath, 3, Guid.Empty);
        Truncate(HnswIndex.DeltaPath(IndexPath), missingBytes);

        using var reopened = HnswIndex.Open(IndexPath);

        Assert.Equal(2, reopened.CoveredSequence);
        Assert.True(reopened.Contains(2099));
        Assert.False(reopened.Contains(2100));
        AddRange(reopened, 2100, 2150);
        Assert.Equal(IndexPersistence.Appended, reopened.Persist(IndexPath, 4, Guid.Empty));
        using var again = HnswIndex.Open(IndexPath);
        Assert.Equal(4, again.CoveredSequence);
        Assert.True(again.Contains(2149));
        Assert.True(new FileInfo(HnswIndex.DeltaPath(IndexPath)).Length > firstFrameEnd);
    }

    [Fact]
    public void Open_DamagedFrameByte_StopsBeforeIt()
    {
        using var index = SavedIndex(2000);
        AddRange(index, 2000, 2100);
        index.Persist(IndexPath, 2, Guid.Empty);
        var bytes = File.ReadAllBytes(HnswIndex.DeltaPath(IndexPath));
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(HnswIndex.DeltaPath(IndexPath), bytes);

        using var reopened = HnswIndex.Open(IndexPath);

        Assert.Equal(1, reopened.CoveredSequence);
        Assert.Equal(2000, reopened.Count);
        Assert.False(reopened.Contains(2000));
    }

    [Fact]
    public void Open_DeltaOfAReplacedFile_IsNotApplied()
    {
        using var index = SavedIndex(2000);
        var stale = HnswIndex.DeltaPath(IndexPath) + ".kept";
        AddRange(index, 2000, 2100);
        index.Persist(IndexPath, 2, Guid.Empty);
        File.Copy(HnswIndex.DeltaPath(IndexPath), stale);

        // A whole save replaces the file; a delta of the old one put back beside it names the old file.
        index.Save(IndexPath, 2);
        File.Copy(stale, HnswIndex.DeltaPath(IndexPath));
        using var reopened = HnswIndex.Open(IndexPath);

        Assert.Equal(2, reopened.CoveredSequence);
        Assert.Equal(index.Count, reopened.Count);
        Assert.Equal(index.Search(_data[5], 10, 40), reopened.Search(_data[5], 10, 40));
    }

    [Fact]
    public void Persist_SecondWriterOfTheSameImage_IsSupersededAndTheFirstWins()
    {
        using var index = SavedIndex(2000);
        using var first = HnswIndex.Open(IndexPath);
        using var second = HnswIndex.Open(IndexPath);
        AddRange(first, 2000, 2050);
        AddRange(second, 2500, 2600);

        Assert.Equal(IndexPersistence.Appended, first.Persist(IndexPath, 2, Guid.Empty));
        Assert.Equal(IndexPersistence.Superseded, second.Persist(IndexPath, 3, Guid.Empty));

        using var reopened = HnswIndex.Open(IndexPath);
        Assert.Equal(2, reopened.CoveredSequence);
        Assert.True(reopened.Contains(2049));
        Assert.False(reopened.Contains(2500));
    }

    [Fact]
    public void Persist_WhileAnotherWriterHoldsTheLock_WritesNothing()
    {
        using var index = SavedIndex(500);
        AddRange(index, 500, 600);
        using (new FileStream(HnswIndex.LockPath(IndexPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Equal(IndexPersistence.Busy, index.Persist(IndexPath, 2, Guid.Empty));
        }

        Assert.False(File.Exists(HnswIndex.DeltaPath(IndexPath)));
        Assert.Equal(IndexPersistence.Appended, index.Persist(IndexPath, 2, Guid.Empty));
    }

    [Fact]
    public void Persist_DeltaPastItsShare_RewritesTheWholeFile()
    {
        // 300 nodes make a small file: the delta may grow to 1 MiB, which 3,700 more records of 64 dimensions pass.
        var data = TestVectors.Clustered(4000, 64, seed: 171);
        using (var built = IndexTestHelpers.Build(data[..300], VectorMetric.Cosine))
        {
            built.Save(IndexPath, 1);
        }

        using var index = HnswIndex.Open(IndexPath);
        for (var i = 300; i < 4000; i++)
        {
            index.Add(i, data[i]);
        }

        Assert.Equal(IndexPersistence.Rewritten, index.Persist(IndexPath, 2, Guid.Empty));

        Assert.False(File.Exists(HnswIndex.DeltaPath(IndexPath)));
        using var reopened = HnswIndex.Open(IndexPath);
        Assert.Equal(4000, reopened.Count);
    }

    [Fact]
    public void Persist_AfterCompaction_RewritesTheWholeFile()
    {
        using var index = SavedIndex(1000);
        // The default threshold compacts when a quarter of the nodes are tombstones.
        for (var i = 0; i < 250; i++)
        {
            index.Remove(i);
        }

        Assert.Equal(0, index.DeletedCount);
        Assert.Equal(IndexPersistence.Rewritten, index.Persist(IndexPath, 2, Guid.Empty));
        using var reopened = HnswIndex.Open(IndexPath);
        Assert.Equal(750, reopened.Count);
        Assert.Equal(index.Search(_data[500], 10, 40), reopened.Search(_data[500], 10, 40));
    }

    private HnswIndex SavedIndex(int count)
    {
        using (var built = IndexTestHelpers.Build(_data[..count], VectorMetric.Cosine))
        {
            built.Save(IndexPath, 1);
        }

        return HnswIndex.Open(IndexPath);
    }

    private void AddRange(HnswIndex index, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            index.Add(i, _data[i]);
        }
    }

    private static void Truncate(string path, int missingBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length - missingBytes);
    }
}
