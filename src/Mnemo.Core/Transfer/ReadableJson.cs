using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mnemo.Core.Transfer;

/// <summary>
/// How every face writes the JSON it prints or exports (the CLI's <c>--json</c>, <c>watch</c>, export files, MCP's tool
/// results and messages): text stays as written, so "it's" is not "it\u0027s" and "é" is not "\u00E9".
/// </summary>
/// <remarks>
/// System.Text.Json escapes by default everything that would be unsafe inside an HTML page (<c>' &lt; &gt; &amp; +</c>)
/// and every non-ASCII character. Mnemo's JSON goes to a terminal, a pipe, a file or an MCP client, never into HTML,
/// so <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> is safe here: it still escapes what JSON requires
/// (quotes, backslashes), every control character (so an escape sequence in an entry cannot drive a terminal that shows
/// the JSON), unpaired surrogates and the line separators U+2028/U+2029.
/// </remarks>
public static class ReadableJson
{
    /// <summary>The encoder: JSON's own escapes and control characters only.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Writer options for one-line JSON (JSON lines, protocol messages).</summary>
    public static JsonWriterOptions Compact => new() { Encoder = Encoder };

    /// <summary>Writer options for indented JSON (what people read).</summary>
    public static JsonWriterOptions Indented => new() { Encoder = Encoder, Indented = true };
}
