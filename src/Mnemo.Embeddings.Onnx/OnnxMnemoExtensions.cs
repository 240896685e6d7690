using Mnemo.Embeddings.Onnx;

// In the namespace of the type it extends, as UseSqlite is: `using Mnemo.Core;` is the only using the common path needs.
#pragma warning disable IDE0130 // See above: the namespace of MnemoOptions, not of this folder.
namespace Mnemo.Core;
#pragma warning restore IDE0130

/// <summary>Gives a <see cref="MnemoEngine"/> the local neural embedders (arctic-xs, the default, and minilm).</summary>
public static class OnnxMnemoExtensions
{
    /// <summary>
    /// Sets <see cref="MnemoOptions.LocalEmbedders"/> to the process's shared <see cref="OnnxEmbedderProvider"/> for
    /// <paramref name="onnx"/>, else for the options of <see cref="MnemoOptions.Variables"/>
    /// (<c>MNEMO_EMBEDDING_THREADS</c>, <c>MNEMO_MODEL_DIR</c>; defaults when the options were not read from an environment).
    /// </summary>
    /// <param name="options">The engine's options.</param>
    /// <param name="onnx">How the models run, or null for the above.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="Core.MnemoException">A variable has a bad value (the message names it).</exception>
    /// <remarks>Models load on the first search that needs one, once per process for equal options.</remarks>
    public static MnemoOptions UseLocalEmbedders(this MnemoOptions options, OnnxEmbedderOptions? onnx = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.LocalEmbedders = OnnxEmbedderProvider.Shared(onnx ?? OnnxEmbedderOptions.FromEnvironment(options.Variables));
        return options;
    }
}
