using System.Text;
using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Results;

namespace Mnemo.Core.Learning.Recovery;

/// <summary>
/// Checks an <see cref="ErrorRecord"/> and turns it into the entry that keeps it under
/// <c>learning/errors/CLUSTER/ID</c> (the message and fix as searchable text, the record and its signature as the
/// value), and reads such entries back.
/// </summary>
internal static class ErrorCodec
{
    /// <summary>The kind of error entries.</summary>
    public const string Kind = "error";

    /// <summary>The most characters of a message, a fix, or an error text to recover from.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The prefix of one cluster's records.</summary>
    public static string ClusterPrefix(string cluster) => $"{LearningKeys.Errors}{cluster}/";

    /// <summary>Throws the first reason <paramref name="record"/> cannot be recorded.</summary>
    public static void Validate(ErrorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckText("message", record.Message, "connection refused: localhost:5432");
        if (record.Fix is not null)
        {
            CheckText("fix", record.Fix, "start the database container");
        }
        else if (record.Worked is not null)
        {
            throw MnemoErrors.BadErrorRecord("whether the fix worked was given without a fix: say what was tried, or leave both out");
        }

        if (record.Tool is not null)
        {
            OutcomeCodec.CheckName("tool", record.Tool, "psql");
        }

        if (ContextFeatures.TryOf(record.Context, out var error) is null)
        {
            throw MnemoErrors.BadErrorRecord(error!);
        }
    }

    /// <summary>Throws unless <paramref name="text"/> is a usable, non-empty text of at most <see cref="MaxTextLength"/> characters.</summary>
    public static void CheckText(string what, string? text, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw MnemoErrors.EmptyErrorText(what, example);
        }

        if (text.Length > MaxTextLength)
        {
            throw MnemoErrors.ErrorTextTooLong(what, text.Length, MaxTextLength);
        }
    }

    /// <summary>The write that records <paramref name="record"/> (already validated) under a new key of its cluster.</summary>
    public static MemoryWrite ToWrite(ErrorRecord record, string? session, DateTimeOffset now)
    {
        var signature = ErrorSignature.Of(record.Message);
        var cluster = ErrorSignature.ClusterOf(signature);
        bool? worked = record.Fix is null ? null : record.Worked ?? true;
        var value = JsonObjects.Build(writer =>
        {
            writer.WriteString("message", record.Message);
            writer.WriteString("signature", signature);
            writer.WriteString("cluster", cluster);
            writer.WriteObjectOrEmpty("context", record.Context);

            if (record.Fix is { } fix)
            {
                writer.WriteString("fix", fix);
                writer.WriteBoolean("worked", worked!.Value);
            }

            if (record.Tool is { } tool)
            {
                writer.WriteString("tool", tool);
            }

            if (session is not null)
            {
                writer.WriteString("session", session);
            }
        });

        var text = new StringBuilder(record.Message.Trim());
        if (record.Fix is { } fixText)
        {
            text.Append("\nFix").Append(worked!.Value ? " that worked: " : " that did not work: ").Append(fixText.Trim());
        }

        return new MemoryWrite
        {
            Key = ClusterPrefix(cluster) + OutcomeCodec.NewId(now),
            Text = text.ToString(),
            Value = value,
            Kind = Kind,
            Tags = record.Tool is { } name ? [name] : [],
        };
    }

    /// <summary>The record an entry keeps, or null when the entry is not an error record (written by hand, or damaged).</summary>
    public static RecordedError? Read(MemoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Value is not { ValueKind: JsonValueKind.Object } value
            || !OutcomeCodec.TryString(value, "message", out var message)
            || !OutcomeCodec.TryString(value, "cluster", out var cluster) || !ErrorSignature.IsCluster(cluster))
        {
            return null;
        }

        var signature = OutcomeCodec.TryString(value, "signature", out var stored) ? stored : ErrorSignature.Of(message);
        string? fix = OutcomeCodec.TryString(value, "fix", out var fixText) ? fixText : null;
        bool? worked = fix is null ? null
            : value.TryGetProperty("worked", out var flag) && flag.ValueKind is JsonValueKind.False ? false : true;
        var features = ContextFeatures.TryOf(value.TryGetProperty("context", out var context) ? context : null, out _) ?? [];

        return new RecordedError(entry.Key, cluster, signature, message, features, fix, worked,
            OutcomeCodec.TryString(value, "tool", out var tool) ? tool : null, entry.CreatedAt, entry.Agent);
    }
}
