using System.Globalization;
using System.Text.Json;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Mcp;

/// <summary>One row on one server at one size.</summary>
/// <param name="Latency">The timed calls, in milliseconds.</param>
/// <param name="FirstMs">The first (warm-up) call, which may bring caches and indexes up to date.</param>
/// <param name="ResultEntities">For read tools, the entities the last timed call returned.</param>
internal sealed record McpToolFigures(LatencySummary Latency, double FirstMs, int? ResultEntities);

/// <summary>One server at one size.</summary>
/// <param name="Server">The name and version the server gave in the handshake.</param>
/// <param name="StartMs">From starting the process to the end of the protocol handshake.</param>
/// <param name="LoadEntitiesSeconds">Loading every entity with <c>create_entities</c>.</param>
/// <param name="LoadRelationsSeconds">Loading every relation with <c>create_relations</c>.</param>
/// <param name="Rows">The figures of every row the server ran, by row name.</param>
internal sealed record McpServerRun(
    string Server, double StartMs, double LoadEntitiesSeconds, double LoadRelationsSeconds, IReadOnlyDictionary<string, McpToolFigures> Rows)
{
    public double LoadSeconds => LoadEntitiesSeconds + LoadRelationsSeconds;
}

/// <summary>Both servers at one size.</summary>
/// <param name="Entities">Entities loaded.</param>
/// <param name="Relations">Relations loaded.</param>
/// <param name="Observations">Observations loaded.</param>
/// <param name="Rows">The rows timed, in the order they ran.</param>
/// <param name="Mnemo">Mnemo's figures.</param>
/// <param name="Reference">The reference server's figures, unless it did not run.</param>
internal sealed record McpSizeResult(int Entities, int Relations, int Observations, IReadOnlyList<McpToolSeries> Rows, McpServerRun Mnemo, McpServerRun? Reference)
{
    /// <summary>The median of Mnemo over the median of the reference for a row, when both ran it.</summary>
    public double? Ratio(string row) =>
        Reference is not null && Reference.Rows.TryGetValue(row, out var reference) && reference.Latency.P50 > 0
            ? Mnemo.Rows[row].Latency.P50 / reference.Latency.P50
            : null;

    /// <summary>Read results of another size than the workload expects, one line each.</summary>
    public IEnumerable<string> UnexpectedResults()
    {
        foreach (var row in Rows.Where(row => row.ExpectedEntities is not null))
        {
            foreach (var run in new[] { Mnemo, Reference })
            {
                if (run is not null && run.Rows.TryGetValue(row.Row, out var figures) && figures.ResultEntities != row.ExpectedEntities)
                {
                    yield return $"{run.Server} returned {figures.ResultEntities?.ToString(CultureInfo.InvariantCulture) ?? "no"} entities for {row.Row} " +
                        $"at {Entities:N0} entities, where {row.ExpectedEntities:N0} were expected";
                }
            }
        }
    }
}

/// <summary>The reference server as it ran.</summary>
/// <param name="Version">The package version, when its package.json tells.</param>
/// <param name="NodeVersion">What <c>node --version</c> printed.</param>
/// <param name="Script">The server's <c>dist/index.js</c>.</param>
/// <param name="Installed">True when this run installed it with npm.</param>
internal sealed record McpReferenceInfo(string? Version, string NodeVersion, string Script, bool Installed);

/// <summary>What <c>mnemo bench mcp</c> measured, all in one run.</summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="MnemoCommand">The command line that started Mnemo's server.</param>
/// <param name="Reference">The reference server, unless it did not run.</param>
/// <param name="ReferenceNote">Why the reference server did not run.</param>
/// <param name="Sizes">The figures of every size.</param>
internal sealed record McpBenchmarkResult(
    McpBenchmarkOptions Options, string MnemoCommand, McpReferenceInfo? Reference, string? ReferenceNote, IReadOnlyList<McpSizeResult> Sizes)
{
    /// <summary>Writes the result as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("benchmark", "mcp");
        writer.WriteString("transport", "stdio");
        writer.WriteString("protocol_version", McpBenchmark.ProtocolVersion);
        writer.WriteStartArray("sizes");
        foreach (var size in Options.Sizes)
        {
            writer.WriteNumberValue(size);
        }

        writer.WriteEndArray();
        writer.WriteNumber("calls", Options.Calls);
        writer.WriteNumber("warmup_calls", McpBenchmark.WarmUpCalls);
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteStartObject("mnemo");
        writer.WriteString("server", Sizes.FirstOrDefault()?.Mnemo.Server);
        writer.WriteString("command", MnemoCommand);
        writer.WriteEndObject();
        if (Reference is null)
        {
            writer.WriteNull("reference");
            writer.WriteString("reference_note", ReferenceNote);
        }
        else
        {
            writer.WriteStartObject("reference");
            writer.WriteString("package", ReferenceServer.Package);
            writer.WriteString("version", Reference.Version);
            writer.WriteString("server", Sizes.FirstOrDefault()?.Reference?.Server);
            writer.WriteString("node", Reference.NodeVersion);
            writer.WriteString("script", Reference.Script);
            writer.WriteBoolean("installed_for_this_run", Reference.Installed);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("runs");
        foreach (var size in Sizes)
        {
            WriteSize(writer, size);
        }

        writer.WriteEndArray();
        WriteScaling(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes tables for people: one per size, then how each row scales.</summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        await output.WriteLineAsync(Invariant(
            $"MCP tool latency over stdio (protocol {McpBenchmark.ProtocolVersion}): {Options.Calls} timed calls per tool and size after {McpBenchmark.WarmUpCalls} warm-up calls, seed {Options.Seed}"))
            .ConfigureAwait(false);
        await output.WriteLineAsync($"mnemo: {Sizes.FirstOrDefault()?.Mnemo.Server} ({MnemoCommand})").ConfigureAwait(false);
        await output.WriteLineAsync(Reference is null
            ? $"reference: {ReferenceNote}"
            : $"reference: {ReferenceServer.Package} {Reference.Version ?? "(version unknown)"} on node {Reference.NodeVersion} ({Reference.Script})").ConfigureAwait(false);
        foreach (var size in Sizes)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(Invariant(
                $"{size.Entities:N0} entities, {size.Relations:N0} relations, {size.Observations:N0} observations")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"load: mnemo {size.Mnemo.LoadSeconds:0.00} s (start {size.Mnemo.StartMs:0} ms)") +
                (size.Reference is null ? "" : Invariant($", reference {size.Reference.LoadSeconds:0.00} s (start {size.Reference.StartMs:0} ms)")))
                .ConfigureAwait(false);
            var table = size.Reference is null
                ? new TextTable("TOOL", "MNEMO P50 MS", "P95", "MEAN")
                : new TextTable("TOOL", "MNEMO P50 MS", "P95", "MEAN", "REF P50 MS", "P95", "MEAN", "MNEMO/REF");
            foreach (var row in size.Rows)
            {
                var mnemo = size.Mnemo.Rows[row.Row].Latency;
                if (size.Reference is null)
                {
                    table.Add(row.Row, Ms(mnemo.P50), Ms(mnemo.P95), Ms(mnemo.Mean));
                    continue;
                }

                var reference = size.Reference.Rows.TryGetValue(row.Row, out var figures) ? figures.Latency : null;
                table.Add(row.Row, Ms(mnemo.P50), Ms(mnemo.P95), Ms(mnemo.Mean),
                    reference is null ? "-" : Ms(reference.P50), reference is null ? "-" : Ms(reference.P95), reference is null ? "-" : Ms(reference.Mean),
                    size.Ratio(row.Row) is { } ratio ? Invariant($"{ratio:0.00}") : "-");
            }

            table.WriteTo(output);
        }

        if (Sizes.Count > 1)
        {
            var (from, to) = (Sizes[0], Sizes[^1]);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"median latency at {to.Entities:N0} entities over median at {from.Entities:N0}")).ConfigureAwait(false);
            var table = new TextTable("TOOL", "MNEMO", "REFERENCE");
            foreach (var row in to.Rows)
            {
                table.Add(row.Row, Factor(Growth(from.Mnemo, to.Mnemo, row.Row)), Factor(Growth(from.Reference, to.Reference, row.Row)));
            }

            table.WriteTo(output);
        }
    }

    private static void WriteSize(Utf8JsonWriter writer, McpSizeResult size)
    {
        writer.WriteStartObject();
        writer.WriteNumber("entities", size.Entities);
        writer.WriteNumber("relations", size.Relations);
        writer.WriteNumber("observations", size.Observations);
        writer.WriteStartObject("load");
        WriteLoad(writer, McpServerSpec.MnemoLabel, size.Mnemo, size);
        WriteLoad(writer, McpServerSpec.ReferenceLabel, size.Reference, size);
        writer.WriteEndObject();
        writer.WriteStartArray("tools");
        foreach (var row in size.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("tool", row.Row);
            writer.WriteString("call", row.Description);
            writer.WriteNumber("calls", size.Mnemo.Rows[row.Row].Latency.Count);
            if (row.ExpectedEntities is { } expected)
            {
                writer.WriteNumber("expected_entities", expected);
            }

            WriteFigures(writer, McpServerSpec.MnemoLabel, size.Mnemo.Rows[row.Row]);
            WriteFigures(writer, McpServerSpec.ReferenceLabel, size.Reference is not null && size.Reference.Rows.TryGetValue(row.Row, out var figures) ? figures : null);
            WriteOptional(writer, "ratio_p50", size.Ratio(row.Row));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLoad(Utf8JsonWriter writer, string name, McpServerRun? run, McpSizeResult size)
    {
        if (run is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("start_ms", Math.Round(run.StartMs, 1));
        writer.WriteNumber("entities_seconds", Math.Round(run.LoadEntitiesSeconds, 3));
        writer.WriteNumber("relations_seconds", Math.Round(run.LoadRelationsSeconds, 3));
        writer.WriteNumber("seconds", Math.Round(run.LoadSeconds, 3));
        writer.WriteNumber("entities_per_sec", Math.Round(run.LoadEntitiesSeconds > 0 ? size.Entities / run.LoadEntitiesSeconds : 0, 1));
        writer.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter writer, string name, McpToolFigures? figures)
    {
        if (figures is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        figures.Latency.WriteFields(writer);
        writer.WriteNumber("first_call_ms", Math.Round(figures.FirstMs, 3));
        if (figures.ResultEntities is { } entities)
        {
            writer.WriteNumber("result_entities", entities);
        }

        writer.WriteEndObject();
    }

    private void WriteScaling(Utf8JsonWriter writer)
    {
        if (Sizes.Count < 2)
        {
            writer.WriteNull("scaling");
            return;
        }

        var (from, to) = (Sizes[0], Sizes[^1]);
        writer.WriteStartObject("scaling");
        writer.WriteNumber("from_entities", from.Entities);
        writer.WriteNumber("to_entities", to.Entities);
        writer.WriteString("measure", "p50 at to_entities / p50 at from_entities");
        writer.WriteStartArray("tools");
        foreach (var row in to.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("tool", row.Row);
            WriteOptional(writer, "mnemo", Growth(from.Mnemo, to.Mnemo, row.Row));
            WriteOptional(writer, "reference", Growth(from.Reference, to.Reference, row.Row));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static double? Growth(McpServerRun? from, McpServerRun? to, string row) =>
        from is not null && to is not null && from.Rows.TryGetValue(row, out var small) && to.Rows.TryGetValue(row, out var large) && small.Latency.P50 > 0
            ? large.Latency.P50 / small.Latency.P50
            : null;

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, Math.Round(number, 3));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Ms(double milliseconds) => Invariant($"{milliseconds:0.00}");

    private static string Factor(double? factor) => factor is { } value ? Invariant($"{value:0.0}x") : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
