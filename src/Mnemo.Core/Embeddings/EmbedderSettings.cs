using System.Globalization;
using Microsoft.Extensions.AI;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Embeddings;

/// <summary>
/// The embedder chosen by <c>--embedder</c> and the environment, so that the CLI and the MCP server choose the same way.
/// </summary>
/// <remarks>
/// <para>The choice is a local neural model, <c>arctic-xs</c> (the default where the host provides local models) or
/// <c>minilm</c>; the built-in hashing embedder, <c>builtin-hashing</c> (also <c>builtin</c>, or <c>builtin:DIMENSIONS</c>);
/// or <c>openai</c> / <c>openai:MODEL</c>, from <c>--embedder</c> (<see cref="Parse"/>) or else <c>MNEMO_EMBEDDER</c>
/// (<see cref="FromEnvironment"/>). The openai
/// embedder then reads <c>MNEMO_EMBEDDING_ENDPOINT</c> (default <c>https://api.openai.com/v1</c>),
/// <c>MNEMO_EMBEDDING_MODEL</c> (required unless given as <c>openai:MODEL</c>; a model name may itself contain colons,
/// as Ollama's <c>nomic-embed-text:latest</c>), <c>MNEMO_EMBEDDING_API_KEY</c> (else <c>OPENAI_API_KEY</c>),
/// <c>MNEMO_EMBEDDING_API_KEY_HEADER</c> (<c>authorization</c>, the default, or <c>api-key</c> for Azure),
/// <c>MNEMO_EMBEDDING_DIMENSIONS</c>, <c>MNEMO_EMBEDDING_SEND_DIMENSIONS</c> (<c>true</c> to ask the model for that
/// many, as OpenAI's <c>text-embedding-3-*</c> allow) and <c>MNEMO_EMBEDDING_BATCH</c>.</para>
/// <para>A bad <c>--embedder</c> value is an <see cref="ArgumentException"/>; a bad environment setting is a
/// <see cref="MnemoException"/> with <see cref="MnemoErrorCode.InvalidInput"/> naming the variable, as for the other
/// <c>MNEMO_*</c> settings. <see cref="ToString"/> never shows the API key.</para>
/// </remarks>
public sealed class EmbedderSettings
{
    /// <summary>The environment variable that chooses the embedder.</summary>
    public const string EmbedderVariable = "MNEMO_EMBEDDER";

    /// <summary>The environment variable with the API base URL.</summary>
    public const string EndpointVariable = "MNEMO_EMBEDDING_ENDPOINT";

    /// <summary>The environment variable with the model name.</summary>
    public const string ModelVariable = "MNEMO_EMBEDDING_MODEL";

    /// <summary>The environment variable with the API key.</summary>
    public const string ApiKeyVariable = "MNEMO_EMBEDDING_API_KEY";

    /// <summary>The OpenAI SDKs' variable, read when <see cref="ApiKeyVariable"/> is not set.</summary>
    public const string OpenAiApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The environment variable naming the header that carries the key: <c>authorization</c> or <c>api-key</c>.</summary>
    public const string ApiKeyHeaderVariable = "MNEMO_EMBEDDING_API_KEY_HEADER";

    /// <summary>The environment variable with the expected vector length.</summary>
    public const string DimensionsVariable = "MNEMO_EMBEDDING_DIMENSIONS";

    /// <summary>The environment variable that sends the vector length with each request (<c>true</c>/<c>false</c>).</summary>
    public const string SendDimensionsVariable = "MNEMO_EMBEDDING_SEND_DIMENSIONS";

    /// <summary>The environment variable with the number of texts per request.</summary>
    public const string BatchVariable = "MNEMO_EMBEDDING_BATCH";

    /// <summary>The endpoint used when <see cref="EndpointVariable"/> is not set.</summary>
    public const string DefaultOpenAiEndpoint = "https://api.openai.com/v1";

    /// <summary>The name of the built-in hashing embedder.</summary>
    public const string BuiltinHashing = "builtin-hashing";

    private const string AcceptedForms = "arctic-xs, minilm, builtin-hashing, builtin:DIMENSIONS (e.g. builtin:512), openai or openai:MODEL";

    // HashingEmbedder needs 16; past 65,536 a hashed vector is all memory and no recall gain.
    private const int MinBuiltinDimensions = 16;
    private const int MaxBuiltinDimensions = 65_536;

    private EmbedderSettings(EmbedderKind kind, int builtinDimensions, OpenAiEmbedderOptions? openAi, string? localModel = null)
    {
        Kind = kind;
        BuiltinDimensions = builtinDimensions;
        OpenAi = openAi;
        LocalModel = localModel;
    }

    /// <summary>The local model's name (<see cref="LocalModels"/>) when <see cref="Kind"/> is <see cref="EmbedderKind.Local"/>.</summary>
    public string? LocalModel { get; }

    /// <summary>
    /// The embedder of a store that has none recorded and a caller who chose none: the local <see cref="LocalModels.ArcticXs"/>
    /// model when <paramref name="localAvailable"/> (the host provides local models), else the built-in hashing embedder.
    /// </summary>
    public static EmbedderSettings Default(bool localAvailable) => localAvailable
        ? new EmbedderSettings(EmbedderKind.Local, 0, null, LocalModels.ArcticXs)
        : new EmbedderSettings(EmbedderKind.Builtin, HashingEmbedder.DefaultDimensions, null);

    /// <summary>Which embedder <see cref="CreateAsync"/> makes.</summary>
    public EmbedderKind Kind { get; }

    /// <summary>The built-in embedder's dimensions (meaningful when <see cref="Kind"/> is <see cref="EmbedderKind.Builtin"/>).</summary>
    public int BuiltinDimensions { get; }

    /// <summary>The options of the openai embedder; null for the built-in one.</summary>
    public OpenAiEmbedderOptions? OpenAi { get; }

    /// <summary>The choice of <c>MNEMO_EMBEDDER</c> (<c>builtin-hashing</c> when unset: callers with local models use <see cref="Default"/>) and the other variables.</summary>
    /// <param name="getVariable">Reads an environment variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: a variable has a bad value or the model is missing.</exception>
    public static EmbedderSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var value = Read(getVariable, EmbedderVariable) ?? BuiltinHashing;
        return Create(value, getVariable, () => Invalid($"{EmbedderVariable}='{value}' is not an embedder: use {AcceptedForms}"));
    }

    /// <summary>The choice of an <c>--embedder</c> value; the openai embedder's other settings come from the environment.</summary>
    /// <param name="value">The option's value: <c>builtin</c>, <c>builtin:512</c>, <c>openai</c> or <c>openai:MODEL</c>.</param>
    /// <param name="getVariable">Reads an environment variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is none of the accepted forms.</exception>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: a variable has a bad value or the model is missing.</exception>
    public static EmbedderSettings Parse(string value, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(getVariable);
        return Create(value, getVariable, () => new ArgumentException($"embedder '{value}' is not an embedder: use {AcceptedForms}", nameof(value)));
    }

    /// <summary><see cref="Parse"/> of <paramref name="value"/> when given, else <see cref="FromEnvironment"/>.</summary>
    /// <param name="value">The <c>--embedder</c> value, or null when the option was not given.</param>
    /// <param name="getVariable">Reads an environment variable.</param>
    public static EmbedderSettings Resolve(string? value, Func<string, string?> getVariable) =>
        value is null ? FromEnvironment(getVariable) : Parse(value, getVariable);

    /// <summary>
    /// Creates the embedder. For openai without configured dimensions it embeds one short text first, so that the
    /// embedder's metadata reports its dimensions as the engine requires.
    /// </summary>
    /// <param name="local">Makes local models; needed when <see cref="Kind"/> is <see cref="EmbedderKind.Local"/>.</param>
    /// <param name="cancellationToken">Cancels the dimensions probe.</param>
    /// <exception cref="MnemoException">
    /// The dimensions probe failed (the endpoint is down, refuses the key, ...), the local model could not be loaded, or
    /// a local model was asked for where none is provided.
    /// </exception>
    public async Task<IEmbeddingGenerator<string, Embedding<float>>> CreateAsync(
        ILocalEmbedderProvider? local = null, CancellationToken cancellationToken = default)
    {
        if (Kind == EmbedderKind.Local)
        {
            return local is null
                ? throw MnemoErrors.LocalEmbedderUnavailable(LocalModel!)
                : local.Create(LocalModel!);
        }

        if (OpenAi is null)
        {
            return new HashingEmbedder(BuiltinDimensions);
        }

        var embedder = new OpenAiEmbedder(OpenAi);
        try
        {
            await embedder.ProbeDimensionsAsync(cancellationToken).ConfigureAwait(false);
            return embedder;
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The choice in the form <see cref="Parse"/> reads back, without endpoint or key (those stay in the environment):
    /// <c>arctic-xs</c>, <c>builtin:384</c> or <c>openai:MODEL</c>. A store records it when first indexed and when
    /// reindexed, so later runs use the same model.
    /// </summary>
    public string Spec => Kind switch
    {
        EmbedderKind.Local => LocalModel!,
        EmbedderKind.OpenAi => $"openai:{OpenAi!.Model}",
        _ => string.Create(CultureInfo.InvariantCulture, $"builtin:{BuiltinDimensions}"),
    };

    /// <summary>A one-line description for status output, e.g. <c>openai-compatible text-embedding-3-small at https://...</c>.</summary>
    public override string ToString() => Kind == EmbedderKind.Local
        ? $"local model {LocalModel}"
        : OpenAi is null
        ? $"builtin hashing embedder, {BuiltinDimensions} dimensions"
        : $"{OpenAiEmbedder.ProviderName} {OpenAi.Model} at {OpenAi.Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)}"
          + (OpenAi.Dimensions is { } d ? $", {d} dimensions" : string.Empty);

    private static EmbedderSettings Create(string value, Func<string, string?> getVariable, Func<Exception> invalid)
    {
        var trimmed = value.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? trimmed : trimmed[..colon];
        var argument = colon < 0 ? null : trimmed[(colon + 1)..];
        if (LocalModels.All.FirstOrDefault(name => name.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) is { } local)
        {
            return new EmbedderSettings(EmbedderKind.Local, 0, null, local);
        }

        if (trimmed.Equals(BuiltinHashing, StringComparison.OrdinalIgnoreCase))
        {
            return new EmbedderSettings(EmbedderKind.Builtin, HashingEmbedder.DefaultDimensions, null);
        }

        if (kind.Equals("builtin", StringComparison.OrdinalIgnoreCase))
        {
            if (argument is null)
            {
                return new EmbedderSettings(EmbedderKind.Builtin, HashingEmbedder.DefaultDimensions, null);
            }

            return int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var dimensions)
                && dimensions is >= MinBuiltinDimensions and <= MaxBuiltinDimensions
                ? new EmbedderSettings(EmbedderKind.Builtin, dimensions, null)
                : throw invalid();
        }

        if (kind.Equals("openai", StringComparison.OrdinalIgnoreCase))
        {
            if (argument is not null && argument.Trim().Length == 0)
            {
                throw invalid();
            }

            return new EmbedderSettings(EmbedderKind.OpenAi, 0, ReadOpenAiOptions(argument?.Trim(), getVariable));
        }

        throw invalid();
    }

    private static OpenAiEmbedderOptions ReadOpenAiOptions(string? model, Func<string, string?> getVariable)
    {
        model ??= Read(getVariable, ModelVariable) ?? throw Invalid(
            $"{ModelVariable} is not set: the openai embedder needs a model, "
            + $"e.g. {ModelVariable}=text-embedding-3-small, or the embedder openai:text-embedding-3-small");

        var endpointText = Read(getVariable, EndpointVariable) ?? DefaultOpenAiEndpoint;
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid($"{EndpointVariable}='{endpointText}' is not an http:// or https:// URL: use e.g. http://localhost:11434/v1");
        }

        var header = Read(getVariable, ApiKeyHeaderVariable)?.ToLowerInvariant() switch
        {
            null or "authorization" or "bearer" => OpenAiApiKeyHeader.Bearer,
            "api-key" => OpenAiApiKeyHeader.ApiKey,
            var other => throw Invalid($"{ApiKeyHeaderVariable}='{other}' is not a key header: use authorization or api-key"),
        };

        var sendDimensions = Read(getVariable, SendDimensionsVariable)?.ToLowerInvariant() switch
        {
            null or "false" or "0" or "no" => false,
            "true" or "1" or "yes" => true,
            var other => throw Invalid($"{SendDimensionsVariable}='{other}' is not true or false"),
        };

        var dimensions = ReadPositive(getVariable, DimensionsVariable);
        if (sendDimensions && dimensions is null)
        {
            throw Invalid($"{SendDimensionsVariable} is true but {DimensionsVariable} is not set: set it to the dimensions to ask for");
        }

        return new OpenAiEmbedderOptions
        {
            Endpoint = endpoint,
            Model = model,
            ApiKey = Read(getVariable, ApiKeyVariable) ?? Read(getVariable, OpenAiApiKeyVariable),
            ApiKeyHeader = header,
            Dimensions = dimensions,
            SendDimensions = sendDimensions,
            BatchSize = ReadPositive(getVariable, BatchVariable) ?? OpenAiEmbedderOptions.DefaultBatchSize,
        };
    }

    private static string? Read(Func<string, string?> getVariable, string name) =>
        getVariable(name) is { } text && text.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static int? ReadPositive(Func<string, string?> getVariable, string name)
    {
        if (Read(getVariable, name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Invalid($"{name}='{text}' is not a positive whole number: fix or unset it");
    }

    private static MnemoException Invalid(string message) => new(MnemoErrorCode.InvalidInput, message);
}
