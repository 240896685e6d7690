using Mnemo.Core;
using Mnemo.Core.Errors;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>
/// The one-line failures of local models, one place per message. Loading or running a model fails with
/// <see cref="MnemoErrorCode.EmbedderFailed"/>, a system failure: the model ships with Mnemo, so a missing or damaged one
/// means a broken installation, not a caller mistake.
/// </summary>
internal static class ModelErrors
{
    /// <summary>What always works: the built-in embedder needs no model and no native library.</summary>
    private static MnemoHint Fallback => new(MnemoRemedy.UseBuiltinEmbedder);

    public static MnemoException Missing(LocalModel model, string path, bool fromModelDirectory) => fromModelDirectory
        ? Fail($"the {model.Name} embedding model is missing: {path} does not exist; {MnemoHint.SetModelDirectory(model.PackageFile)}, or {Fallback}")
        : Fail($"the {model.Name} embedding model is missing: {path} does not exist; reinstall mnemo, or {Fallback}");

    public static MnemoException Damaged(LocalModel model, string path, string reason, Exception? inner = null) =>
        Fail($"the {model.Name} embedding model in {path} is damaged ({OneLine(reason)}); reinstall mnemo, or {Fallback}", inner);

    public static MnemoException Unreadable(LocalModel model, string path, Exception inner) =>
        Fail($"the {model.Name} embedding model in {path} cannot be read ({OneLine(inner.Message)}); check its permissions, or {Fallback}", inner);

    public static MnemoException NativeRuntime(Exception inner) =>
        Fail($"ONNX Runtime's native library (libonnxruntime) could not be loaded ({FirstSentence((inner.InnerException ?? inner).Message)}); "
            + $"reinstall mnemo for this platform, or {Fallback}", inner);

    public static MnemoException RunFailed(LocalModel model, Exception inner) =>
        Fail($"the {model.Name} embedding model failed to run ({OneLine(inner.Message)}); or {Fallback}", inner);

    /// <summary>A thread count variable that is not a positive number (the variable's own parsing, so it names the variable).</summary>
    public static MnemoException InvalidThreads(string variable, string text) =>
        new(MnemoErrorCode.InvalidInput, $"{variable}='{text}' is not a number of threads: use a whole number from 1, e.g. {variable}=2");

    private static MnemoException Fail(MnemoMessageHandler message, Exception? inner = null) =>
        new(MnemoErrorCode.EmbedderFailed, MnemoMessage.Of(message), inner);

    /// <summary>The first sentence of the runtime's message: the rest of a DllNotFoundException's is advice on strace.</summary>
    private static string FirstSentence(string message)
    {
        var line = OneLine(message);
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? line : line[..end];
    }

    /// <summary>The first line of a native message, cut short: the CLI prints messages as one line.</summary>
    private static string OneLine(string message)
    {
        const int MaxLength = 200;
        var line = message.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            line = line[..end].TrimEnd();
        }

        return line.Length <= MaxLength ? line.ToString() : string.Concat(line[..MaxLength], "...");
    }
}
