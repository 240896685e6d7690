using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Mnemo.Core.Errors;

namespace Mnemo.Core.States;

/// <summary>Checks documents and phase changes against one state's <see cref="StateRules"/>.</summary>
/// <remarks>The schema is compiled once per validator; a validator is built per call, as rules can change between calls.</remarks>
internal sealed class StateValidator
{
    private static readonly EvaluationOptions s_evaluation = new() { OutputFormat = OutputFormat.List };

    private readonly StateRules _rules;
    private readonly JsonSchema? _schema;
    private readonly HashSet<string> _phases;

    private StateValidator(StateRules rules, JsonSchema? schema)
    {
        _rules = rules;
        _schema = schema;
        _phases = new HashSet<string>(rules.Transitions.SelectMany(step => new[] { step.From, step.To }), StringComparer.Ordinal);
    }

    /// <summary>A validator that accepts everything: the rules of a state nobody defined.</summary>
    internal static StateValidator None { get; } = new(new StateRules(), null);

    /// <summary>Compiles <paramref name="rules"/>; throws <see cref="MnemoErrorCode.InvalidInput"/> for a bad schema or field.</summary>
    internal static StateValidator Compile(string name, StateRules rules)
    {
        if (string.IsNullOrWhiteSpace(rules.PhaseField))
        {
            throw MnemoErrors.BadPhaseField(rules.PhaseField ?? "");
        }

        JsonSchema? schema = null;
        if (rules.Schema is { } text)
        {
            if (text.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
            {
                throw MnemoErrors.BadStateSchema(name, $"it is a JSON {text.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            try
            {
                schema = JsonSchema.FromText(text.GetRawText());
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
            {
                throw MnemoErrors.BadStateSchema(name, e.Message);
            }
        }

        return new StateValidator(rules, schema);
    }

    /// <summary>True when the rules have a transition graph.</summary>
    internal bool HasTransitions => _phases.Count > 0;

    /// <summary>Why <paramref name="document"/> breaks the schema or names an unknown phase; null when it is valid.</summary>
    internal string? CheckDocument(JsonElement document)
    {
        if (_schema is not null)
        {
            var results = _schema.Evaluate(JsonNode.Parse(document.GetRawText()), s_evaluation);
            if (!results.IsValid)
            {
                return SchemaFailure(results);
            }
        }

        if (_phases.Count == 0)
        {
            return null;
        }

        return PhaseOf(document) is { } phase
            ? _phases.Contains(phase) ? null : $"phase {UserValue.Quote(phase)} is not in the transition graph; phases: {string.Join(", ", _phases.Order(StringComparer.Ordinal))}"
            : $"the document has no string field {UserValue.Quote(_rules.PhaseField)}, which the transition graph needs";
    }

    /// <summary>Why moving from <paramref name="current"/> to <paramref name="next"/> is not allowed; null when it is.</summary>
    internal string? CheckTransition(JsonElement? current, JsonElement next)
    {
        if (_phases.Count == 0 || current is not { } previous || PhaseOf(previous) is not { } from || PhaseOf(next) is not { } to
            || string.Equals(from, to, StringComparison.Ordinal))
        {
            // A first save (or one from a state saved before the graph existed) only needs a known phase: CheckDocument.
            return null;
        }

        var allowed = _rules.Transitions.Where(step => step.From == from).Select(step => step.To).ToList();
        return allowed.Contains(to, StringComparer.Ordinal)
            ? null
            : $"cannot go from {from} to {to}; allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}";
    }

    private string? PhaseOf(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty(_rules.PhaseField, out var phase)
            && phase.ValueKind == JsonValueKind.String
            ? phase.GetString()
            : null;

    /// <summary>The first failing check with an error, as "at PATH: MESSAGE" (the path "" is the document itself).</summary>
    private static string SchemaFailure(EvaluationResults results)
    {
        foreach (var detail in results.Details.Prepend(results))
        {
            if (detail.Errors is { Count: > 0 } errors)
            {
                var (keyword, message) = errors.First();
                var path = detail.InstanceLocation.ToString();
                return $"schema: at {(path.Length == 0 ? "/" : path)}: {message} ({keyword})";
            }
        }

        return "schema: the document does not match";
    }
}
