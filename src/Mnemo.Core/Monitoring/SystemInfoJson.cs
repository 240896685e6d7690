using System.Text.Json;
using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring;

/// <summary>The one JSON shape of <see cref="SystemInfo"/>, for every face.</summary>
public static class SystemInfoJson
{
    /// <summary>Writes the system information as one object.</summary>
    public static void Write(Utf8JsonWriter writer, SystemInfo info)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(info);
        writer.WriteStartObject();
        writer.WriteString("mnemo_version", info.MnemoVersion);
        writer.WriteString("runtime", info.Runtime);
        writer.WriteString("os", info.OperatingSystem);
        writer.WriteString("architecture", info.Architecture);
        writer.WriteNumber("processor_count", info.ProcessorCount);
        writer.WriteBoolean("server_gc", info.ServerGc);
        writer.WriteBoolean("native_aot", info.NativeAot);
        writer.WriteString("host", info.Host);
        writer.WriteString("agent", info.Agent);
        writer.WriteString("embedding_model", info.EmbeddingModel);
        writer.WritePropertyName("process");
        MetricsSnapshotJson.WriteProcess(writer, info.Process);
        writer.WriteStartObject("store");
        writer.WriteString("location", info.Store.Location);
        StoreJson.WriteStatusFields(writer, info.Store);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
