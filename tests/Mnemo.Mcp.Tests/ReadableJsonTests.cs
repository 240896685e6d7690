using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using Mnemo.Mcp.Protocol;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Tests;

/// <summary>Tool results and protocol messages keep text as written: an apostrophe is not \u0027.</summary>
[Trait("Issue", "14")]
public sealed class ReadableJsonTests : McpTestBase
{
    [Fact]
    public async Task Retrieve_TextWithApostrophe_IsShownAsWritten()
    {
        await CallOkAsync("memory_store", """{"key": "a/b", "text": "Ada's café"}""");

        var result = await CallAsync("memory_retrieve", """{"key": "a/b"}""");

        Assert.Contains("\"text\": \"Ada's café\"", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_TextWithApostrophe_IsWrittenAsWrittenAndControlCharactersStayEscaped()
    {
        using var output = new MemoryStream();

        // An input that stays open, as a client's does: an ended input disconnects the transport, and a message sent
        // after that is dropped (an empty MemoryStream made this test race its own read loop).
        var input = new Pipe();
        var transport = new LineTransport(input.Reader.AsStream(), output, null);
        await using (transport)
        {
            await transport.SendMessageAsync(
                new JsonRpcNotification { Method = "notifications/message", Params = new JsonObject { ["text"] = "Ada's café \u001b" } }, Ct);
        }

        var line = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"text\":\"Ada's café \\u001B\"", line, StringComparison.Ordinal);
    }
}
