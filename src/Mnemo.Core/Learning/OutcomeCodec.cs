using System.Globalization;
using System.Text;
using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;
using Mnemo.Core.Results;

namespace Mnemo.Core.Learning;

/// <summary>
/// Checks an <see cref="OutcomeRecord"/> and turns it into the entry that keeps it (a searchable sentence as its text,
/// the record as its value), and reads such entries back.
/// </summary>
internal static class OutcomeCodec
{
    private const int MaxNameLength = 64;
    private const int MaxDescriptionLength = 4000;

    /// <summary>Throws the first reason <paramref name="record"/> cannot be recorded; returns its context features.</summary>
    public static IReadOnlyList<string> Validate(OutcomeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckName("task type", record.TaskType, "data_processing");
        CheckName("strategy", record.Strategy, "parallel_processing");
        if (record.Reward is { } reward && !(reward is >= 0 and <= 1))
        {
            throw MnemoErrors.RewardOutOfRange(reward);
        }

        if (record.DurationSeconds is { } seconds && !(seconds >= 0 && double.IsFinite(seconds)))
        {
            throw MnemoErrors.BadDuration(seconds);
        }

        foreach (var agent in record.Agents)
        {
            try
            {
                _ = EntryValidator.NormalizeAgent(agent) ?? throw new ArgumentException("an agent name is empty");
            }
            catch (ArgumentException e)
            {
                throw MnemoErrors.BadOutcome(e.Message);
            }
        }

        foreach (var tool in record.Tools)
        {
            CheckName("tool", tool, "search");
        }

        foreach (var memory in record.Memories)
        {
            if (MemoryKey.Check(memory) is { } reason)
            {
                throw MnemoErrors.BadOutcome($"memory key {UserValue.Quote(memory)} is not a key ({reason})");
            }
        }

        if (record.Description is { Length: > MaxDescriptionLength } description)
        {
            throw MnemoErrors.BadOutcome($"the description is {description.Length:N0} characters; at most {MaxDescriptionLength:N0} are kept with an outcome");
        }

        return ContextFeatures.TryOf(record.Context, out var error) ?? throw MnemoErrors.BadOutcome(error!);
    }

    /// <summary>True for a usable task type or strategy name.</summary>
    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@');

    /// <summary>Throws unless <paramref name="value"/> is a usable name.</summary>
    public static void CheckName(string what, string? value, string example)
    {
        if (!IsName(value))
        {
            throw MnemoErrors.BadLearningName(what, value ?? "", example);
        }
    }

    /// <summary>A new outcome id: the time to the millisecond then random hex, so keys list in time order.</summary>
    public static string NewId(DateTimeOffset now) =>
        $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4))}";

    /// <summary>The write that records <paramref name="record"/> (already validated) under a new key.</summary>
    public static MemoryWrite ToWrite(OutcomeRecord record, IReadOnlyList<string> features, string? session, DateTimeOffset now)
    {
        var reward = record.Reward ?? (record.Success ? 1 : 0);
        var value = JsonObjects.Build(writer =>
        {
            writer.WriteString("task_type", record.TaskType);
            writer.WriteString("strategy", record.Strategy);
            writer.WriteBoolean("success", record.Success);
            writer.WriteNumber("reward", reward);
            if (record.DurationSeconds is { } seconds)
            {
                writer.WriteNumber("duration_seconds", seconds);
            }

            writer.WriteStrings("agents", record.Agents);
            writer.WriteObjectOrEmpty("context", record.Context);

            if (record.Description is { Length: > 0 } description)
            {
                writer.WriteString("description", description);
            }

            writer.WriteStrings("tools", record.Tools);
            writer.WriteStrings("memories", record.Memories);
            if (session is not null)
            {
                writer.WriteString("session", session);
            }
        });

        return new MemoryWrite
        {
            Key = LearningKeys.OutcomesOf(record.TaskType) + NewId(now),
            Text = Sentence(record, reward, features),
            Value = value,
            Kind = LearningKeys.OutcomeKind,
            Tags = [record.TaskType, record.Strategy, record.Success ? "success" : "failure"],
        };
    }

    /// <summary>The outcome an entry keeps, or null when the entry is not an outcome (written by hand, or damaged).</summary>
    public static TaskOutcome? Read(MemoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Value is not { ValueKind: JsonValueKind.Object } value
            || !TryString(value, "task_type", out var taskType) || !IsName(taskType)
            || !TryString(value, "strategy", out var strategy) || !IsName(strategy)
            || !value.TryGetProperty("success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }

        var reward = value.TryGetProperty("reward", out var rewardValue) && rewardValue.TryGetDouble(out var r) && r is >= 0 and <= 1
            ? r
            : success.GetBoolean() ? 1 : 0;
        double? duration = value.TryGetProperty("duration_seconds", out var durationValue) && durationValue.TryGetDouble(out var d) ? d : null;
        var features = ContextFeatures.TryOf(value.TryGetProperty("context", out var context) ? context : null, out _) ?? [];

        return new TaskOutcome(
            entry.Key, taskType, strategy, success.GetBoolean(), reward, duration, Strings(value, "agents"), features,
            TryString(value, "description", out var description) ? description : null,
            Strings(value, "tools"), Strings(value, "memories"), entry.CreatedAt, entry.Agent,
            TryString(value, "session", out var session) ? session : null);
    }

    // "Nightly import (data_processing) with parallel_processing: succeeded in 120.5 s; agents worker-1; context data_size=large."
    private static string Sentence(OutcomeRecord record, double reward, IReadOnlyList<string> features)
    {
        var text = new StringBuilder();
        if (record.Description is { Length: > 0 } description)
        {
            text.Append(description.Trim()).Append(' ');
        }

        text.Append(CultureInfo.InvariantCulture, $"({record.TaskType}) with {record.Strategy}: {(record.Success ? "succeeded" : "failed")}");
        if (record.Reward is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", reward {reward:0.###}");
        }

        if (record.DurationSeconds is { } seconds)
        {
            text.Append(CultureInfo.InvariantCulture, $" in {seconds:0.###} s");
        }

        Clause(text, "agents", record.Agents);
        Clause(text, "context", features);
        Clause(text, "tools", record.Tools);
        return text.Append('.').ToString();

        static void Clause(StringBuilder text, string name, IReadOnlyList<string> items)
        {
            if (items.Count > 0)
            {
                text.Append("; ").Append(name).Append(' ').AppendJoin(", ", items);
            }
        }
    }


    /// <summary>The non-empty string property <paramref name="name"/> of <paramref name="value"/>, if it has one.</summary>
    internal static bool TryString(JsonElement value, string name, out string text)
    {
        text = value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString()! : "";
        return text.Length > 0;
    }

    private static IReadOnlyList<string> Strings(JsonElement value, string name) =>
        value.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}
