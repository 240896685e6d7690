using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnemo.Core;
using Mnemo.Core.Entries;
using Mnemo.Core.Results;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Tests.Faces;

/// <summary>The library: an engine called directly, its results written by Core's writers.</summary>
internal sealed class LibraryFace(MnemoEngine engine) : IFace
{
    public string Name => "library";

    public static async Task<LibraryFace> OpenAsync(string database, TimeProvider clock)
    {
        var options = MnemoOptions.FromEnvironment(FaceSettings.Variables(withAgent: true)).UseSqlite(database);
        options.TimeProvider = clock;
        // Read counts are flushed on a timer of real time; a long one keeps a flush out of the comparison (the engine
        // shows the reads it has buffered either way, as the CLI's engine, which flushes when each command ends, does).
        options.AccessFlushInterval = TimeSpan.FromHours(1);
        return new LibraryFace(await MnemoEngine.OpenAsync(options, Ct));
    }

    public async Task<JsonNode> StoreAsync(string key, string text, string? kind, string[]? tags, string? metadataJson, double? importance, string? onDuplicate)
    {
        using var metadata = metadataJson is null ? null : JsonDocument.Parse(metadataJson);
        var outcome = await engine.StoreAsync(new MemoryWrite
        {
            Key = key,
            Text = text,
            Kind = kind,
            Tags = tags,
            Metadata = metadata?.RootElement.Clone(),
            Importance = importance,
            OnDuplicate = onDuplicate is null ? DuplicatePolicies.Default : DuplicatePolicies.Parse(onDuplicate),
        }, Ct);
        return Written(writer => StoreOutcomeJson.Write(writer, outcome));
    }

    public async Task<JsonNode> GetAsync(string key)
    {
        var entry = await engine.GetAsync(key, Ct);
        return Written(writer => EntryJson.Write(writer, entry!));
    }

    public async Task<JsonNode> SearchAsync(string query)
    {
        var hits = await engine.SearchAsync(query, new SearchFilter(), Ct);
        return Written(writer => SearchHitJson.WriteArray(writer, hits, explain: true));
    }

    public async Task<JsonNode> HistoryAsync(string key)
    {
        var history = await engine.GetHistoryAsync(key, Ct);
        return Written(writer => HistoryJson.WriteArray(writer, history));
    }

    public async Task<JsonNode> ListAsync(string prefix)
    {
        var page = await engine.ListAsync(prefix, cancellationToken: Ct);
        return Written(writer => EntryPageJson.Write(writer, page.Entries, page.NextAfter));
    }

    public async Task<JsonNode> LinkAsync(string from, string to, string relation, double weight)
    {
        var (link, created) = await engine.LinkAsync(from, to, relation, weight, Ct);
        return Written(writer => LinkResultJson.WriteLinked(writer, link, created));
    }

    public async Task<JsonNode> NeighborsAsync(string key)
    {
        var neighbors = await engine.GetNeighborsAsync(key, 1, LinkDirection.Both, null, Ct);
        return Written(writer => NeighborJson.WriteArray(writer, neighbors));
    }

    public async Task<JsonNode> UnlinkAsync(string from, string to)
    {
        var removed = await engine.UnlinkAsync(from, to, null, Ct);
        return Written(writer => LinkResultJson.WriteUnlinked(writer, removed));
    }

    public async Task<JsonNode> ForgetAsync(string pattern)
    {
        var result = await engine.ForgetAsync(pattern, cancellationToken: Ct);
        return Written(writer => ForgetResultJson.Write(writer, result));
    }

    public async Task<JsonNode> StatusAsync()
    {
        var report = await StatusReport.ReadAsync(engine, Ct);
        return Written(writer => StatusReportJson.Write(writer, report, includeLocation: false));
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonNode Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.Compact))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
