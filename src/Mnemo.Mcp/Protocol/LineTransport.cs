using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnemo.Core.Transfer;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Mnemo.Mcp.Protocol;

/// <summary>
/// MCP's stdio framing (one JSON-RPC message per line, UTF-8) over a pair of streams, answering every line the SDK would
/// drop or misread with the JSON-RPC error the specification asks for (<see cref="JsonRpcEnvelope"/>).
/// </summary>
/// <remarks>
/// It replaces the SDK's <c>StdioServerTransport</c>, which reads lines itself and ignores the ones it cannot deserialize,
/// so no filter placed after it ever sees them. Error responses and the SDK's messages share one write lock, so lines
/// never interleave on the output.
/// </remarks>
internal sealed partial class LineTransport : TransportBase
{
    private const byte Newline = (byte)'\n';

    /// <summary>
    /// The longest line read: a message carries at most one entry (1 MiB by default, 8 MiB when every character is
    /// escaped as \uXXXX), so anything longer is refused rather than buffered until memory runs out.
    /// </summary>
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    private static readonly byte[] s_newline = [Newline];
    // The SDK's options with Mnemo's encoder, so that the text of a tool result reads the same inside the message.
    private static readonly JsonTypeInfo s_messageType =
        new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { Encoder = ReadableJson.Encoder }.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly ILogger _logger;
    private readonly Stream _input;
    private readonly PipeReader _reader;
    private readonly Stream _output;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _reading;
    private readonly long _maxLineBytes;
    private int _disposed;

    /// <summary>Starts reading <paramref name="input"/> at once; messages are written to <paramref name="output"/>.</summary>
    public LineTransport(Stream input, Stream output, ILoggerFactory? loggerFactory, long maxLineBytes = DefaultMaxLineBytes)
        : base("Server (mnemo stdio)", loggerFactory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1024);
        _maxLineBytes = maxLineBytes;
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LineTransport>();
        _input = input;
        _reader = PipeReader.Create(input);
        _output = output;
        SetConnected();
        _reading = Task.Run(ReadAsync, CancellationToken.None);
    }

    /// <inheritdoc />
    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsConnected)
        {
            await WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(message, s_messageType), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _shutdown.CancelAsync().ConfigureAwait(false);

            // A read blocked in a system call does not see the cancellation; closing the stream ends it.
            await _input.DisposeAsync().ConfigureAwait(false);
            await _output.DisposeAsync().ConfigureAwait(false);
            await _reading.ConfigureAwait(false);
        }
        finally
        {
            SetDisconnected();
            _shutdown.Dispose();
            _sendLock.Dispose();
        }
    }

    private async Task ReadAsync()
    {
        var cancellationToken = _shutdown.Token;
        Exception? failure = null;

        // True while the rest of a line longer than the limit is read and thrown away.
        var skipping = false;
        try
        {
            while (true)
            {
                var read = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (buffer.PositionOf(Newline) is { } end)
                {
                    if (!skipping)
                    {
                        await HandleLineAsync(buffer.Slice(0, end), cancellationToken).ConfigureAwait(false);
                    }

                    skipping = false;
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }

                if (read.IsCompleted)
                {
                    // The last line may end without a newline.
                    if (!skipping)
                    {
                        await HandleLineAsync(buffer, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                }

                if (buffer.Length > _maxLineBytes)
                {
                    if (!skipping)
                    {
                        await RejectAsync(JsonRpcRejection.TooLong(_maxLineBytes), cancellationToken).ConfigureAwait(false);
                    }

                    skipping = true;
                    buffer = buffer.Slice(buffer.End);
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Disposal closes the input to end a blocked read; the read then fails in whatever way the stream fails
            // (an in-memory pipe's reader says it was completed), which is the shutdown asked for, not a failure.
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            LogReadFailed(ex);
            failure = ex;
        }
        finally
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
            SetDisconnected(failure);
        }
    }

    private async Task HandleLineAsync(ReadOnlySequence<byte> line, CancellationToken cancellationToken)
    {
        // A copy, so nothing read from it refers to the pipe's buffers after they are reused. A trailing '\r' (CRLF) is
        // JSON whitespace, as are blank lines, which are skipped.
        var bytes = line.ToArray();
        if (bytes.AsSpan().Trim(" \t\r"u8).IsEmpty)
        {
            return;
        }

        var (message, rejection) = JsonRpcEnvelope.Read(bytes);
        if (message is not null)
        {
            await WriteMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else if (rejection is not null)
        {
            await RejectAsync(rejection, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            LogDroppedResponse();
        }
    }

    private async Task RejectAsync(JsonRpcRejection rejection, CancellationToken cancellationToken)
    {
        LogRejected(rejection.Code, rejection.Message);
        await WriteLineAsync(rejection.ToUtf8Bytes(), cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteLineAsync(byte[] json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(json, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(s_newline, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered a malformed line from the client with JSON-RPC error {Code}: {Reason}")]
    private partial void LogRejected(int code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a response from the client whose id is not a string or an integer")]
    private partial void LogDroppedResponse();

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading from the client failed")]
    private partial void LogReadFailed(Exception exception);
}
