using System.Text.Json;
using Mnemo.Core.Learning.Recovery;
using Mnemo.Core.Time;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of error recovery and task suggestions, the one shape every face prints: a recorded error
/// <c>{"key","cluster","signature","message","context","fix","worked","tool","at","recorded_by"}</c>; advice
/// <c>{"error","signature","match","score","threshold","cluster","cluster_signature","occurrences","unfixed","examples",
/// "fixes":[{"fix","normalized","tried","worked","success_rate","interval":{"low","high","level"},"last_used","tools"}],"note"}</c>;
/// a suggestion <c>{"task","threshold","tools","memories","strategies":[{"name","score","used_in","succeeded_in"}],
/// "similar":[{"score","outcome":{...}}],"note"}</c>.
/// </summary>
public static class RecoveryJson
{
    /// <summary>The name of a match in JSON and text: <c>none</c>, <c>signature</c> or <c>meaning</c>.</summary>
    public static string MatchName(ErrorMatch match) => match switch
    {
        ErrorMatch.Signature => "signature",
        ErrorMatch.Meaning => "meaning",
        _ => "none",
    };

    /// <summary>Writes a recorded error as a JSON object.</summary>
    public static void WriteError(Utf8JsonWriter writer, RecordedError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("key", error.Key);
        writer.WriteString("cluster", error.Cluster);
        writer.WriteString("signature", error.Signature);
        writer.WriteString("message", error.Message);
        writer.WriteStrings("context", error.Context);
        writer.WriteString("fix", error.Fix);
        if (error.Worked is { } worked)
        {
            writer.WriteBoolean("worked", worked);
        }
        else
        {
            writer.WriteNull("worked");
        }

        writer.WriteString("tool", error.Tool);
        writer.WriteString("at", Timestamps.Format(error.At));
        writer.WriteString("recorded_by", error.RecordedBy);
        writer.WriteEndObject();
    }

    /// <summary>Writes advice with its fixes, best first.</summary>
    public static void WriteAdvice(Utf8JsonWriter writer, RecoveryAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(advice);
        writer.WriteStartObject();
        writer.WriteString("error", advice.Error);
        writer.WriteString("signature", advice.Signature);
        writer.WriteString("match", MatchName(advice.Match));
        writer.WriteNumberOrNull("score", advice.Score);
        writer.WriteNumber("threshold", advice.Threshold);
        writer.WriteString("cluster", advice.Cluster);
        writer.WriteString("cluster_signature", advice.ClusterSignature);
        writer.WriteNumber("occurrences", advice.Occurrences);
        writer.WriteNumber("unfixed", advice.Unfixed);
        writer.WriteStrings("examples", advice.Examples);
        writer.WriteStartArray("fixes");
        foreach (var fix in advice.Fixes)
        {
            writer.WriteStartObject();
            writer.WriteString("fix", fix.Fix);
            writer.WriteString("normalized", fix.Normalized);
            writer.WriteNumber("tried", fix.Tried);
            writer.WriteNumber("worked", fix.Worked);
            writer.WriteNumber("success_rate", fix.SuccessRate);
            writer.WriteStartObject("interval");
            writer.WriteNumber("low", fix.Low);
            writer.WriteNumber("high", fix.High);
            writer.WriteNumber("level", fix.Level);
            writer.WriteEndObject();
            writer.WriteString("last_used", Timestamps.Format(fix.LastUsed));
            writer.WriteStrings("tools", fix.Tools);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("note", advice.Note);
        writer.WriteEndObject();
    }

    /// <summary>Writes a suggestion with its ranked lists and the similar outcomes they come from.</summary>
    public static void WriteSuggestion(Utf8JsonWriter writer, TaskSuggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(suggestion);
        writer.WriteStartObject();
        writer.WriteString("task", suggestion.Task);
        writer.WriteNumber("threshold", suggestion.Threshold);
        Items(writer, "tools", suggestion.Tools);
        Items(writer, "memories", suggestion.Memories);
        Items(writer, "strategies", suggestion.Strategies);
        writer.WriteStartArray("similar");
        foreach (var similar in suggestion.Similar)
        {
            writer.WriteStartObject();
            writer.WriteNumber("score", similar.Score);
            writer.WritePropertyName("outcome");
            LearningJson.WriteOutcome(writer, similar.Outcome);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("note", suggestion.Note);
        writer.WriteEndObject();
    }

    private static void Items(Utf8JsonWriter writer, string name, IReadOnlyList<SuggestedItem> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("name", item.Name);
            writer.WriteNumber("score", item.Score);
            writer.WriteNumber("used_in", item.UsedIn);
            writer.WriteNumber("succeeded_in", item.SucceededIn);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
