using System.Text.Json;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Time;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of next-action prediction, the one shape every face prints: a logged action
/// <c>{"recorded","reason","action":{"id","at","agent","session","source","action","pid"}}</c>; a prediction
/// <c>{"context","order","matched_context","next":[{"action","probability"}],"model":{"sequences","actions","distinct_actions","max_order","smoothing"}}</c>;
/// workflow patterns <c>{"min_support","max_length","sequences","actions","distinct_actions","patterns":[{"steps","support","sequences","sessions","confidence"}]}</c>.
/// </summary>
public static class PredictionJson
{
    /// <summary>The smoothing the model uses, as the JSON names it.</summary>
    public const string Smoothing = "interpolated-witten-bell";

    /// <summary>Writes what became of a logged action.</summary>
    public static void WriteLogResult(Utf8JsonWriter writer, ActionLogResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteBoolean("recorded", result.Recorded);
        writer.WriteString("reason", result.NotRecordedReason);
        if (result.Action is { } action)
        {
            writer.WritePropertyName("action");
            WriteAction(writer, action);
        }
        else
        {
            writer.WriteNull("action");
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one action of the log.</summary>
    public static void WriteAction(Utf8JsonWriter writer, ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(action);
        writer.WriteStartObject();
        writer.WriteNumber("id", action.Id);
        writer.WriteString("at", Timestamps.Format(action.At));
        writer.WriteString("agent", action.Agent);
        writer.WriteString("session", action.Session);
        writer.WriteString("source", ActionNames.SourceName(action.Source));
        writer.WriteString("action", action.Action);
        writer.WriteNumber("pid", action.ProcessId);
        writer.WriteEndObject();
    }

    /// <summary>Writes a prediction.</summary>
    public static void WritePrediction(Utf8JsonWriter writer, ActionPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(prediction);
        writer.WriteStartObject();
        writer.WriteStrings("context", prediction.Context);
        writer.WriteNumber("order", prediction.Order);
        writer.WriteStrings("matched_context", prediction.MatchedContext);
        writer.WriteStartArray("next");
        foreach (var next in prediction.Next)
        {
            writer.WriteStartObject();
            writer.WriteString("action", next.Action);
            writer.WriteNumber("probability", Math.Round(next.Probability, 6));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("model");
        writer.WriteNumber("sequences", prediction.Model.Sequences);
        writer.WriteNumber("actions", prediction.Model.Actions);
        writer.WriteNumber("distinct_actions", prediction.Model.DistinctActions);
        writer.WriteNumber("max_order", prediction.Model.MaxOrder);
        writer.WriteString("smoothing", Smoothing);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes workflow patterns.</summary>
    public static void WritePatterns(Utf8JsonWriter writer, WorkflowPatternReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteNumber("min_support", report.MinSupport);
        writer.WriteNumber("max_length", report.MaxLength);
        writer.WriteNumber("sequences", report.Sequences);
        writer.WriteNumber("actions", report.Actions);
        writer.WriteNumber("distinct_actions", report.DistinctActions);
        writer.WriteStartArray("patterns");
        foreach (var pattern in report.Patterns)
        {
            writer.WriteStartObject();
            writer.WriteStrings("steps", pattern.Steps);
            writer.WriteNumber("support", pattern.Support);
            writer.WriteNumber("sequences", pattern.Sequences);
            writer.WriteStrings("sessions", pattern.Sessions);
            writer.WriteNumber("confidence", Math.Round(pattern.Confidence, 6));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
