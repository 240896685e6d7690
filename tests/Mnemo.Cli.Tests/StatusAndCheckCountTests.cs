using System.IO.Pipelines;
using System.Text.Json;
using Mnemo.Embeddings.Onnx;
using Mnemo.Mcp;
using Mnemo.TestSupport;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Mnemo.Cli.Tests;

/// <summary>
/// <c>status</c> counts live entries and <c>check</c> counts every key it verified: each count is named for what it
/// counts, and the CLI and MCP use Core's names.
/// </summary>
[Trait("Issue", "14")]
public sealed class StatusAndCheckCountTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task CheckAndStatus_AfterForgetting_NameKeysChecksAndLiveEntriesApart()
    {
        await StoreFourForgetTwoAsync();

        var status = (await _cli.RunAsync("status", "--json")).Json();
        var check = (await _cli.RunAsync("check", "--json")).Json();
        var statusText = await _cli.RunAsync("status");
        var checkText = await _cli.RunAsync("check");

        Assert.Equal(2, status.GetProperty("live_entries").GetInt64());
        Assert.Equal(2, status.GetProperty("removed_entries").GetInt64());
        Assert.False(status.TryGetProperty("entries", out _));
        Assert.Equal(4, check.GetProperty("keys_checked").GetInt64());
        Assert.Equal(7, check.GetProperty("versions_checked").GetInt64());
        Assert.False(check.TryGetProperty("entries_checked", out _));
        Assert.Contains("entries:      2 live in 1 namespace (0 expired awaiting clean, 2 removed)", statusText.Output, StringComparison.Ordinal);
        Assert.Equal($"ok: 4 keys (live, expired and removed), 7 versions (current and earlier), 0 shared contents verified{Environment.NewLine}",
            checkText.Output);
    }

    [Fact]
    public async Task Status_CliAndMcp_GiveTheSameCountsUnderTheSameNames()
    {
        await StoreFourForgetTwoAsync();
        var cli = (await _cli.RunAsync("status", "--json")).Json();

        var mcp = await McpStatsAsync();

        // The file sizes change whenever an engine opens or checkpoints (and the files with them: a log exists while an
        // engine has it open); every count must agree.
        var shared = mcp.EnumerateObject()
            .Where(p => p.Name is not ("embedding_model" or "cached_entries" or "database_bytes" or "wal_bytes" or "file_bytes" or "files")).ToList();
        Assert.Contains(shared, p => p.Name == "live_entries");
        Assert.All(shared, p => Assert.Equal(cli.GetProperty(p.Name).GetRawText(), p.Value.GetRawText()));
    }

    [Fact]
    [Trait("Issue", "15")]
    public async Task Status_Mcp_ListsTheStoreFilesByNameWithoutTheirPaths()
    {
        await StoreFourForgetTwoAsync();

        var mcp = await McpStatsAsync();

        var files = mcp.GetProperty("files").EnumerateArray().ToList();
        var database = Assert.Single(files, file => file.GetProperty("kind").GetString() == "database");
        Assert.Equal(Path.GetFileName(_cli.Database), database.GetProperty("name").GetString());
        Assert.All(files, file => Assert.False(file.TryGetProperty("path", out _)));
        Assert.Equal(files.Sum(file => file.GetProperty("bytes").GetInt64()), mcp.GetProperty("file_bytes").GetInt64());
    }

    private async Task StoreFourForgetTwoAsync()
    {
        foreach (var key in new[] { "n/a", "n/b", "n/c", "n/d" })
        {
            Assert.Equal(0, (await _cli.RunAsync("store", key, key)).ExitCode);
        }

        Assert.Equal(0, (await _cli.RunAsync("store", "n/a", "again")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("forget", "n/c")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("forget", "n/d")).ExitCode);
    }

    /// <summary>memory_stats from a real MCP server over in-memory pipes, on the CLI's database.</summary>
    private async Task<JsonElement> McpStatsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        // The embedder the CLI opened the store with, as 'mnemo mcp' would.
        var engine = await TestEngines.OpenAsync(_cli.Database, configure: options => options.LocalEmbedders = OnnxEmbedderProvider.Instance);
        await using (engine)
        {
            var toServer = new Pipe();
            var toClient = new Pipe();
            var transport = MnemoMcpServer.CreateTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream());
            await using (transport)
            {
                var server = MnemoMcpServer.Create(transport, engine, new MnemoMcpSettings());
                await using (server)
                {
                    using var stop = new CancellationTokenSource();
                    var serving = server.RunAsync(stop.Token);
                    var client = await McpClient.CreateAsync(
                        new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: ct);
                    await using (client)
                    {
                        var result = await client.CallToolAsync("memory_stats", new Dictionary<string, object?>(), cancellationToken: ct);
                        await stop.CancelAsync();
                        await serving.ContinueWith(_ => { }, TaskScheduler.Default);
                        using var text = JsonDocument.Parse(string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text)));
                        return text.RootElement.Clone();
                    }
                }
            }
        }
    }
}
