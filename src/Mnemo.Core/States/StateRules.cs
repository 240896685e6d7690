using System.Text.Json;
using Mnemo.Core.Errors;

namespace Mnemo.Core.States;

/// <summary>
/// What every saved version of a state must satisfy (<see cref="MnemoEngine.DefineStateAsync"/>): a JSON Schema, and a
/// graph of the phases its <see cref="PhaseField"/> may move through.
/// </summary>
/// <remarks>
/// A state stays in its phase freely; moving to another phase needs a <see cref="Transitions"/> step. With no
/// transitions, the phase is not checked at all.
/// </remarks>
public sealed record StateRules
{
    /// <summary>The field that holds the phase when none is named.</summary>
    public const string DefaultPhaseField = "phase";

    /// <summary>A JSON Schema (draft 2020-12 unless it says otherwise) every version must match; null for none.</summary>
    public JsonElement? Schema { get; init; }

    /// <summary>The allowed phase changes; empty, any.</summary>
    public IReadOnlyList<StateTransition> Transitions { get; init; } = [];

    /// <summary>The top-level string field of the document that holds the phase. Default <see cref="DefaultPhaseField"/>.</summary>
    public string PhaseField { get; init; } = DefaultPhaseField;

    /// <summary>Parses transitions written as <c>planning&gt;executing,executing&gt;reviewing</c>.</summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: a step is not <c>FROM&gt;TO</c>.</exception>
    public static IReadOnlyList<StateTransition> ParseTransitions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<StateTransition>();
        foreach (var step in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = step.Split('>', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || ends[0].Length == 0 || ends[1].Length == 0)
            {
                throw MnemoErrors.BadTransition(step);
            }

            steps.Add(new StateTransition(ends[0], ends[1]));
        }

        return steps;
    }
}
