using System.Buffers;
using System.Text;
using System.Text.Json;
using Mnemo.Core.Results;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring;

/// <summary>
/// A <see cref="MetricsSnapshot"/> as compact JSON, the form the metrics history keeps, and back. Written and read by
/// hand (no reflection), so that it works in a Native AOT build.
/// </summary>
/// <remarks>
/// Property names are snake_case and sizes are bytes. A reader ignores properties it does not know, so that a newer
/// Mnemo's samples stay readable by an older one; a figure missing from the JSON reads as 0 (or null where it may be null).
/// </remarks>
public static class MetricsSnapshotJson
{
    /// <summary>The snapshot as one line of JSON.</summary>
    public static string Write(MetricsSnapshot snapshot)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, snapshot);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the snapshot as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        writer.WriteString("host", snapshot.Host);
        writer.WriteString("agent", snapshot.Agent);
        writer.WritePropertyName("process");
        WriteProcess(writer, snapshot.Process);
        writer.WritePropertyName("store");
        WriteStore(writer, snapshot.Store);
        writer.WriteEndObject();
    }

    /// <summary>Reads a snapshot written by <see cref="Write(MetricsSnapshot)"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON, or not an object with a process and a store.</exception>
    public static MetricsSnapshot Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("process", out var process) || !root.TryGetProperty("store", out var store))
        {
            throw new JsonException("a metrics snapshot is a JSON object with a process and a store");
        }

        return new MetricsSnapshot(Text(root, "host") ?? "", Text(root, "agent"), ReadProcess(process), ReadStore(store));
    }

    internal static void WriteProcess(Utf8JsonWriter writer, ProcessMemorySnapshot p)
    {
        writer.WriteStartObject();
        writer.WriteString("at", p.At);
        writer.WriteNumber("pid", p.ProcessId);
        writer.WriteNumber("gc_index", p.GcIndex);
        writer.WriteStartArray("generations");
        foreach (var g in p.Generations)
        {
            writer.WriteStartObject();
            writer.WriteString("name", g.Generation);
            writer.WriteNumber("size_before", g.SizeBeforeBytes);
            writer.WriteNumber("size_after", g.SizeAfterBytes);
            writer.WriteNumber("fragmentation_before", g.FragmentationBeforeBytes);
            writer.WriteNumber("fragmentation_after", g.FragmentationAfterBytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("heap_size", p.HeapSizeBytes);
        writer.WriteNumber("fragmented", p.FragmentedBytes);
        writer.WriteNumber("committed", p.CommittedBytes);
        writer.WriteNumber("gc_available_memory", p.GcAvailableMemoryBytes);
        writer.WriteNumber("memory_load", p.MemoryLoadBytes);
        Number(writer, "last_full_heap_size", p.LastFullCollectionHeapBytes);
        Number(writer, "last_background_heap_size", p.LastBackgroundCollectionHeapBytes);
        writer.WriteNumber("allocated", p.TotalAllocatedBytes);
        if (p.AllocationRateBytesPerSecond is { } rate)
        {
            writer.WriteNumber("allocation_rate", rate);
        }

        writer.WriteStartArray("collections");
        foreach (var count in p.CollectionCounts)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteNumber("working_set", p.WorkingSetBytes);
        writer.WriteNumber("private", p.PrivateBytes);
        Number(writer, "rss", p.ResidentBytes);
        Number(writer, "machine_total", p.MachineTotalBytes);
        Number(writer, "machine_available", p.MachineAvailableBytes);
        if (p.ProcUnavailableReason is { } reason)
        {
            writer.WriteString("proc_unavailable", reason);
        }

        writer.WriteEndObject();
    }

    private static ProcessMemorySnapshot ReadProcess(JsonElement e) => new()
    {
        At = e.TryGetProperty("at", out var at) ? at.GetDateTimeOffset() : default,
        ProcessId = (int)Long(e, "pid"),
        GcIndex = Long(e, "gc_index"),
        Generations = e.TryGetProperty("generations", out var generations)
            ? [.. generations.EnumerateArray().Select(g => new GcGenerationSize(
                Text(g, "name") ?? "", Long(g, "size_before"), Long(g, "size_after"), Long(g, "fragmentation_before"), Long(g, "fragmentation_after")))]
            : [],
        HeapSizeBytes = Long(e, "heap_size"),
        FragmentedBytes = Long(e, "fragmented"),
        CommittedBytes = Long(e, "committed"),
        GcAvailableMemoryBytes = Long(e, "gc_available_memory"),
        MemoryLoadBytes = Long(e, "memory_load"),
        LastFullCollectionHeapBytes = NullableLong(e, "last_full_heap_size"),
        LastBackgroundCollectionHeapBytes = NullableLong(e, "last_background_heap_size"),
        TotalAllocatedBytes = Long(e, "allocated"),
        AllocationRateBytesPerSecond = e.TryGetProperty("allocation_rate", out var rate) && rate.ValueKind == JsonValueKind.Number ? rate.GetDouble() : null,
        CollectionCounts = e.TryGetProperty("collections", out var counts) ? [.. counts.EnumerateArray().Select(c => c.GetInt32())] : [],
        WorkingSetBytes = Long(e, "working_set"),
        PrivateBytes = Long(e, "private"),
        ResidentBytes = NullableLong(e, "rss"),
        MachineTotalBytes = NullableLong(e, "machine_total"),
        MachineAvailableBytes = NullableLong(e, "machine_available"),
        ProcUnavailableReason = Text(e, "proc_unavailable"),
    };

    private static void WriteStore(Utf8JsonWriter writer, StoreMetrics s)
    {
        writer.WriteStartObject();
        writer.WriteString("location", s.Location);
        writer.WriteStartArray("files");
        foreach (var file in s.Files)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.Path);
            writer.WriteString("kind", StatusReportJson.KindName(file.Kind));
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("prefix_depth", s.PrefixDepth);
        writer.WriteStartArray("namespaces");
        foreach (var n in s.Namespaces)
        {
            writer.WriteStartObject();
            writer.WriteString("prefix", n.Prefix);
            writer.WriteNumber("entries", n.Entries);
            writer.WriteNumber("bytes", n.Bytes);
            writer.WriteNumber("history_versions", n.HistoryVersions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("metric_samples", s.MetricSamples);
        if (s.VectorIndex is { } index)
        {
            writer.WriteStartObject("vector_index");
            writer.WriteString("model", index.Model);
            writer.WriteNumber("entries", index.Entries);
            writer.WriteNumber("deleted", index.Deleted);
            writer.WriteNumber("memory_bytes", index.MemoryBytes);
            writer.WriteEndObject();
        }

        writer.WriteNumber("cached_entries", s.CachedEntries);
        writer.WriteNumber("cache_capacity", s.CacheCapacity);
        writer.WriteNumber("buffered_reads", s.BufferedReads);
        writer.WriteEndObject();
    }

    private static StoreMetrics ReadStore(JsonElement e) => new()
    {
        Location = Text(e, "location") ?? "",
        Files = e.TryGetProperty("files", out var files)
            ? [.. files.EnumerateArray().Select(f => new StoreFile(Text(f, "path") ?? "", Kind(Text(f, "kind")), Long(f, "bytes")))]
            : [],
        PrefixDepth = (int)Long(e, "prefix_depth"),
        Namespaces = e.TryGetProperty("namespaces", out var namespaces)
            ? [.. namespaces.EnumerateArray().Select(n => new NamespaceUsage(Text(n, "prefix") ?? "", Long(n, "entries"), Long(n, "bytes"), Long(n, "history_versions")))]
            : [],
        MetricSamples = Long(e, "metric_samples"),
        VectorIndex = e.TryGetProperty("vector_index", out var index) && index.ValueKind == JsonValueKind.Object
            ? new VectorIndexSize(Text(index, "model") ?? "", Long(index, "entries"), Long(index, "deleted"), Long(index, "memory_bytes"))
            : null,
        CachedEntries = Long(e, "cached_entries"),
        CacheCapacity = Long(e, "cache_capacity"),
        BufferedReads = Long(e, "buffered_reads"),
    };

    private static StoreFileKind Kind(string? name) =>
        Enum.GetValues<StoreFileKind>().FirstOrDefault(kind => StatusReportJson.KindName(kind) == name);

    private static void Number(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static long Long(JsonElement e, string name) => NullableLong(e, name) ?? 0;

    private static long? NullableLong(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
