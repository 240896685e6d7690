using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings.Internal;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Embeddings;

/// <summary>
/// Embeds through an OpenAI-compatible HTTP API (<c>POST {endpoint}/embeddings</c>): OpenAI, Azure OpenAI, Ollama,
/// llama.cpp, vLLM, LM Studio, LiteLLM and the like.
/// </summary>
/// <remarks>
/// <para>Texts go out in batches of <see cref="OpenAiEmbedderOptions.BatchSize"/>, one request at a time, and come back
/// in input order. 429, 5xx, connection failures and timeouts are retried with exponential backoff (honouring
/// <c>Retry-After</c>); everything else fails at once. Failures are <see cref="MnemoException"/>s with
/// <see cref="MnemoErrorCode.EmbedderRejected"/> (configuration can fix it) or <see cref="MnemoErrorCode.EmbedderFailed"/>
/// (the server is down, overloaded or not speaking the API). Messages name the endpoint and the setting to change and
/// never contain the API key.</para>
/// <para>The engine needs the vector length before the first write. When <see cref="OpenAiEmbedderOptions.Dimensions"/>
/// is not set, call <see cref="ProbeDimensionsAsync"/> first; the metadata reports the length from then on. Every later
/// answer must have the same length.</para>
/// <para>Thread-safe: concurrent calls share the HTTP client and the learned length.</para>
/// </remarks>
public sealed partial class OpenAiEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "openai-compatible";

    // Short and plain, so that any model embeds it cheaply.
    private const string ProbeText = "dimension probe";

    private readonly OpenAiEmbedderOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    // The endpoint as messages show it: no user info, no query string.
    private readonly string _displayUri;

    // 0 until the first answer when Dimensions is not configured; then the length every answer must have.
    private int _learnedDimensions;
    private volatile EmbeddingGeneratorMetadata _metadata;
    private bool _disposed;

    /// <summary>Creates the embedder; nothing is sent until the first call.</summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="OpenAiEmbedderOptions.Validate"/>).</exception>
    public OpenAiEmbedder(OpenAiEmbedderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        RequestUri = ResolveRequestUri(options.Endpoint);
        Endpoint = StripUserInfo(new Uri(RequestUri, "."));
        _displayUri = RequestUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        _ownsHttp = options.HttpClient is null;
        _http = options.HttpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // Each attempt has its own deadline (OpenAiEmbedderOptions.Timeout); the client's would cut across retries.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _delay = options.Delay ?? Task.Delay;
        _metadata = CreateMetadata(options.Dimensions);
    }

    /// <summary>The API base the embedder uses, e.g. <c>http://localhost:11434/v1/</c> (without user info or query string).</summary>
    public Uri Endpoint { get; }

    /// <summary>Where requests go: <see cref="Endpoint"/> plus <c>embeddings</c>, with the configured query string.</summary>
    public Uri RequestUri { get; }

    /// <summary>The model identifier recorded with every vector: the configured model name.</summary>
    public string ModelId => _options.Model;

    /// <summary>The vector length: configured, else learned from the first answer, else null.</summary>
    public int? Dimensions => _options.Dimensions ?? (Volatile.Read(ref _learnedDimensions) is > 0 and var learned ? learned : null);

    /// <inheritdoc />
    /// <exception cref="MnemoException">The endpoint failed or refused; see the class remarks for the codes.</exception>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var texts = values.ToList();
        if (texts.Contains(null!))
        {
            throw new ArgumentException("the texts to embed contain null", nameof(values));
        }

        if (options?.Dimensions is { } asked && Dimensions is { } known && asked != known)
        {
            throw new ArgumentException($"this embedder makes {known}-dimension vectors, not {asked}", nameof(options));
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        long? inputTokens = null;
        long? totalTokens = null;
        for (var start = 0; start < texts.Count; start += _options.BatchSize)
        {
            var batch = texts.GetRange(start, Math.Min(_options.BatchSize, texts.Count - start));
            var answer = await SendBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            foreach (var vector in answer.Vectors)
            {
                CheckDimensions(vector.Length);
                result.Add(new Embedding<float>(vector) { ModelId = _options.Model });
            }

            inputTokens = Add(inputTokens, answer.InputTokens);
            totalTokens = Add(totalTokens, answer.TotalTokens);
        }

        if (inputTokens is not null || totalTokens is not null)
        {
            result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens };
        }

        return result;
    }

    /// <summary>
    /// The vector length: the configured one without a request, else the one already learned, else embeds a short text
    /// and remembers the length of its vector, which the metadata reports from then on.
    /// </summary>
    /// <exception cref="MnemoException">The endpoint failed or refused.</exception>
    public async Task<int> ProbeDimensionsAsync(CancellationToken cancellationToken = default)
    {
        if (Dimensions is { } known)
        {
            return known;
        }

        var probe = await GenerateAsync([ProbeText], cancellationToken: cancellationToken).ConfigureAwait(false);
        return probe[0].Vector.Length;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => EmbedderServices.Get(this, _metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (_ownsHttp)
            {
                _http.Dispose();
            }
        }
    }

    /// <summary>
    /// <c>{endpoint}/embeddings</c>, accepting an endpoint that already ends in <c>/</c> or <c>/embeddings</c> and keeping
    /// its query string.
    /// </summary>
    internal static Uri ResolveRequestUri(Uri endpoint)
    {
        const string Suffix = "/embeddings";
        var builder = new UriBuilder(endpoint);
        var path = builder.Path.TrimEnd('/');
        if (path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^Suffix.Length];
        }

        builder.Path = path + Suffix;
        return builder.Uri;
    }

    private static Uri StripUserInfo(Uri uri) =>
        uri.UserInfo.Length == 0 ? uri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;

    private static long? Add(long? sum, long? value) => value is null ? sum : (sum ?? 0) + value;

    private EmbeddingGeneratorMetadata CreateMetadata(int? dimensions) => new(ProviderName, Endpoint, _options.Model, dimensions);

    private void CheckDimensions(int length)
    {
        if (length == 0)
        {
            throw MnemoErrors.EmptyVector(_displayUri, _options.Model);
        }

        if (_options.Dimensions is { } expected)
        {
            if (length != expected)
            {
                throw MnemoErrors.EndpointDimensionsDiffer(length, expected);
            }

            return;
        }

        var learned = Interlocked.CompareExchange(ref _learnedDimensions, length, 0);
        if (learned == 0)
        {
            _metadata = CreateMetadata(length);
        }
        else if (learned != length)
        {
            throw MnemoErrors.EndpointDimensionsChanged(length, learned, _displayUri);
        }
    }
}
