using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mnemo.Mcp.Protocol;

/// <summary>A fixed-address resource whose JSON text is produced fresh on every read.</summary>
internal sealed class MnemoResource : McpServerResource
{
    private readonly Func<CancellationToken, Task<string>> _read;

    public MnemoResource(string uri, string name, string description, Func<CancellationToken, Task<string>> read)
    {
        ProtocolResourceTemplate = new ResourceTemplate { UriTemplate = uri, Name = name, Description = description, MimeType = "application/json" };
        _read = read;
    }

    /// <inheritdoc />
    public override ResourceTemplate ProtocolResourceTemplate { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public override bool IsMatch(string uri) => string.Equals(uri, ProtocolResourceTemplate.UriTemplate, StringComparison.Ordinal);

    /// <inheritdoc />
    public override async ValueTask<ReadResourceResult> ReadAsync(
        RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        var text = await _read(cancellationToken).ConfigureAwait(false);
        return new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = ProtocolResourceTemplate.UriTemplate, MimeType = "application/json", Text = text }],
        };
    }
}
