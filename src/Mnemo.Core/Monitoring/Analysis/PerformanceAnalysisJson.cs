using System.Text.Json;
using Mnemo.Core.Monitoring.Doctor;
using Mnemo.Core.Monitoring.Health;

namespace Mnemo.Core.Monitoring.Analysis;

/// <summary>The one JSON shape of a <see cref="PerformanceAnalysis"/> and of its recommendations, for every face.</summary>
public static class PerformanceAnalysisJson
{
    /// <summary>Writes <c>{"recommendations": [...], "health": {...}, "doctor": {...}}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, PerformanceAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(analysis);
        writer.WriteStartObject();
        writer.WritePropertyName("recommendations");
        WriteRecommendations(writer, analysis.Recommendations);
        writer.WritePropertyName("health");
        HealthReportJson.Write(writer, analysis.Health);
        writer.WritePropertyName("doctor");
        DoctorReportJson.Write(writer, analysis.Doctor);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"health": status, "pressure": score, "recommendations": [...]}</c>: what to do, without the reports behind it.</summary>
    public static void WriteRecommendationsSummary(Utf8JsonWriter writer, PerformanceAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(analysis);
        writer.WriteStartObject();
        writer.WriteString("health", HealthReportJson.StatusName(analysis.Health.Status));
        writer.WriteNumber("pressure", analysis.Health.Score);
        writer.WritePropertyName("recommendations");
        WriteRecommendations(writer, analysis.Recommendations);
        writer.WriteEndObject();
    }

    /// <summary>Writes the recommendations as an array of <c>{"source", "urgent", "finding", "action", "strategies"}</c>.</summary>
    public static void WriteRecommendations(Utf8JsonWriter writer, IReadOnlyList<Recommendation> recommendations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(recommendations);
        writer.WriteStartArray();
        foreach (var r in recommendations)
        {
            writer.WriteStartObject();
            writer.WriteString("source", r.Source);
            writer.WriteBoolean("urgent", r.Urgent);
            writer.WriteString("finding", r.Finding);
            writer.WriteString("action", r.Action);
            writer.WriteStartArray("strategies");
            foreach (var strategy in r.Strategies)
            {
                writer.WriteStringValue(strategy);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
