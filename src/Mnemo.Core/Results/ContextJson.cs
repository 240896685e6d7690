using System.Text.Json;
using Mnemo.Core.Context;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of an assembled context, one shape for every face: <c>text</c>, <c>tokens</c>, <c>budget</c>,
/// <c>tokenizer</c>, <c>sections</c> (each <c>section</c>, <c>tokens</c> and <c>items</c>: <c>key</c>, <c>tokens</c>,
/// <c>score</c>, <c>cut</c>, <c>text</c>) and <c>left_out</c> (each <c>section</c>, <c>key</c>, <c>tokens</c>, <c>score</c>,
/// <c>reason</c>: over_budget, near_duplicate or already_included, and <c>duplicate_of</c>).
/// </summary>
public static class ContextJson
{
    /// <summary>Writes the context and its report as one object.</summary>
    public static void Write(Utf8JsonWriter writer, AssembledContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        writer.WriteStartObject();
        writer.WriteString("text", context.Text);
        writer.WriteNumber("tokens", context.Tokens);
        writer.WriteNumber("budget", context.Budget);
        writer.WriteString("tokenizer", context.Tokenizer);
        writer.WriteStartArray("sections");
        foreach (var section in context.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("section", SectionName(section.Kind));
            writer.WriteNumber("tokens", section.Tokens);
            writer.WriteStartArray("items");
            foreach (var item in section.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("key", item.Key);
                writer.WriteNumber("tokens", item.Tokens);
                WriteScore(writer, item.Score);
                writer.WriteBoolean("cut", item.Cut);
                writer.WriteString("text", item.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("left_out");
        foreach (var omission in context.LeftOut)
        {
            writer.WriteStartObject();
            writer.WriteString("section", SectionName(omission.Kind));
            writer.WriteString("key", omission.Key);
            writer.WriteNumber("tokens", omission.Tokens);
            WriteScore(writer, omission.Score);
            writer.WriteString("reason", ReasonName(omission.Reason));
            writer.WriteString("duplicate_of", omission.DuplicateOf);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A section's name in JSON and reports: pinned, state, memories, recent.</summary>
    public static string SectionName(ContextSectionKind kind) => kind switch
    {
        ContextSectionKind.Pinned => "pinned",
        ContextSectionKind.State => "state",
        ContextSectionKind.Memories => "memories",
        ContextSectionKind.Recent => "recent",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a context section"),
    };

    /// <summary>A reason's name in JSON and reports: over_budget, near_duplicate, already_included.</summary>
    public static string ReasonName(OmissionReason reason) => reason switch
    {
        OmissionReason.OverBudget => "over_budget",
        OmissionReason.NearDuplicate => "near_duplicate",
        OmissionReason.AlreadyIncluded => "already_included",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not an omission reason"),
    };

    private static void WriteScore(Utf8JsonWriter writer, double? score)
    {
        if (score is { } value)
        {
            writer.WriteNumber("score", value);
        }
        else
        {
            writer.WriteNull("score");
        }
    }
}
