using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Mnemo.Benchmarks.Mcp;

/// <summary>Settings of <c>mnemo bench mcp</c>.</summary>
/// <param name="Sizes">Entity counts to load and time at, ascending.</param>
/// <param name="Calls">Timed calls per tool and size.</param>
/// <param name="Seed">Seed of the workload.</param>
internal sealed record McpBenchmarkOptions(IReadOnlyList<int> Sizes, int Calls, int Seed);

/// <summary>
/// Tool latency of MCP servers over stdio, as a client sees it: each server runs as a child process, loads the same
/// knowledge graph of each size through <c>create_entities</c> and <c>create_relations</c>, then answers the same timed
/// calls of every tool; the time of a call is from the request written to the response read.
/// </summary>
/// <remarks>
/// The servers run one after the other, never together, each size on a fresh store, so that they do not compete for
/// the CPU. Both speak the same protocol revision (<see cref="ProtocolVersion"/>, the newest the reference server knows).
/// </remarks>
internal static class McpBenchmark
{
    /// <summary>Unmeasured calls of each tool before the timed ones (JIT, caches, indexes catching up).</summary>
    public const int WarmUpCalls = 5;

    /// <summary>The protocol revision both servers are asked for.</summary>
    public const string ProtocolVersion = "2025-11-25";

    private const int StderrLinesKept = 20;

    /// <summary>
    /// Runs the benchmark: locates (or installs) the reference server unless <paramref name="withReference"/> is false,
    /// then runs every size on the running mnemo's MCP server and on the reference server.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="mnemo">How to start the running mnemo (its server is <c>mnemo mcp</c>).</param>
    /// <param name="withReference">False to run Mnemo alone, without Node.js.</param>
    /// <param name="referenceScript">The reference server's <c>dist/index.js</c>; null to find or install it.</param>
    /// <param name="progress">Progress for people.</param>
    /// <param name="warnings">Where to say what npm did and that a server returned other results than the workload expects.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="McpBenchmarkException">A server could not be found, installed or started, or failed.</exception>
    public static async Task<McpBenchmarkResult> RunAsync(McpBenchmarkOptions options, MnemoCommandLine mnemo, bool withReference,
        string? referenceScript, IBenchmarkProgress progress, TextWriter warnings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mnemo);
        ArgumentNullException.ThrowIfNull(progress);
        using var located = withReference
            ? await ReferenceServer.LocateAsync(referenceScript, warnings, cancellationToken).ConfigureAwait(false)
            : null;
        if (located is not null)
        {
            progress.Line($"reference: {ReferenceServer.Package} {located.Version} on node {located.NodeVersion} ({located.Script})");
        }

        var runs = await RunSizesAsync(options, McpServerSpec.Mnemo(mnemo), located is null ? null : McpServerSpec.Reference(located), progress,
            warnings, cancellationToken).ConfigureAwait(false);
        return new McpBenchmarkResult(options, mnemo.Display("mcp"),
            located is null ? null : new McpReferenceInfo(located.Version, located.NodeVersion, located.Script, located.Installed),
            located is null ? "not run: --no-reference was given, Mnemo ran alone" : null, runs);
    }

    /// <summary>Runs every size on <paramref name="mnemo"/> and, when given, on <paramref name="reference"/>.</summary>
    private static async Task<IReadOnlyList<McpSizeResult>> RunSizesAsync(McpBenchmarkOptions options, McpServerSpec mnemo, McpServerSpec? reference,
        IBenchmarkProgress progress, TextWriter warnings, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"mnemo-bench-mcp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var results = new List<McpSizeResult>();
            foreach (var size in options.Sizes)
            {
                var workload = new McpWorkload(size, WarmUpCalls + options.Calls, options.Seed);
                progress.Line($"{size:N0} entities, {workload.Relations:N0} relations, {workload.Observations:N0} observations");
                var mnemoRun = await RunServerAsync(mnemo, workload, scratch, progress, cancellationToken).ConfigureAwait(false);
                var referenceRun = reference is null
                    ? null
                    : await RunServerAsync(reference, workload, scratch, progress, cancellationToken).ConfigureAwait(false);
                var result = new McpSizeResult(workload.Size, workload.Relations, workload.Observations, [.. workload.Rows], mnemoRun, referenceRun);
                foreach (var warning in result.UnexpectedResults())
                {
                    progress.End();
                    await warnings.WriteLineAsync($"mnemo: warning: {warning}").ConfigureAwait(false);
                }

                results.Add(result);
            }

            return results;
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A store a server had not yet let go of: left for the system's temporary-file cleanup.
            }
        }
    }

    private static async Task<McpServerRun> RunServerAsync(McpServerSpec server, McpWorkload workload, string scratch, IBenchmarkProgress progress,
        CancellationToken cancellationToken)
    {
        var directory = Path.Combine(scratch, $"{server.Label}-{workload.Size}");
        Directory.CreateDirectory(directory);
        var transport = server.Transport(directory);
        var stderr = new ConcurrentQueue<string>();
        transport.StandardErrorLines = line =>
        {
            stderr.Enqueue(line);
            while (stderr.Count > StderrLinesKept && stderr.TryDequeue(out _))
            {
            }
        };

        var phase = $"{workload.Size:N0} entities, {server.Label}";
        var started = Stopwatch.GetTimestamp();
        McpClient client;
        try
        {
            client = await McpClient.CreateAsync(new StdioClientTransport(transport), new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "mnemo-bench-mcp", Version = "1.0.0" },
                ProtocolVersion = ProtocolVersion,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new McpBenchmarkException(
                $"the {server.Label} server did not start ({transport.Command} {string.Join(' ', transport.Arguments ?? [])}): {e.Message}{Tail(stderr)}", e);
        }

        await using (client.ConfigureAwait(false))
        {
            var startMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var serverName = client.ServerInfo is { } info ? $"{info.Name} {info.Version}" : server.Label;

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < workload.EntityBatches.Count; i++)
            {
                await CallAsync(client, server, "create_entities", workload.EntityBatches[i], stderr, cancellationToken).ConfigureAwait(false);
                progress.Report($"{phase}: loading entities", i + 1, workload.EntityBatches.Count);
            }

            var entitiesSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            for (var i = 0; i < workload.RelationBatches.Count; i++)
            {
                await CallAsync(client, server, "create_relations", workload.RelationBatches[i], stderr, cancellationToken).ConfigureAwait(false);
                progress.Report($"{phase}: loading relations", i + 1, workload.RelationBatches.Count);
            }

            var relationsSeconds = clock.Elapsed.TotalSeconds;
            var isMnemo = server.Label == McpServerSpec.MnemoLabel;
            var steps = workload.Steps.Select(step => step.Where(row => isMnemo || !row.MnemoOnly).ToList()).Where(step => step.Count > 0).ToList();
            var total = steps.Sum(step => step.Sum(row => row.Calls.Count));
            var done = 0;
            var figures = new Dictionary<string, McpToolFigures>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                var latencies = step.ToDictionary(row => row.Row, row => new List<double>(row.Calls.Count), StringComparer.Ordinal);
                var first = new Dictionary<string, double>(StringComparer.Ordinal);
                var returned = new Dictionary<string, int?>(StringComparer.Ordinal);
                var calls = step.Min(row => row.Calls.Count);
                for (var k = 0; k < calls; k++)
                {
                    foreach (var row in step)
                    {
                        var (result, milliseconds) = await CallAsync(client, server, row.Tool, row.Calls[k], stderr, cancellationToken).ConfigureAwait(false);
                        if (k == 0)
                        {
                            first[row.Row] = milliseconds;
                        }

                        if (k >= WarmUpCalls)
                        {
                            latencies[row.Row].Add(milliseconds);
                        }

                        if (k == calls - 1)
                        {
                            returned[row.Row] = row.ExpectedEntities is null ? null : CountEntities(result);
                        }

                        progress.Report($"{phase}: timed calls", ++done, total);
                    }
                }

                foreach (var row in step)
                {
                    figures[row.Row] = new McpToolFigures(LatencySummary.Of(latencies[row.Row]), first[row.Row], returned[row.Row]);
                }
            }

            var run = new McpServerRun(serverName, startMs, entitiesSeconds, relationsSeconds, figures);
            progress.Line($"{phase}: started in {startMs:0} ms, loaded in {run.LoadSeconds:0.00} s, timed {done:N0} calls");
            return run;
        }
    }

    private static async Task<(CallToolResult Result, double Milliseconds)> CallAsync(McpClient client, McpServerSpec server, string tool,
        CallArguments arguments, ConcurrentQueue<string> stderr, CancellationToken cancellationToken)
    {
        CallToolResult result;
        var started = Stopwatch.GetTimestamp();
        try
        {
            result = await client.CallToolAsync(tool, arguments.Values, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is McpException or IOException or InvalidOperationException)
        {
            throw new McpBenchmarkException($"the {server.Label} server failed {tool}: {e.Message}{Tail(stderr)}", e);
        }

        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.IsError == true)
        {
            throw new McpBenchmarkException($"the {server.Label} server answered {tool} with an error: {Text(result)}{Tail(stderr)}");
        }

        return (result, milliseconds);
    }

    /// <summary>The entities a read tool returned, from its structured content or else its JSON text.</summary>
    private static int? CountEntities(CallToolResult result)
    {
        if (result.StructuredContent is { ValueKind: JsonValueKind.Object } structured)
        {
            return Count(structured);
        }

        try
        {
            using var document = JsonDocument.Parse(Text(result));
            return Count(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }

        static int? Count(JsonElement graph) =>
            graph.ValueKind == JsonValueKind.Object && graph.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array
                ? entities.GetArrayLength()
                : null;
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    private static string Tail(ConcurrentQueue<string> stderr) =>
        stderr.IsEmpty ? "" : $"; its stderr ended with: {string.Join(" | ", stderr.TakeLast(5))}";
}
