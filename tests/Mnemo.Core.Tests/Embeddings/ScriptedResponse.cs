using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mnemo.Core.Tests.Embeddings;

/// <summary>What <see cref="ScriptedEmbeddingServer"/> answers to one request.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers, bool Hang = false)
{
    /// <summary>An answer that never comes.</summary>
    public static ScriptedResponse Never { get; } = new(0, string.Empty, [], Hang: true);

    /// <summary>A well-formed answer with <see cref="VectorFor"/> of each input, optionally listed in reverse order.</summary>
    public static ScriptedResponse Embeddings(RecordedRequest request, int dimensions = 4, bool reversed = false)
    {
        var inputs = request.Inputs;
        var order = Enumerable.Range(0, inputs.Length);
        var data = (reversed ? order.Reverse() : order)
            .Select(i => new { @object = "embedding", index = i, embedding = VectorFor(inputs[i], dimensions) });
        var body = JsonSerializer.Serialize(new
        {
            @object = "list",
            data,
            model = request.Model,
            usage = new { prompt_tokens = inputs.Length, total_tokens = inputs.Length },
        });
        return Json(200, body);
    }

    public static ScriptedResponse Json(int status, string body, params (string Name, string Value)[] headers) => new(status, body, headers);

    /// <summary>A vector that depends only on the text, so that a test can tell which text a vector belongs to.</summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var seed = text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
        return [.. Enumerable.Range(0, dimensions).Select(k => (float)(((seed & 0xFFFF) + (k * 7)) % 1000) / 1000f)];
    }

    public byte[] Serialize()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason(Status)}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
