using System.Text.Json;
using Mnemo.Core.States;
using Mnemo.Core.Time;

namespace Mnemo.Core.Results;

/// <summary>
/// The JSON of saved states, the one shape of CLI <c>state save|get|history|restore --json</c>: a state is
/// <c>{"name","version","at","agent","document"}</c>; a history an array of them, newest first; a restore the new
/// state with <c>restored_version</c> and <c>replaced_version</c>.
/// </summary>
public static class StateJson
{
    /// <summary>Writes <paramref name="state"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, SavedState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        writer.WriteStartObject();
        WriteFields(writer, state);
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="states"/> as one JSON array, in the order given.</summary>
    public static void WriteHistory(Utf8JsonWriter writer, IEnumerable<SavedState> states)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(states);
        writer.WriteStartArray();
        foreach (var state in states)
        {
            Write(writer, state);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <paramref name="restore"/> as one JSON object: the new state and the versions involved.</summary>
    public static void WriteRestore(Utf8JsonWriter writer, StateRestore restore)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(restore);
        writer.WriteStartObject();
        WriteFields(writer, restore.State);
        writer.WriteNumber("restored_version", restore.RestoredVersion);
        writer.WriteNumber("replaced_version", restore.ReplacedVersion);
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, SavedState state)
    {
        writer.WriteString("name", state.Name);
        writer.WriteNumber("version", state.Version);
        writer.WriteString("at", Timestamps.Format(state.At));
        if (state.Agent is null)
        {
            writer.WriteNull("agent");
        }
        else
        {
            writer.WriteString("agent", state.Agent);
        }

        writer.WritePropertyName("document");
        if (state.Document.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            state.Document.WriteTo(writer);
        }
    }
}
