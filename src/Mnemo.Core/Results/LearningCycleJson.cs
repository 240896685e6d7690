using System.Text.Json;
using Mnemo.Core.Learning;
using Mnemo.Core.Time;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of the learning cycle, its derived entries, learning metrics and the parameters' history, the one shape every
/// face prints: a cycle <c>{"at","task_type","dry_run","parameters_version","task_types","written","unchanged","removed",
/// "changes":[{"key","kind","action","text"}]}</c>; metrics <c>{"at","task_type","cap","parameters":{...},"overall":{...},
/// "task_types":[{"task_type","outcomes","successes","first","last","strategies":[...],"evaluation":{...}}]}</c>; learned
/// entries <c>[{"key","kind","task_type","name","text","confidence","version","updated_at","value"}]</c>.
/// </summary>
public static class LearningCycleJson
{
    /// <summary>Writes a learning cycle's report.</summary>
    public static void WriteCycle(Utf8JsonWriter writer, LearningCycleReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("at", Timestamps.Format(report.At));
        writer.WriteString("task_type", report.TaskType);
        writer.WriteBoolean("dry_run", report.DryRun);
        writer.WriteNumber("parameters_version", report.ParametersVersion);
        writer.WriteStartArray("task_types");
        foreach (var taskType in report.TaskTypes)
        {
            writer.WriteStringValue(taskType);
        }

        writer.WriteEndArray();
        writer.WriteNumber("written", report.Written.Count);
        writer.WriteNumber("unchanged", report.Unchanged.Count);
        writer.WriteNumber("removed", report.Removed.Count);
        writer.WriteStartArray("changes");
        foreach (var change in report.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("key", change.Key);
            writer.WriteString("kind", change.Kind);
            writer.WriteString("action", ActionName(change.Action));
            writer.WriteString("text", change.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The name of an action in JSON and tables: <c>written</c>, <c>unchanged</c>, <c>removed</c>.</summary>
    public static string ActionName(LearningCycleAction action) => action switch
    {
        LearningCycleAction.Written => "written",
        LearningCycleAction.Unchanged => "unchanged",
        _ => "removed",
    };

    /// <summary>Writes derived entries (patterns or insights) as one JSON array.</summary>
    public static void WriteLearned(Utf8JsonWriter writer, IEnumerable<LearnedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.WriteStartArray();
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("key", entry.Key);
            writer.WriteString("kind", entry.Kind);
            writer.WriteString("task_type", entry.TaskType);
            writer.WriteString("name", entry.Name);
            writer.WriteString("text", entry.Text);
            if (entry.Confidence is { } confidence)
            {
                writer.WriteNumber("confidence", confidence);
            }
            else
            {
                writer.WriteNull("confidence");
            }

            writer.WriteNumber("version", entry.Version);
            writer.WriteString("updated_at", Timestamps.Format(entry.UpdatedAt));
            writer.WritePropertyName("value");
            if (entry.Value is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the adaptation patterns: <c>{"patterns":[...],"insights":[...]}</c>.</summary>
    public static void WriteAdaptation(Utf8JsonWriter writer, IEnumerable<LearnedEntry> patterns, IEnumerable<LearnedEntry> insights)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("patterns");
        WriteLearned(writer, patterns);
        writer.WritePropertyName("insights");
        WriteLearned(writer, insights);
        writer.WriteEndObject();
    }

    /// <summary>Writes the parameters' versions, newest first, as one JSON array of <see cref="LearningJson.WriteParameters"/> objects.</summary>
    public static void WriteParametersHistory(Utf8JsonWriter writer, IEnumerable<StoredLearningParameters> versions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(versions);
        writer.WriteStartArray();
        foreach (var version in versions)
        {
            LearningJson.WriteParameters(writer, version);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes learning metrics.</summary>
    public static void WriteMetrics(Utf8JsonWriter writer, LearningMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metrics);
        writer.WriteStartObject();
        writer.WriteString("at", Timestamps.Format(metrics.At));
        writer.WriteString("task_type", metrics.TaskType);
        writer.WriteNumber("cap", metrics.Cap);
        writer.WritePropertyName("parameters");
        LearningJson.WriteParameters(writer, metrics.Parameters);
        writer.WritePropertyName("overall");
        WriteTaskType(writer, metrics.Overall);
        writer.WriteStartArray("task_types");
        foreach (var taskType in metrics.TaskTypes)
        {
            WriteTaskType(writer, taskType);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTaskType(Utf8JsonWriter writer, TaskTypeLearningMetrics metrics)
    {
        writer.WriteStartObject();
        writer.WriteString("task_type", metrics.TaskType);
        writer.WriteNumber("outcomes", metrics.Outcomes);
        writer.WriteNumber("successes", metrics.Successes);
        writer.WriteString("first", metrics.First is { } first ? Timestamps.Format(first) : null);
        writer.WriteString("last", metrics.Last is { } last ? Timestamps.Format(last) : null);
        writer.WriteStartArray("strategies");
        foreach (var strategy in metrics.Strategies)
        {
            writer.WriteStartObject();
            writer.WriteString("strategy", strategy.Strategy);
            writer.WriteNumber("outcomes", strategy.Outcomes);
            writer.WriteNumber("successes", strategy.Successes);
            writer.WriteString("first", Timestamps.Format(strategy.First));
            writer.WriteString("last", Timestamps.Format(strategy.Last));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var evaluation = metrics.Evaluation;
        writer.WriteStartObject("evaluation");
        writer.WriteNumber("evaluated", evaluation.Evaluated);
        writer.WriteBoolean("capped", evaluation.Capped);
        writer.WriteNumberOrNull("brier", evaluation.Brier);
        writer.WriteNumberOrNull("log_loss", evaluation.LogLoss);
        writer.WriteNumberOrNull("baseline_brier", evaluation.BaselineBrier);
        writer.WriteNumberOrNull("baseline_log_loss", evaluation.BaselineLogLoss);
        writer.WriteNumber("regret", evaluation.Regret);
        WriteFollowing(writer, "followed", evaluation.Followed);
        WriteFollowing(writer, "not_followed", evaluation.NotFollowed);
        writer.WriteStartArray("calibration");
        foreach (var bin in evaluation.Calibration)
        {
            writer.WriteStartObject();
            writer.WriteNumber("low", bin.Low);
            writer.WriteNumber("high", bin.High);
            writer.WriteNumber("count", bin.Count);
            writer.WriteNumberOrNull("mean_predicted", bin.MeanPredicted);
            writer.WriteNumberOrNull("observed_rate", bin.ObservedRate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFollowing(Utf8JsonWriter writer, string name, RecommendationFollowing following)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("outcomes", following.Outcomes);
        writer.WriteNumber("successes", following.Successes);
        writer.WriteNumberOrNull("success_rate", following.SuccessRate);
        writer.WriteEndObject();
    }
}
