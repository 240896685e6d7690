using System.Text.Json;
using Mnemo.Core.Transfer;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of search results, the one shape of CLI <c>search --json</c> and MCP <c>memory_search</c>: per hit its
/// <c>score</c> and the entry's fields (<see cref="EntryJson"/>); for a hit added by link expansion, <c>linked_from</c>
/// and <c>link_relation</c>; when explanations are asked for, <c>explain</c> with each signal's raw value, its 0..1
/// value and its part of the score.
/// </summary>
public static class SearchHitJson
{
    /// <summary>Writes <paramref name="hits"/>, best first, as one JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<SearchHit> hits, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(hits);
        writer.WriteStartArray();
        foreach (var hit in hits)
        {
            Write(writer, hit, explain);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one hit as a JSON object, with its <c>explain</c> object when <paramref name="explain"/> is true.</summary>
    public static void Write(Utf8JsonWriter writer, SearchHit hit, bool explain)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(hit);
        writer.WriteStartObject();
        writer.WriteNumber("score", hit.Score);
        EntryJson.WriteFields(writer, hit.Entry);
        if (hit.Explanation?.LinkedFrom is { } via)
        {
            writer.WriteString("linked_from", via);
            writer.WriteString("link_relation", hit.Explanation.LinkRelation);
        }

        if (explain && hit.Explanation is { } parts)
        {
            WriteExplanation(writer, parts);
        }

        writer.WriteEndObject();
    }

    private static void WriteExplanation(Utf8JsonWriter writer, SearchExplanation parts)
    {
        writer.WriteStartObject("explain");
        writer.WriteNumber("rank", parts.Rank);
        writer.WriteStartObject("text");
        WriteOptional(writer, "bm25", parts.TextScore);
        writer.WriteNumber("normalized", parts.TextNormalized);
        writer.WriteNumber("part", Math.Round(parts.TextPart, 6));
        writer.WriteEndObject();
        writer.WriteStartObject("vector");
        WriteOptional(writer, "cosine", parts.VectorSimilarity);
        writer.WriteNumber("normalized", parts.VectorNormalized);
        writer.WriteNumber("part", Math.Round(parts.VectorPart, 6));
        if (parts.Embedding is { } embedded)
        {
            writer.WriteString("embedding", embedded);
        }

        writer.WriteEndObject();
        writer.WriteNumber("recency", Math.Round(parts.RecencyPart, 6));
        writer.WriteNumber("importance", Math.Round(parts.ImportancePart, 6));
        writer.WriteNumber("use", Math.Round(parts.UsePart, 6));
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
