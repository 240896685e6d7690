using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;

namespace Mnemo.Core.States;

/// <summary>
/// The stored form of <see cref="StateRules"/>, the JSON value of the rules entry:
/// <c>{"phase_field":"phase","transitions":[{"from":"a","to":"b"}],"schema":{...}}</c> (schema left out when none).
/// </summary>
internal static class StateRulesCodec
{
    internal static JsonElement ToJson(StateRules rules) => JsonObjects.Build(writer =>
    {
        writer.WriteString("phase_field", rules.PhaseField);
        writer.WriteStartArray("transitions");
        foreach (var step in rules.Transitions)
        {
            writer.WriteStartObject();
            writer.WriteString("from", step.From);
            writer.WriteString("to", step.To);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (rules.Schema is { } schema)
        {
            writer.WritePropertyName("schema");
            schema.WriteTo(writer);
        }
    });

    internal static StateRules FromJson(string key, JsonElement value)
    {
        try
        {
            var steps = new List<StateTransition>();
            foreach (var step in value.GetProperty("transitions").EnumerateArray())
            {
                steps.Add(new StateTransition(step.GetProperty("from").GetString()!, step.GetProperty("to").GetString()!));
            }

            return new StateRules
            {
                PhaseField = value.GetProperty("phase_field").GetString()!,
                Transitions = steps,
                Schema = value.TryGetProperty("schema", out var schema) ? schema.Clone() : null,
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw MnemoErrors.BadStoredStateRules(key, e.Message);
        }
    }
}
