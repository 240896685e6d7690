using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace Mnemo.Core.Embeddings.Internal;

/// <summary>The JSON of OpenAI's <c>POST /embeddings</c>: the request body, the answer and error bodies.</summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/> rather than serializer contracts,
/// so that it stays trimming- and AOT-safe without a source generator for three small shapes.
/// </remarks>
internal static class OpenAiEmbeddingsJson
{
    // Server messages end up in exception messages: one readable line, not a whole HTML error page.
    private const int MaxServerMessageLength = 300;

    /// <summary>The request body <c>{"model":..., "input":[...], "dimensions"?:n}</c>.</summary>
    public static byte[] WriteRequest(string model, IReadOnlyList<string> inputs, int? dimensions)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteStartArray("input");
            foreach (var input in inputs)
            {
                writer.WriteStringValue(input);
            }

            writer.WriteEndArray();
            if (dimensions is { } n)
            {
                writer.WriteNumber("dimensions", n);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The vectors of an answer <c>{"data":[{"index":i,"embedding":[...]}], "usage":{...}}</c>, in the order of
    /// their <c>index</c> (answer order when a server leaves it out).
    /// </summary>
    /// <exception cref="FormatException">The answer is not of that shape; the message says what is wrong.</exception>
    public static EmbeddingsAnswer ReadAnswer(JsonElement root, int expectedCount)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("it has no \"data\" array");
        }

        var count = data.GetArrayLength();
        if (count != expectedCount)
        {
            throw new FormatException($"it has {count} embeddings for {expectedCount} texts");
        }

        var vectors = new float[count][];
        var position = 0;
        foreach (var item in data.EnumerateArray())
        {
            var index = position++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"data[{index}] is not an object");
            }

            if (item.TryGetProperty("index", out var indexElement))
            {
                if (!indexElement.TryGetInt32(out index) || index < 0 || index >= count)
                {
                    throw new FormatException($"data[{position - 1}] has index {indexElement.GetRawText()}, outside 0..{count - 1}");
                }
            }

            if (vectors[index] is not null)
            {
                throw new FormatException($"index {index} appears twice");
            }

            vectors[index] = item.TryGetProperty("embedding", out var embedding)
                ? ReadVector(embedding, index)
                : throw new FormatException($"data[{position - 1}] has no \"embedding\"");
        }

        long? inputTokens = null;
        long? totalTokens = null;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            inputTokens = usage.TryGetProperty("prompt_tokens", out var prompt) && prompt.TryGetInt64(out var p) ? p : null;
            totalTokens = usage.TryGetProperty("total_tokens", out var total) && total.TryGetInt64(out var t) ? t : null;
        }

        return new EmbeddingsAnswer(vectors, inputTokens, totalTokens);
    }

    /// <summary>
    /// The server's reason in an error body: OpenAI's <c>{"error":{"message":...}}</c>, Ollama's <c>{"error":"..."}</c>,
    /// a bare <c>{"message":...}</c>, else the start of a plain-text body; null when there is nothing readable.
    /// </summary>
    public static string? ReadErrorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                message = root.TryGetProperty("error", out var error)
                    ? error.ValueKind switch
                    {
                        JsonValueKind.String => error.GetString(),
                        JsonValueKind.Object when error.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String
                            => inner.GetString(),
                        _ => null,
                    }
                    : root.TryGetProperty("message", out var bare) && bare.ValueKind == JsonValueKind.String ? bare.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's text or HTML page. Its first line still says more than the status code alone.
            if (!body.TrimStart().StartsWith('<'))
            {
                message = body;
            }
        }

        return Shorten(message);
    }

    private static float[] ReadVector(JsonElement embedding, int index)
    {
        switch (embedding.ValueKind)
        {
            case JsonValueKind.Array:
                var vector = new float[embedding.GetArrayLength()];
                var i = 0;
                foreach (var number in embedding.EnumerateArray())
                {
                    if (number.ValueKind != JsonValueKind.Number || !number.TryGetSingle(out vector[i]) || !float.IsFinite(vector[i]))
                    {
                        throw new FormatException($"embedding {index} has a value that is not a finite number at position {i}");
                    }

                    i++;
                }

                return vector;

            // encoding_format "base64": little-endian float32s. Not asked for, but some proxies answer it regardless.
            case JsonValueKind.String when embedding.TryGetBytesFromBase64(out var bytes) && bytes.Length % sizeof(float) == 0:
                var decoded = new float[bytes.Length / sizeof(float)];
                for (var j = 0; j < decoded.Length; j++)
                {
                    decoded[j] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(j * sizeof(float)));
                }

                return decoded;

            default:
                throw new FormatException($"embedding {index} is not an array of numbers");
        }
    }

    private static string? Shorten(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var line = string.Join(' ', message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= MaxServerMessageLength ? line : string.Concat(line.AsSpan(0, MaxServerMessageLength), "...");
    }
}
