using Microsoft.Extensions.AI;
using Mnemo.Core;
using Mnemo.Core.Embeddings;

namespace Mnemo.Embeddings.Onnx.Tests;

// One test sets MNEMO_MODEL_DIR for the process: no other test may run meanwhile.
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
    public void Create_ModelDirectoryOfAnEmptyFolder_ThrowsEmbedderFailed()
    {
        using var folder = new TempFolder();
        var provider = new OnnxEmbedderProvider(OnnxEmbedderOptions.FromEnvironment(Variables((OnnxEmbedderOptions.ModelDirectoryVariable, folder.Path))));

        var error = Assert.Throws<MnemoException>(() => provider.Create(LocalModels.ArcticXs));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    // Issue 14: the provider used to read MNEMO_MODEL_DIR from the process behind its caller's back.
    [Fact]
    [Trait("Issue", "14")]
    public void Create_ProcessModelDirVariableSet_IsNotRead()
    {
        using var folder = new TempFolder();
        var before = Environment.GetEnvironmentVariable(OnnxEmbedderOptions.ModelDirectoryVariable);
        Environment.SetEnvironmentVariable(OnnxEmbedderOptions.ModelDirectoryVariable, folder.Path);
        try
        {
            // A new provider: the shared one may already hold the model loaded by another test.
            using var embedder = new OnnxEmbedderProvider().Create(LocalModels.MiniLm);

            Assert.Equal("all-MiniLM-L6-v2", embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OnnxEmbedderOptions.ModelDirectoryVariable, before);
        }
    }

    [Fact]
    [Trait("Issue", "14")]
    public void UseLocalEmbedders_OptionsFromAnEnvironment_ReadsTheModelDirectoryFromIt()
    {
        using var folder = new TempFolder();
        var options = MnemoOptions.FromEnvironment(Variables((OnnxEmbedderOptions.ModelDirectoryVariable, folder.Path))).UseLocalEmbedders();

        var error = Assert.Throws<MnemoException>(() => options.LocalEmbedders!.Create(LocalModels.ArcticXs));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "14")]
    public void UseLocalEmbedders_BadThreadsVariable_NamesIt()
    {
        var options = MnemoOptions.FromEnvironment(Variables((OnnxEmbedderOptions.ThreadsVariable, "many")));

        var error = Assert.Throws<MnemoException>(() => options.UseLocalEmbedders());

        Assert.StartsWith("MNEMO_EMBEDDING_THREADS='many'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "14")]
    public void Shared_EqualOptions_AreOneProvider()
    {
        var first = OnnxEmbedderProvider.Shared(new OnnxEmbedderOptions { Threads = 3 });

        Assert.Same(first, OnnxEmbedderProvider.Shared(new OnnxEmbedderOptions { Threads = 3 }));
        Assert.NotSame(first, OnnxEmbedderProvider.Shared(new OnnxEmbedderOptions { Threads = 2 }));
        Assert.Same(OnnxEmbedderProvider.Instance, OnnxEmbedderProvider.Shared(new OnnxEmbedderOptions()));
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
