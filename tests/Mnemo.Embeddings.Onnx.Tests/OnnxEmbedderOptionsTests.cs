using Mnemo.Core;

namespace Mnemo.Embeddings.Onnx.Tests;

public sealed class OnnxEmbedderOptionsTests
{
    [Fact]
    public void FromEnvironment_NothingSet_GivesDefaults()
    {
        var options = OnnxEmbedderOptions.FromEnvironment(_ => null);

        Assert.Null(options.Threads);
        Assert.Null(options.ModelDirectory);
        Assert.Equal(32, options.BatchSize);
        Assert.InRange(options.ResolveThreads(), 1, Environment.ProcessorCount);
    }

    [Fact]
    public void FromEnvironment_Variables_SetThreadsAndFolder()
    {
        var options = OnnxEmbedderOptions.FromEnvironment(name => name switch
        {
            "MNEMO_EMBEDDING_THREADS" => " 3 ",
            "MNEMO_MODEL_DIR" => "/opt/mnemo/models",
            _ => null,
        });

        Assert.Equal(3, options.Threads);
        Assert.Equal(3, options.ResolveThreads());
        Assert.Equal("/opt/mnemo/models", options.ModelDirectory);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void FromEnvironment_BadThreads_ThrowsInvalidInputNamingTheVariable(string value)
    {
        var error = Assert.Throws<MnemoException>(() => OnnxEmbedderOptions.FromEnvironment(name => name == "MNEMO_EMBEDDING_THREADS" ? value : null));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("MNEMO_EMBEDDING_THREADS", error.Message, StringComparison.Ordinal);
    }
}
