using System.Text.Json;
using Mnemo.Core.Coordination;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of an agent's or session's quota usage, in a status's <c>quotas</c> and a write's <c>warnings</c>:
/// <c>{scope (agent or session), name, bytes, quota_bytes, fraction, warning, message}</c>, where <c>message</c> is
/// <see cref="QuotaUsage.Describe"/>, the sentence the CLI prints on stderr.
/// </summary>
internal static class QuotaJson
{
    /// <summary>Writes <paramref name="usage"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, QuotaUsage usage)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(usage);
        writer.WriteStartObject();
        writer.WriteString("scope", usage.IsSession ? "session" : "agent");
        writer.WriteString("name", usage.Name);
        writer.WriteNumber("bytes", usage.Bytes);
        writer.WriteNumber("quota_bytes", usage.QuotaBytes);
        writer.WriteNumber("fraction", Math.Round(usage.Fraction, 4));
        writer.WriteBoolean("warning", usage.IsWarning);
        writer.WriteString("message", usage.Describe());
        writer.WriteEndObject();
    }
}
