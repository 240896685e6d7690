using System.Text.Json;
using Mnemo.Core.Coordination;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Output;

/// <summary>A lock lease as JSON, the same in every <c>mnemo lock</c> command.</summary>
internal static class LockJson
{
    /// <summary>Writes the lease as one object.</summary>
    public static void Write(Utf8JsonWriter writer, LockLease lease)
    {
        writer.WriteStartObject();
        writer.WriteNumber("token", lease.Token);
        writer.WriteString("resource", lease.Resource);
        writer.WriteBoolean("prefix", lease.IsPrefix);
        writer.WriteString("mode", ModeName(lease.Mode));
        if (lease.Agent is null)
        {
            writer.WriteNull("agent");
        }
        else
        {
            writer.WriteString("agent", lease.Agent);
        }

        writer.WriteString("acquired_at", Timestamps.Format(lease.AcquiredAt));
        writer.WriteString("expires_at", Timestamps.Format(lease.ExpiresAt));
        writer.WriteEndObject();
    }

    /// <summary>The mode as the CLI names it.</summary>
    public static string ModeName(LockMode mode) => mode == LockMode.Shared ? "shared" : "exclusive";
}
