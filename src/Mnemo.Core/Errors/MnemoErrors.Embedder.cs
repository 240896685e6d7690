using System.Net;

namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    private static MnemoHint Setting(MnemoEmbedderSetting setting) => MnemoHint.EmbedderSetting(setting);

    /// <summary>The store's vectors are of <paramref name="recorded"/>, and <paramref name="chosen"/> was asked for.</summary>
    public static MnemoException EmbeddingModelMismatch(string recorded, string chosen) =>
        Fail(MnemoErrorCode.EmbeddingModelMismatch,
            $"this store's vectors are of the embedder {recorded}, not {chosen}, and models are never mixed: {MnemoHint.ReindexWithEmbedder(chosen, recorded)}");

    /// <summary>The embedder returned vectors of other dimensions than the vector index holds.</summary>
    public static MnemoException IndexDimensionsDiffer(int returned, int indexed) =>
        Fail(MnemoErrorCode.EmbedderRejected,
            $"the embedder returned {returned} dimensions, not {indexed}: configure its dimensions or {Hint(MnemoRemedy.Reindex)}");

    /// <summary>The endpoint answered an empty vector.</summary>
    public static MnemoException EmptyVector(string endpoint, string model) =>
        Fail(MnemoErrorCode.EmbedderFailed,
            $"the embedding endpoint {endpoint} answered an empty vector: check {Setting(MnemoEmbedderSetting.Model)} '{model}'");

    /// <summary>The endpoint answered other dimensions than the store's vectors have.</summary>
    public static MnemoException EndpointDimensionsDiffer(int answered, int expected) =>
        Fail(MnemoErrorCode.EmbedderRejected,
            $"the endpoint answered {answered} dimensions, but this store's vectors have {expected}: "
            + $"{MnemoHint.SetEmbeddingDimensions(answered)} or {Hint(MnemoRemedy.Reindex)}");

    /// <summary>The endpoint answered other dimensions than it did before: its model changed.</summary>
    public static MnemoException EndpointDimensionsChanged(int answered, int before, string endpoint) =>
        Fail(MnemoErrorCode.EmbedderRejected,
            $"the endpoint answered {answered} dimensions, but its earlier answers had {before}: the model behind {endpoint} "
            + $"changed; {MnemoHint.SetEmbeddingDimensions(answered)} and {Hint(MnemoRemedy.Reindex)}");

    /// <summary>The endpoint answered a success that is not OpenAI-style embeddings.</summary>
    public static MnemoException NotEmbeddings(string endpoint, HttpStatusCode status, string reason, Exception inner) =>
        Fail(MnemoErrorCode.EmbedderFailed,
            $"the embedding endpoint {endpoint} answered {(int)status} but not with embeddings: {reason}; "
            + $"check that {Setting(MnemoEmbedderSetting.Endpoint)} is an OpenAI-compatible API (usually ending in /v1)", inner);

    /// <summary>The endpoint refused the request (4xx); <paramref name="serverMessage"/> is its reason, already redacted.</summary>
    public static MnemoException EmbedderRefused(string endpoint, HttpStatusCode status, string answer, string? serverMessage, bool hasApiKey, string model)
    {
        var reason = serverMessage is null ? string.Empty : $": {serverMessage}";
        return status switch
        {
            // The server's text is left out: OpenAI's echoes part of the key.
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when !hasApiKey => Fail(MnemoErrorCode.EmbedderRejected,
                $"the embedding endpoint {endpoint} wants an API key ({answer}): set {Setting(MnemoEmbedderSetting.ApiKey)}"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Fail(MnemoErrorCode.EmbedderRejected,
                $"the endpoint {endpoint} refused the API key ({answer}): set {Setting(MnemoEmbedderSetting.ApiKey)}"),
            HttpStatusCode.NotFound => Fail(MnemoErrorCode.EmbedderRejected,
                $"the embedding endpoint {endpoint} answered {answer}{reason}: check {Setting(MnemoEmbedderSetting.Endpoint)} "
                + $"(usually ending in /v1) and that {Setting(MnemoEmbedderSetting.Model)} '{model}' exists there"),
            HttpStatusCode.RequestEntityTooLarge => Fail(MnemoErrorCode.EmbedderRejected,
                $"the embedding endpoint {endpoint} found the request too large ({answer}){reason}: "
                + $"lower {Setting(MnemoEmbedderSetting.Batch)} or store shorter texts"),
            _ => Fail(MnemoErrorCode.EmbedderRejected,
                $"the embedding endpoint {endpoint} rejected the request ({answer}): {serverMessage ?? "it gave no reason"}; "
                + $"check {Setting(MnemoEmbedderSetting.Model)} and {Setting(MnemoEmbedderSetting.Dimensions)}"),
        };
    }

    /// <summary>The endpoint could not be reached until the retries ran out.</summary>
    public static MnemoException EmbedderUnreachable(string endpoint, string detail, string tries) =>
        Fail(MnemoErrorCode.EmbedderFailed,
            $"could not reach the embedding endpoint {endpoint}: {detail} ({tries}); check {Setting(MnemoEmbedderSetting.Endpoint)} or start the server");

    /// <summary>The endpoint did not answer in time until the retries ran out.</summary>
    public static MnemoException EmbedderTimedOut(string endpoint, string detail, string tries) =>
        Fail(MnemoErrorCode.EmbedderFailed,
            $"the embedding endpoint {endpoint} did not answer: {detail} ({tries}); "
            + $"check that the server is not overloaded, or lower {Setting(MnemoEmbedderSetting.Batch)}");

    /// <summary>The endpoint kept failing (429, 5xx) until the retries ran out.</summary>
    public static MnemoException EmbedderKeptFailing(string endpoint, string tries, string detail) =>
        Fail(MnemoErrorCode.EmbedderFailed, $"the embedding endpoint {endpoint} still failed after {tries}, the last with {detail}: try again later");

    /// <summary>A local model was asked for in a host that cannot run local models.</summary>
    public static MnemoException LocalEmbedderUnavailable(string model) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"the local embedder {model} is not available here (the host does not include Mnemo.Embeddings.Onnx): "
            + $"{Hint(MnemoRemedy.UseBuiltinEmbedder)}, or reference Mnemo.Embeddings.Onnx and set MnemoOptions.LocalEmbedders");
}
