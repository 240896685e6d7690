namespace Mnemo.Core.Errors;

/// <summary>A setting of the OpenAI-compatible embedding endpoint that a <see cref="MnemoRemedy.EmbedderSetting"/> hint names.</summary>
public enum MnemoEmbedderSetting
{
    /// <summary>The endpoint's URL.</summary>
    Endpoint,

    /// <summary>The model the endpoint is asked for.</summary>
    Model,

    /// <summary>The API key sent to the endpoint.</summary>
    ApiKey,

    /// <summary>The dimensions of the model's vectors.</summary>
    Dimensions,

    /// <summary>How many texts one request embeds.</summary>
    Batch,
}
