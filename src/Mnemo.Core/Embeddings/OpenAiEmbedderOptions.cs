using System.Text;

namespace Mnemo.Core.Embeddings;

/// <summary>Settings of an <see cref="OpenAiEmbedder"/>.</summary>
/// <remarks>
/// <see cref="ToString"/> never prints <see cref="ApiKey"/>, so that logging the options cannot leak it.
/// </remarks>
public sealed record OpenAiEmbedderOptions
{
    /// <summary>The default number of texts sent in one request.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>The default number of retries after the first attempt.</summary>
    public const int DefaultMaxRetries = 4;

    /// <summary>
    /// The API base, such as <c>http://localhost:11434/v1</c> or <c>https://api.openai.com/v1</c>; requests go to
    /// <c>{Endpoint}/embeddings</c>. A trailing <c>/</c> or <c>/embeddings</c> is accepted, and a query string
    /// (Azure's <c>?api-version=...</c>) is kept.
    /// </summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The model name sent with every request and recorded with every vector, e.g. <c>text-embedding-3-small</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The API key, or null for servers that need none (a local Ollama or llama.cpp).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The header that carries <see cref="ApiKey"/>. Default <see cref="OpenAiApiKeyHeader.Bearer"/>.</summary>
    public OpenAiApiKeyHeader ApiKeyHeader { get; init; } = OpenAiApiKeyHeader.Bearer;

    /// <summary>
    /// The number of dimensions every vector must have, or null to learn it from the first answer
    /// (<see cref="OpenAiEmbedder.ProbeDimensionsAsync"/>). Answers of another length fail.
    /// </summary>
    public int? Dimensions { get; init; }

    /// <summary>
    /// Whether <see cref="Dimensions"/> is sent as the request's <c>dimensions</c>, which shortens the vectors of models
    /// that support it (OpenAI's <c>text-embedding-3-*</c>). Default false: many servers reject the field.
    /// </summary>
    public bool SendDimensions { get; init; }

    /// <summary>How many texts one request carries at most. Default 64.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>How many times a request is retried after 429, 5xx, a connection failure or a timeout. Default 4.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>How long one attempt may take, from sending to the last byte of the answer. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first retry's wait; each later one doubles it, up to <see cref="MaxRetryDelay"/>. Default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// The longest wait between attempts, also for a server's <c>Retry-After</c>: a server asking for minutes is
    /// better reported than waited for. Default 30 s.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The client to send with, or null for one of the embedder's own. A given client is not disposed with the embedder;
    /// its own <c>Timeout</c> also applies, so leave it longer than <see cref="Timeout"/>.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Waits between attempts; null waits for real (<see cref="Task.Delay(TimeSpan, CancellationToken)"/>). Tests replace it.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint, nameof(Endpoint));
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"the embedding endpoint '{Endpoint}' is not an http:// or https:// URL", nameof(Endpoint));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Model, nameof(Model));
        if (Dimensions is { } dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1, nameof(Dimensions));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryBaseDelay, nameof(MaxRetryDelay));
    }

    // The compiler's record printer would print every property, the API key included.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Endpoint = ").Append(Endpoint)
            .Append(", Model = ").Append(Model)
            .Append(", ApiKey = ").Append(ApiKey is null ? "(none)" : "(set)")
            .Append(", Dimensions = ").Append(Dimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(probe)")
            .Append(", BatchSize = ").Append(BatchSize)
            .Append(", MaxRetries = ").Append(MaxRetries)
            .Append(", Timeout = ").Append(Timeout);
        return true;
    }
}
