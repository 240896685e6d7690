using Mnemo.Core.Embeddings;

[assembly: AssemblyFixture(typeof(Mnemo.Embeddings.Onnx.Tests.ArcticXsFixture))]
[assembly: AssemblyFixture(typeof(Mnemo.Embeddings.Onnx.Tests.MiniLmFixture))]

namespace Mnemo.Embeddings.Onnx.Tests;

/// <summary>One loaded model for the whole test run: creating a session takes most of a second.</summary>
public abstract class EmbedderFixture : IDisposable
{
    protected EmbedderFixture(string model)
    {
        Embedder = OnnxEmbedder.Load(model, new OnnxEmbedderOptions { Threads = 2 });
    }

    public OnnxEmbedder Embedder { get; }

    public void Dispose()
    {
        Embedder.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ArcticXsFixture() : EmbedderFixture(LocalModels.ArcticXs);

public sealed class MiniLmFixture() : EmbedderFixture(LocalModels.MiniLm);
