using System.Text.Json;
using Mnemo.Core.Learning;
using Mnemo.Core.Time;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of learning's results, the one shape every face prints: an outcome
/// <c>{"key","task_type","strategy","success","reward","duration_seconds","agents","context","description","tools","memories","at","recorded_by","session"}</c>
/// (context as its <c>name=value</c> features); parameters <c>{"version","at","agent","parameters":{...}}</c>; a
/// recommendation <c>{"task_type","context","strategy","expected_success_rate","interval":{"low","high","level"},
/// "outcomes","effective_outcomes","no_evidence","thin","explored","reason","candidates":[...],"parameters":{...}}</c>.
/// </summary>
public static class LearningJson
{
    /// <summary>Writes one outcome as a JSON object.</summary>
    public static void WriteOutcome(Utf8JsonWriter writer, TaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcome);
        writer.WriteStartObject();
        writer.WriteString("key", outcome.Key);
        writer.WriteString("task_type", outcome.TaskType);
        writer.WriteString("strategy", outcome.Strategy);
        writer.WriteBoolean("success", outcome.Success);
        writer.WriteNumber("reward", outcome.Reward);
        writer.WriteNumberOrNull("duration_seconds", outcome.DurationSeconds);
        writer.WriteStrings("agents", outcome.Agents);
        writer.WriteStrings("context", outcome.Context);
        writer.WriteString("description", outcome.Description);
        writer.WriteStrings("tools", outcome.Tools);
        writer.WriteStrings("memories", outcome.Memories);
        writer.WriteString("at", Timestamps.Format(outcome.At));
        writer.WriteString("recorded_by", outcome.RecordedBy);
        writer.WriteString("session", outcome.Session);
        writer.WriteEndObject();
    }

    /// <summary>Writes outcomes as one JSON array, in the order given.</summary>
    public static void WriteOutcomes(Utf8JsonWriter writer, IEnumerable<TaskOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcomes);
        writer.WriteStartArray();
        foreach (var outcome in outcomes)
        {
            WriteOutcome(writer, outcome);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the parameters in force with their version.</summary>
    public static void WriteParameters(Utf8JsonWriter writer, StoredLearningParameters stored)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(stored);
        writer.WriteStartObject();
        writer.WriteNumber("version", stored.Version);
        writer.WriteString("at", stored.At is { } at ? Timestamps.Format(at) : null);
        writer.WriteString("agent", stored.Agent);
        writer.WriteStartObject("parameters");
        stored.Parameters.WriteProperties(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a recommendation with every candidate's posteriors.</summary>
    public static void WriteRecommendation(Utf8JsonWriter writer, StrategyRecommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(recommendation);
        writer.WriteStartObject();
        writer.WriteString("task_type", recommendation.TaskType);
        writer.WriteStrings("context", recommendation.Context);
        writer.WriteString("strategy", recommendation.Strategy);
        writer.WriteNumber("expected_success_rate", recommendation.ExpectedSuccessRate);
        writer.WriteStartObject("interval");
        writer.WriteNumber("low", recommendation.Estimate.Low);
        writer.WriteNumber("high", recommendation.Estimate.High);
        writer.WriteNumber("level", recommendation.Estimate.Level);
        writer.WriteEndObject();
        writer.WriteNumber("outcomes", recommendation.Estimate.Outcomes);
        writer.WriteNumber("effective_outcomes", recommendation.Estimate.EffectiveOutcomes);
        writer.WriteBoolean("no_evidence", recommendation.NoEvidence);
        writer.WriteBoolean("thin", recommendation.Thin);
        writer.WriteBoolean("explored", recommendation.Explored);
        writer.WriteString("reason", recommendation.Reason);
        writer.WriteStartArray("candidates");
        foreach (var candidate in recommendation.Candidates)
        {
            writer.WriteStartObject();
            writer.WriteString("strategy", candidate.Strategy);
            writer.WriteNumber("draw", candidate.Draw);
            writer.WriteNumber("score", candidate.Score);
            writer.WriteBoolean("pooled", candidate.Pooled);
            writer.WritePropertyName("overall");
            WritePosterior(writer, candidate.Overall);
            writer.WritePropertyName("in_context");
            if (candidate.InContext is { } inContext)
            {
                WritePosterior(writer, inContext);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("parameters");
        recommendation.Parameters.WriteProperties(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a posterior as <c>{"alpha","beta","mean","low","high","level","outcomes","effective_outcomes"}</c>.</summary>
    public static void WritePosterior(Utf8JsonWriter writer, PosteriorEstimate posterior)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(posterior);
        writer.WriteStartObject();
        writer.WriteNumber("alpha", posterior.Alpha);
        writer.WriteNumber("beta", posterior.Beta);
        writer.WriteNumber("mean", posterior.Mean);
        writer.WriteNumber("low", posterior.Low);
        writer.WriteNumber("high", posterior.High);
        writer.WriteNumber("level", posterior.Level);
        writer.WriteNumber("outcomes", posterior.Outcomes);
        writer.WriteNumber("effective_outcomes", posterior.EffectiveOutcomes);
        writer.WriteEndObject();
    }
}
