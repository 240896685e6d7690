using Microsoft.Extensions.AI;
using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Embeddings.Onnx.Internal;

namespace Mnemo.Embeddings.Onnx;

/// <summary>
/// A local neural embedder: a small sentence-embedding model (snowflake-arctic-embed-xs or all-MiniLM-L6-v2, 384
/// dimensions) run in-process with ONNX Runtime, offline, from the model package's DLL beside the app.
/// </summary>
/// <remarks>
/// <para>Vectors are unit length. Arctic embeds search queries (<see cref="EmbeddingInput.ForQueries"/>) with its
/// instruction prefix and documents without; MiniLM embeds both alike.</para>
/// <para>A text longer than the model's window (<see cref="MaxTokens"/>) is cut into windows of about equal length,
/// each embedded, and their vectors averaged by length and normalised again (<see cref="LongTextPolicy"/>
/// <c>chunked</c>): nothing of the text is dropped, though its details are diluted. An empty text is embedded as it is.</para>
/// <para>Thread-safe: concurrent <see cref="GenerateAsync"/> calls share one session and its threads. The work is
/// CPU-bound and runs on the caller's thread; the returned task is complete. Creating the session is the costly part
/// (most of a second), so create an embedder once and keep it. Do not dispose it while calls are running.</para>
/// </remarks>
public sealed partial class OnnxEmbedder : IEmbeddingGenerator<string, Embedding<float>>, IEmbeddingWindow
{
    /// <summary>The provider name in the metadata.</summary>
    public const string ProviderName = "onnx";

    private const string ChunkedPolicy = "chunked";

    private readonly LocalModel _model;
    private readonly EncoderSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly long[] _queryPrefix;
    private readonly int _batchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private volatile bool _disposed;

    private OnnxEmbedder(LocalModel model, EncoderSession session, WordPieceTokenizer tokenizer, int batchSize, int threads)
    {
        _model = model;
        Threads = threads;
        _session = session;
        _tokenizer = tokenizer;
        _queryPrefix = tokenizer.Tokenize(model.QueryPrefix);
        _batchSize = batchSize;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, model.ModelId, model.Dimensions);
    }

    /// <summary>The local model's name, as <see cref="LocalModels"/> has it: <c>arctic-xs</c> or <c>minilm</c>.</summary>
    public string Model => _model.Name;

    /// <summary>The model identifier recorded with every vector: <c>snowflake-arctic-embed-xs</c> or <c>all-MiniLM-L6-v2</c>.</summary>
    public string ModelId => _model.ModelId;

    /// <summary>The length of every vector: 384.</summary>
    public int Dimensions => _model.Dimensions;

    /// <summary>The most tokens of text read in one pass: 510, the model's 512 positions less [CLS] and [SEP].</summary>
    /// <remarks>An arctic query's instruction prefix takes some of them; such a query is cut sooner.</remarks>
    public int MaxTokens => _model.MaxSequenceLength - 2;

    /// <summary>The ONNX Runtime intra-op threads this embedder runs with (<see cref="OnnxEmbedderOptions.Threads"/>, else its default).</summary>
    public int Threads { get; }

    /// <summary><c>chunked</c>: a longer text is embedded window by window and the vectors averaged.</summary>
    public string LongTextPolicy => ChunkedPolicy;

    /// <summary>Loads the local model <paramref name="model"/> (<see cref="LocalModels"/>) and creates its session.</summary>
    /// <param name="model">The model's name: <c>arctic-xs</c> or <c>minilm</c>.</param>
    /// <param name="options">Threads, batch size and model folder; null for <see cref="OnnxEmbedderOptions"/>'s defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a local model's name, or an option is out of range.</exception>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.EmbedderFailed"/>: the model's DLL is missing or damaged, or ONNX Runtime's native library
    /// failed to load. The message names the file and the fix.
    /// </exception>
    public static OnnxEmbedder Load(string model, OnnxEmbedderOptions? options = null)
    {
        var spec = LocalModel.Find(model);
        options ??= new OnnxEmbedderOptions();
        options.Validate();
        return Load(spec, ModelPackage.Locate(spec, options.ModelDirectory), options);
    }

    /// <summary>Loads <paramref name="model"/> from the DLL at <paramref name="packagePath"/>.</summary>
    internal static OnnxEmbedder Load(LocalModel model, string packagePath, OnnxEmbedderOptions options)
    {
        var (onnx, vocabulary) = ModelPackage.Read(model, packagePath);
        WordPieceTokenizer tokenizer;
        try
        {
            tokenizer = WordPieceTokenizer.Load(vocabulary);
        }
        catch (InvalidOperationException e)
        {
            throw ModelErrors.Damaged(model, packagePath, e.Message, e);
        }

        var threads = options.ResolveThreads();
        var session = EncoderSession.Create(model, onnx, threads, packagePath);
        return new OnnxEmbedder(model, session, tokenizer, options.BatchSize, threads);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A value is null, or <paramref name="options"/> ask for other dimensions than 384.</exception>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.EmbedderFailed"/>: ONNX Runtime failed.</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is { } asked && asked != Dimensions)
        {
            throw new ArgumentException($"this embedder makes {Dimensions}-dimension vectors, not {asked}", nameof(options));
        }

        var texts = values.ToArray();
        if (Array.IndexOf(texts, null) is var nullAt and >= 0)
        {
            throw new ArgumentException($"value {nullAt} is null", nameof(values));
        }

        var prefix = EmbeddingInput.IsQuery(options) ? _queryPrefix : [];
        var vectors = Embed(texts, prefix, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.Tokenize(text).Length;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }
}
