using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Mnemo.TestSupport;

namespace Mnemo.Mcp.Tests;

/// <summary>
/// The real <c>mnemo mcp</c> process on a database in a temporary directory, driven line by line over its stdin and
/// stdout as a client that may be broken would drive it: for the protocol cases a well-behaved SDK client never sends.
/// </summary>
public sealed class McpProcess : IAsyncDisposable
{
    /// <summary>How long one answer may take before the test fails (a server that never answers fails, it does not hang).</summary>
    private static readonly TimeSpan s_answerTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private long _nextId = 1_000;

    private McpProcess()
    {
        var info = MnemoUnderTest.StartInfo(BuildOutputs.MnemoCli, ["mcp"]);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        MnemoVariables.RemoveFrom(info.Environment);

        info.Environment["MNEMO_DB"] = _temp.File("memory.db");
        info.Environment["MNEMO_EMBEDDER"] = "builtin-hashing";
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName} mcp");
        _process.StandardInput.AutoFlush = true;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts a server that has not been initialized.</summary>
    public static McpProcess Start() => new();

    /// <summary>Starts a server and runs the MCP handshake (initialize, then notifications/initialized).</summary>
    public static async Task<McpProcess> StartInitializedAsync()
    {
        var server = Start();
        var answer = await server.RequestAsync("initialize",
            """{"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "mnemo-tests", "version": "1.0"}}""");
        Assert.True(answer.TryGetProperty("result", out _), $"initialize failed: {answer}");
        await server.SendAsync("""{"jsonrpc": "2.0", "method": "notifications/initialized"}""");
        return server;
    }

    /// <summary>Writes one line to the server's stdin, exactly as given.</summary>
    public Task SendAsync(string line) => _process.StandardInput.WriteLineAsync(line.AsMemory(), TestContext.Current.CancellationToken);

    /// <summary>Writes raw bytes and a newline to the server's stdin (for bytes that are not UTF-8).</summary>
    public async Task SendBytesAsync(byte[] line)
    {
        var stdin = _process.StandardInput.BaseStream;
        await stdin.WriteAsync(line, TestContext.Current.CancellationToken);
        await stdin.WriteAsync("\n"u8.ToArray(), TestContext.Current.CancellationToken);
        await stdin.FlushAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The server's next line on stdout, parsed; fails the test when none comes in time.</summary>
    public async Task<JsonElement> ReadAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(s_answerTimeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"mnemo mcp gave no answer within {s_answerTimeout.TotalSeconds:0} s; stderr:\n{Stderr}");
        }

        Assert.True(line is not null, $"mnemo mcp closed its output; stderr:\n{Stderr}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    /// <summary>Sends a request with a fresh id and returns the server's answer to it, which must be the next line.</summary>
    public async Task<JsonElement> RequestAsync(string method, string? parametersJson = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var parameters = parametersJson is null ? "" : $", \"params\": {parametersJson}";
        await SendAsync($$"""{"jsonrpc": "2.0", "id": {{id}}, "method": "{{method}}"{{parameters}}}""");
        var answer = await ReadAsync();
        Assert.True(answer.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt64() == id,
            $"expected the answer to request {id} ({method}), got {answer}");
        return answer;
    }

    /// <summary>Pings, and asserts the server answers: it is still serving.</summary>
    public async Task AssertServingAsync()
    {
        var pong = await RequestAsync("ping");
        Assert.Equal(JsonValueKind.Object, pong.GetProperty("result").ValueKind);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing stdin ends the session; the server then exits by itself.
            _process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(s_answerTimeout);
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            _temp.Dispose();
        }
    }

    private string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }
}
