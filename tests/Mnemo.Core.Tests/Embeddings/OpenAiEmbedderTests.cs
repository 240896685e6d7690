using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Core.Tests.Embeddings;

public sealed class OpenAiEmbedderTests
{
    private const string Key = "sk-test-0123456789abcdef";

    // Waits the embedder asks for; nothing sleeps for real.
    private readonly List<TimeSpan> _delays = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateAsync_AnswerListedOutOfOrder_ReturnsVectorsInInputOrder()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request, reversed: true));
        using var embedder = Create(server);

        var embeddings = await embedder.GenerateAsync(["alpha", "beta", "gamma"], cancellationToken: Token);

        Assert.Equal(
            [ScriptedResponse.VectorFor("alpha", 4), ScriptedResponse.VectorFor("beta", 4), ScriptedResponse.VectorFor("gamma", 4)],
            embeddings.Select(e => e.Vector.ToArray()));
        Assert.All(embeddings, e => Assert.Equal("test-model", e.ModelId));
        Assert.Equal(3, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task GenerateAsync_Request_PostsModelAndInputsWithBearerKey()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request));
        using var embedder = Create(server, o => o with { Dimensions = 4 });

        await embedder.GenerateAsync(["one", "two"], cancellationToken: Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("test-model", request.Model);
        Assert.Equal(["one", "two"], request.Inputs);
        Assert.Null(request.Dimensions);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
    }

    [Fact]
    public async Task GenerateAsync_ApiKeyHeaderOption_SendsTheKeyAsApiKeyHeader()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request));
        using var embedder = Create(server, o => o with { ApiKeyHeader = OpenAiApiKeyHeader.ApiKey });

        await embedder.GenerateAsync(["one"], cancellationToken: Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal(Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task GenerateAsync_SendDimensions_SendsTheConfiguredDimensions()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request, request.Dimensions ?? 4));
        using var embedder = Create(server, o => o with { Dimensions = 8, SendDimensions = true });

        var embeddings = await embedder.GenerateAsync(["one"], cancellationToken: Token);

        Assert.Equal(8, Assert.Single(server.Requests).Dimensions);
        Assert.Equal(8, embeddings[0].Vector.Length);
    }

    [Fact]
    public async Task GenerateAsync_150TextsWithBatch64_SendsThreeRequestsAndKeepsInputOrder()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request, reversed: true));
        using var embedder = Create(server);
        var texts = Enumerable.Range(0, 150).Select(i => $"text {i}").ToArray();

        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: Token);

        Assert.Equal([64, 64, 22], server.Requests.Select(r => r.Inputs.Length));
        Assert.Equal(texts, server.Requests.SelectMany(r => r.Inputs));
        Assert.Equal(texts.Select(t => ScriptedResponse.VectorFor(t, 4)), embeddings.Select(e => e.Vector.ToArray()));
        Assert.Equal(150, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task GenerateAsync_NoTexts_SendsNothing()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request));
        using var embedder = Create(server);

        var embeddings = await embedder.GenerateAsync([], cancellationToken: Token);

        Assert.Empty(embeddings);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_429Then503_RetriesWithRetryAfterThenBackoffAndSucceeds()
    {
        await using var server = new ScriptedEmbeddingServer((request, number) => number switch
        {
            1 => ScriptedResponse.Json(429, """{"error":{"message":"slow down"}}""", ("Retry-After", "2")),
            2 => ScriptedResponse.Json(503, "{}"),
            _ => ScriptedResponse.Embeddings(request),
        });
        using var embedder = Create(server);

        var embeddings = await embedder.GenerateAsync(["one"], cancellationToken: Token);

        Assert.Equal(ScriptedResponse.VectorFor("one", 4), embeddings[0].Vector.ToArray());
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)], _delays);
    }

    [Fact]
    public async Task GenerateAsync_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        await using var server = new ScriptedEmbeddingServer((request, number) =>
            number == 1 ? ScriptedResponse.Json(429, "{}", ("Retry-After", "3600")) : ScriptedResponse.Embeddings(request));
        using var embedder = Create(server);

        await embedder.GenerateAsync(["one"], cancellationToken: Token);

        Assert.Equal([TimeSpan.FromSeconds(30)], _delays);
    }

    [Fact]
    public async Task GenerateAsync_503UntilRetriesRunOut_ThrowsEmbedderFailedWithAttemptsAndLastStatus()
    {
        await using var server = new ScriptedEmbeddingServer((_, _) =>
            ScriptedResponse.Json(503, """{"error":{"message":"model is loading"}}"""));
        using var embedder = Create(server, o => o with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("503 Service Unavailable (model is loading)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)], _delays);
    }

    [Fact]
    public async Task GenerateAsync_NothingListens_ThrowsCouldNotReachWithTheFix()
    {
        var port = ScriptedEmbeddingServer.UnusedPort();
        using var embedder = Create(new Uri($"http://127.0.0.1:{port}/v1"), o => o with { MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Equal(
            $"could not reach the embedding endpoint http://127.0.0.1:{port}/v1/embeddings: connection refused (2 attempts); "
            + "check the embedding endpoint or start the server",
            error.Message);
        Assert.Single(_delays);
    }

    [Fact]
    public async Task GenerateAsync_AttemptTimesOut_RetriesAndSucceeds()
    {
        await using var server = new ScriptedEmbeddingServer((request, number) =>
            number == 1 ? ScriptedResponse.Never : ScriptedResponse.Embeddings(request));

        // Only the first attempt hangs; the timeout is long enough that the answered one never meets it on a loaded machine.
        using var embedder = Create(server, o => o with { Timeout = TimeSpan.FromSeconds(5) });

        var embeddings = await embedder.GenerateAsync(["one"], cancellationToken: Token);

        Assert.Single(embeddings);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_CancelledWhileWaitingToRetry_ThrowsOperationCanceled()
    {
        await using var server = new ScriptedEmbeddingServer((_, _) => ScriptedResponse.Json(503, "{}"));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        using var embedder = Create(server, o => o with
        {
            Delay = (_, token) =>
            {
                cancellation.Cancel();
                return Task.Delay(Timeout.InfiniteTimeSpan, token);
            },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.GenerateAsync(["one"], cancellationToken: cancellation.Token));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_401_ThrowsRejectedNamingTheVariableButNotTheKey()
    {
        await using var server = new ScriptedEmbeddingServer((_, _) =>
            ScriptedResponse.Json(401, $$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}}"}}"""));
        using var embedder = Create(server);

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderRejected, error.ErrorCode);
        Assert.Contains("refused the API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("set the embedding API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_404_ThrowsRejectedNamingEndpointAndModel()
    {
        await using var server = new ScriptedEmbeddingServer((_, _) =>
            ScriptedResponse.Json(404, """{"error":"model \"test-model\" not found, try pulling it first"}"""));
        using var embedder = Create(server);

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderRejected, error.ErrorCode);
        Assert.Contains($"{server.Endpoint}/embeddings answered 404 Not Found", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found, try pulling it first", error.Message, StringComparison.Ordinal);
        Assert.Contains("the embedding model 'test-model'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_400_ThrowsRejectedWithTheServersMessageAndDoesNotRetry()
    {
        await using var server = new ScriptedEmbeddingServer((_, _) => ScriptedResponse.Json(
            400, $$$"""{"error":{"message":"This model's maximum context length is 8192 tokens (key {{{Key}}})","type":"invalid_request_error"}}"""));
        using var embedder = Create(server);

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderRejected, error.ErrorCode);
        Assert.Contains("(400 Bad Request): This model's maximum context length is 8192 tokens (key ***)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task GenerateAsync_AnswerDiffersFromConfiguredDimensions_ThrowsMismatchWithTheFix()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request, 768));
        using var embedder = Create(server, o => o with { Dimensions = 384 });

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderRejected, error.ErrorCode);
        Assert.Equal(
            "the endpoint answered 768 dimensions, but this store's vectors have 384: "
            + "configure the embedding dimensions as 768 or reindex the store",
            error.Message);
    }

    [Fact]
    public async Task GenerateAsync_LaterAnswerChangesDimensions_ThrowsMismatch()
    {
        await using var server = new ScriptedEmbeddingServer((request, number) => ScriptedResponse.Embeddings(request, number == 1 ? 4 : 8));
        using var embedder = Create(server, o => o with { BatchSize = 1 });

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one", "two"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderRejected, error.ErrorCode);
        Assert.StartsWith("the endpoint answered 8 dimensions, but its earlier answers had 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>502 from a proxy</html>", "it is not JSON")]
    [InlineData("""{"object":"list"}""", "it has no \"data\" array")]
    [InlineData("""{"data":[{"index":0,"embedding":"nope"}]}""", "embedding 0 is not an array of numbers")]
    [InlineData("""{"data":[{"index":0,"embedding":[1,"x"]}]}""", "embedding 0 has a value that is not a finite number at position 1")]
    [InlineData("""{"data":[{"index":5,"embedding":[1,2]}]}""", "data[0] has index 5, outside 0..0")]
    public async Task GenerateAsync_MalformedAnswer_ThrowsEmbedderFailedSayingWhat(string body, string reason)
    {
        await using var server = new ScriptedEmbeddingServer((_, _) => ScriptedResponse.Json(200, body));
        using var embedder = Create(server);

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["one"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains($"answered 200 but not with embeddings: {reason};", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_AnswerWithTooFewEmbeddings_ThrowsEmbedderFailed()
    {
        await using var server = new ScriptedEmbeddingServer((_, _) =>
            ScriptedResponse.Json(200, """{"data":[{"index":0,"embedding":[1,2]},{"index":1,"embedding":[3,4]}]}"""));
        using var embedder = Create(server);

        var error = await Assert.ThrowsAsync<MnemoException>(() => embedder.GenerateAsync(["a", "b", "c"], cancellationToken: Token));

        Assert.Equal(MnemoErrorCode.EmbedderFailed, error.ErrorCode);
        Assert.Contains("it has 2 embeddings for 3 texts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeDimensionsAsync_NotConfigured_EmbedsOnceAndMetadataReportsTheAnswer()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request, 12));
        using var embedder = Create(server);
        Assert.Null(embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);

        var first = await embedder.ProbeDimensionsAsync(Token);
        var second = await embedder.ProbeDimensionsAsync(Token);

        Assert.Equal(12, first);
        Assert.Equal(12, second);
        Assert.Single(server.Requests);
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>()!;
        Assert.Equal(12, metadata.DefaultModelDimensions);
        Assert.Equal("openai-compatible", metadata.ProviderName);
        Assert.Equal("test-model", metadata.DefaultModelId);
        Assert.Equal(new Uri($"{server.Endpoint}/"), metadata.ProviderUri);
    }

    [Fact]
    public async Task ProbeDimensionsAsync_Configured_ReturnsThemWithoutARequest()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request));
        using var embedder = Create(server, o => o with { Dimensions = 1536 });

        Assert.Equal(1536, await embedder.ProbeDimensionsAsync(Token));
        Assert.Empty(server.Requests);
        Assert.Equal(1536, embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", "http://localhost:11434/v1/embeddings")]
    [InlineData("http://localhost:11434/v1/", "http://localhost:11434/v1/embeddings")]
    [InlineData("http://localhost:11434/v1/embeddings", "http://localhost:11434/v1/embeddings")]
    [InlineData("http://localhost:11434/v1/embeddings/", "http://localhost:11434/v1/embeddings")]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1/embeddings")]
    [InlineData("https://x.openai.azure.com/openai/deployments/d?api-version=2024-02-01",
        "https://x.openai.azure.com/openai/deployments/d/embeddings?api-version=2024-02-01")]
    public void ResolveRequestUri_EndpointWithOrWithoutSuffix_AppendsEmbeddingsOnce(string endpoint, string expected) =>
        Assert.Equal(new Uri(expected), OpenAiEmbedder.ResolveRequestUri(new Uri(endpoint)));

    [Fact]
    public void OptionsToString_WithApiKey_DoesNotShowIt()
    {
        var options = new OpenAiEmbedderOptions { Endpoint = new Uri("http://localhost/v1"), Model = "m", ApiKey = Key };

        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey = (set)", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BatchSizeZero_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new OpenAiEmbedder(new OpenAiEmbedderOptions { Endpoint = new Uri("http://localhost/v1"), Model = "m", BatchSize = 0 }));

    private OpenAiEmbedder Create(ScriptedEmbeddingServer server, Func<OpenAiEmbedderOptions, OpenAiEmbedderOptions>? configure = null) =>
        Create(server.Endpoint, configure);

    private OpenAiEmbedder Create(Uri endpoint, Func<OpenAiEmbedderOptions, OpenAiEmbedderOptions>? configure = null)
    {
        var options = new OpenAiEmbedderOptions
        {
            Endpoint = endpoint,
            Model = "test-model",
            ApiKey = Key,
            Delay = (delay, _) =>
            {
                lock (_delays)
                {
                    _delays.Add(delay);
                }

                return Task.CompletedTask;
            },
        };
        return new OpenAiEmbedder(configure is null ? options : configure(options));
    }
}
