using System.Text.Json;
using Mnemo.Core.Transfer;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of a write's <see cref="StoreOutcome"/>, the one shape of CLI <c>store --json</c> and MCP
/// <c>memory_store</c>: the entry's fields (<see cref="EntryJson"/>), then <c>action</c> (written, skipped, merged),
/// <c>duplicate</c> (<c>{key, similarity}</c> or null), <c>conflict</c> (<c>{policy, base_version, current_version,
/// resolution}</c> or null) and <c>warnings</c> (the quotas this write brought to their warning share, each as
/// <see cref="QuotaJson"/>; empty when none) and <c>redacted</c> (the kinds of secrets replaced in the text, each with its
/// count, as a message's: <c>{"email": 1}</c>; empty when none).
/// </summary>
public static class StoreOutcomeJson
{
    /// <summary>Writes <paramref name="outcome"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, StoreOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcome);
        writer.WriteStartObject();
        EntryJson.WriteFields(writer, outcome.Entry);
        writer.WriteString("action", outcome.ActionName);
        if (outcome.Duplicate is { } duplicate)
        {
            writer.WriteStartObject("duplicate");
            writer.WriteString("key", duplicate.Key);
            writer.WriteNumber("similarity", Math.Round(duplicate.Similarity, 4));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("duplicate");
        }

        if (outcome.Conflict is { } conflict)
        {
            writer.WriteStartObject("conflict");
            writer.WriteString("policy", conflict.PolicyName);
            writer.WriteNumber("base_version", conflict.BaseVersion);
            writer.WriteNumber("current_version", conflict.CurrentVersion);
            writer.WriteString("resolution", conflict.ResolutionName);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("conflict");
        }

        writer.WriteStartArray("warnings");
        foreach (var warning in outcome.Warnings)
        {
            QuotaJson.Write(writer, warning);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("redacted");
        foreach (var finding in outcome.Redacted)
        {
            writer.WriteNumber(finding.Kind, finding.Count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
