using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;

namespace Mnemo.Embeddings.Onnx.Tests;

// Sets MNEMO_MODEL_DIR for the process: no other test may run meanwhile.
[Collection(nameof(ProcessEnvironment))]
public sealed class OnnxEmbedderProviderTests
{
    [Fact]
    public void Create_UnknownModel_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => OnnxEmbedderProvider.Instance.Create("gpt-embed"));

    [Fact]
    public void Create_MiniLm_GivesItsEmbedder()
    {
        var provider = new OnnxEmbedderProvider(new OnnxEmbedderOptions { Threads = 1 });

        using var embedder = provider.Create(LocalModels.MiniLm);

        Assert.Equal("all-MiniLM-L6-v2", embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task Create_Twice_SharesOneLoadedModel_ThatOutlivesEachHandle()
    {
        var provider = new OnnxEmbedderProvider(new OnnxEmbedderOptions { Threads = 1 });
        var first = provider.Create(LocalModels.MiniLm);
        var before = (await first.GenerateAsync(["the same text"], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();

        first.Dispose();
        using var second = provider.Create(LocalModels.MiniLm);
        var after = (await second.GenerateAsync(["the same text"], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();

        Assert.NotNull(first.GetService<OnnxEmbedder>());
        Assert.Same(first.GetService<OnnxEmbedder>(), second.GetService<OnnxEmbedder>());
        Assert.Equal(before, after);
    }

    [Fact]
    public void Create_ModelDirVariableOnEmptyFolder_ThrowsEmbedderFailed()
    {
        using var folder = new TempFolder();
        var before = Environment.GetEnvironmentVariable(OnnxEmbedderOptions.ModelDirectoryVariable);
        Environment.SetEnvironmentVariable(OnnxEmbedderOptions.ModelDirectoryVariable, folder.Path);
        try
        {
            // A new provider: the shared one may already hold the model loaded by another test.
            var error = Assert.Throws<MnemoException>(() => new OnnxEmbedderProvider().Create(LocalModels.ArcticXs));

            Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
            Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OnnxEmbedderOptions.ModelDirectoryVariable, before);
        }
    }
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
