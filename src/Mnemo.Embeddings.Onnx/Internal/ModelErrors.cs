using Mnemo.Core.Errors;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>
/// The one-line failures of loading a local model. Every one is <see cref="MnemoErrorCode.EmbedderFailed"/>, a system
/// failure: the model ships with Mnemo, so a missing or damaged one means a broken installation, not a caller mistake.
/// </summary>
internal static class ModelErrors
{
    /// <summary>What always works: the built-in embedder needs no model and no native library.</summary>
    public const string FallbackHint = "or set MNEMO_EMBEDDER=builtin-hashing to use the built-in embedder";

    public static MnemoException Missing(LocalModel model, string path, bool fromModelDirectory) =>
        new(MnemoErrorCode.EmbedderFailed, fromModelDirectory
            ? $"the {model.Name} embedding model is missing: {path} does not exist; point {OnnxEmbedderOptions.ModelDirectoryVariable} "
              + $"at the folder that holds {model.PackageFile}, unset it to use the copy beside mnemo, {FallbackHint}"
            : $"the {model.Name} embedding model is missing: {path} does not exist; reinstall mnemo, {FallbackHint}");

    public static MnemoException Damaged(LocalModel model, string path, string reason, Exception? inner = null) =>
        new(MnemoErrorCode.EmbedderFailed,
            $"the {model.Name} embedding model in {path} is damaged ({OneLine(reason)}); reinstall mnemo, {FallbackHint}", inner);

    public static MnemoException Unreadable(LocalModel model, string path, Exception inner) =>
        new(MnemoErrorCode.EmbedderFailed,
            $"the {model.Name} embedding model in {path} cannot be read ({OneLine(inner.Message)}); check its permissions, {FallbackHint}",
            inner);

    public static MnemoException NativeRuntime(Exception inner) =>
        new(MnemoErrorCode.EmbedderFailed,
            $"ONNX Runtime's native library (libonnxruntime) could not be loaded ({FirstSentence((inner.InnerException ?? inner).Message)}); "
            + $"reinstall mnemo for this platform, {FallbackHint}", inner);

    public static MnemoException RunFailed(LocalModel model, Exception inner) =>
        new(MnemoErrorCode.EmbedderFailed, $"the {model.Name} embedding model failed to run ({OneLine(inner.Message)}); {FallbackHint}", inner);

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
