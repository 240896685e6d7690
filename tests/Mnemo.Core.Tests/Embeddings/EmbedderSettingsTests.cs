using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings;

namespace Mnemo.Core.Tests.Embeddings;

public sealed class EmbedderSettingsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FromEnvironment_NothingSet_IsTheBuiltinEmbedderWith384Dimensions()
    {
        var settings = EmbedderSettings.FromEnvironment(Environment());

        using var embedder = await settings.CreateAsync(cancellationToken: Token);

        Assert.Equal(EmbedderKind.Builtin, settings.Kind);
        Assert.Null(settings.OpenAi);
        Assert.Equal(384, Assert.IsType<HashingEmbedder>(embedder).Dimensions);
    }

    [Theory]
    [InlineData("builtin", 384)]
    [InlineData("builtin:512", 512)]
    [InlineData(" BUILTIN:16 ", 16)]
    public void Parse_BuiltinForms_GiveTheirDimensions(string value, int dimensions)
    {
        var settings = EmbedderSettings.Parse(value, Environment());

        Assert.Equal(EmbedderKind.Builtin, settings.Kind);
        Assert.Equal(dimensions, settings.BuiltinDimensions);
    }

    [Fact]
    public void FromEnvironment_BuiltinWithDimensions_UsesThem() =>
        Assert.Equal(1024, EmbedderSettings.FromEnvironment(Environment(("MNEMO_EMBEDDER", "builtin:1024"))).BuiltinDimensions);

    [Fact]
    public void Parse_OpenAiWithModel_TakesTheModelFromTheValueAndTheRestFromTheEnvironment()
    {
        var settings = EmbedderSettings.Parse("openai:nomic-embed-text:latest", Environment(
            ("MNEMO_EMBEDDING_MODEL", "ignored"),
            ("MNEMO_EMBEDDING_ENDPOINT", "http://localhost:11434/v1"),
            ("MNEMO_EMBEDDING_API_KEY", "sk-mnemo"),
            ("OPENAI_API_KEY", "sk-openai"),
            ("MNEMO_EMBEDDING_DIMENSIONS", "768"),
            ("MNEMO_EMBEDDING_BATCH", "16")));

        var options = Assert.IsType<OpenAiEmbedderOptions>(settings.OpenAi);
        Assert.Equal(EmbedderKind.OpenAi, settings.Kind);
        Assert.Equal("nomic-embed-text:latest", options.Model);
        Assert.Equal(new Uri("http://localhost:11434/v1"), options.Endpoint);
        Assert.Equal("sk-mnemo", options.ApiKey);
        Assert.Equal(768, options.Dimensions);
        Assert.False(options.SendDimensions);
        Assert.Equal(16, options.BatchSize);
        Assert.Equal(OpenAiApiKeyHeader.Bearer, options.ApiKeyHeader);
    }

    [Fact]
    public void FromEnvironment_OpenAiWithDefaults_UsesOpenAisEndpointAndOpenAiApiKey()
    {
        var settings = EmbedderSettings.FromEnvironment(Environment(
            ("MNEMO_EMBEDDER", "openai"), ("MNEMO_EMBEDDING_MODEL", "text-embedding-3-small"), ("OPENAI_API_KEY", "sk-openai")));

        var options = settings.OpenAi!;
        Assert.Equal(new Uri("https://api.openai.com/v1"), options.Endpoint);
        Assert.Equal("text-embedding-3-small", options.Model);
        Assert.Equal("sk-openai", options.ApiKey);
        Assert.Null(options.Dimensions);
        Assert.Equal(64, options.BatchSize);
    }

    [Fact]
    public void FromEnvironment_AzureKeyHeaderAndSendDimensions_AreApplied()
    {
        var options = EmbedderSettings.FromEnvironment(Environment(
            ("MNEMO_EMBEDDER", "openai:text-embedding-3-large"),
            ("MNEMO_EMBEDDING_API_KEY_HEADER", "api-key"),
            ("MNEMO_EMBEDDING_DIMENSIONS", "256"),
            ("MNEMO_EMBEDDING_SEND_DIMENSIONS", "true"))).OpenAi!;

        Assert.Equal(OpenAiApiKeyHeader.ApiKey, options.ApiKeyHeader);
        Assert.True(options.SendDimensions);
        Assert.Equal(256, options.Dimensions);
    }

    [Fact]
    public void FromEnvironment_OpenAiWithoutModel_ThrowsInvalidInputNamingTheVariable()
    {
        var error = Assert.Throws<MnemoException>(() => EmbedderSettings.FromEnvironment(Environment(("MNEMO_EMBEDDER", "openai"))));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.StartsWith("MNEMO_EMBEDDING_MODEL is not set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hashing")]
    [InlineData("builtin:")]
    [InlineData("builtin:abc")]
    [InlineData("builtin:8")]
    [InlineData("builtin:-512")]
    [InlineData("openai:")]
    [InlineData("openai: ")]
    public void Parse_InvalidValue_ThrowsArgumentExceptionNamingItAndTheAcceptedForms(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => EmbedderSettings.Parse(value, Environment(("MNEMO_EMBEDDING_MODEL", "m"))));

        Assert.StartsWith($"embedder '{value}' is not an embedder: use arctic-xs, minilm, builtin-hashing, builtin:DIMENSIONS", error.Message, StringComparison.Ordinal);
        Assert.Contains("openai or openai:MODEL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_UnknownEmbedder_ThrowsInvalidInputNamingTheVariable()
    {
        var error = Assert.Throws<MnemoException>(() => EmbedderSettings.FromEnvironment(Environment(("MNEMO_EMBEDDER", "bert"))));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.StartsWith("MNEMO_EMBEDDER='bert' is not an embedder: use arctic-xs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MNEMO_EMBEDDING_DIMENSIONS", "0")]
    [InlineData("MNEMO_EMBEDDING_DIMENSIONS", "768.5")]
    [InlineData("MNEMO_EMBEDDING_BATCH", "-1")]
    [InlineData("MNEMO_EMBEDDING_BATCH", "lots")]
    [InlineData("MNEMO_EMBEDDING_ENDPOINT", "localhost:11434")]
    [InlineData("MNEMO_EMBEDDING_ENDPOINT", "ftp://example.com/v1")]
    [InlineData("MNEMO_EMBEDDING_API_KEY_HEADER", "x-key")]
    [InlineData("MNEMO_EMBEDDING_SEND_DIMENSIONS", "maybe")]
    public void FromEnvironment_BadOpenAiSetting_ThrowsInvalidInputNamingTheVariableAndValue(string variable, string value)
    {
        var error = Assert.Throws<MnemoException>(() => EmbedderSettings.FromEnvironment(Environment(
            ("MNEMO_EMBEDDER", "openai"), ("MNEMO_EMBEDDING_MODEL", "m"), (variable, value))));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.StartsWith($"{variable}='{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_OpenAiWithoutDimensions_ProbesTheEndpointSoMetadataHasThem()
    {
        await using var server = new ScriptedEmbeddingServer((request, _) => ScriptedResponse.Embeddings(request, 24));
        var settings = EmbedderSettings.Parse("openai:probe-model", Environment(("MNEMO_EMBEDDING_ENDPOINT", server.Endpoint.ToString())));

        using var embedder = await settings.CreateAsync(cancellationToken: Token);

        Assert.IsType<OpenAiEmbedder>(embedder);
        Assert.Equal(24, embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
        Assert.Equal("probe-model", Assert.Single(server.Requests).Model);
        Assert.Null(server.Requests[0].Header("Authorization"));
    }

    [Fact]
    public void ToString_OpenAiWithKey_DescribesWithoutTheKey()
    {
        var settings = EmbedderSettings.Parse("openai:text-embedding-3-small", Environment(("MNEMO_EMBEDDING_API_KEY", "sk-secret")));

        Assert.Equal("openai-compatible text-embedding-3-small at https://api.openai.com/v1", settings.ToString());
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
