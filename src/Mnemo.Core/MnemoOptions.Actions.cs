using System.Globalization;
using Mnemo.Core.Errors;

namespace Mnemo.Core;

public sealed partial class MnemoOptions
{
    /// <summary>The environment variable with <see cref="ActionHistoryLimit"/> (a positive whole number of actions).</summary>
    public const string ActionHistoryVariable = "MNEMO_ACTION_HISTORY";

    /// <summary>The environment variable that turns <see cref="RecordActions"/> on (the default) or off.</summary>
    public const string RecordActionsVariable = "MNEMO_RECORD_ACTIONS";

    /// <summary>
    /// Whether the engine keeps the action log that next-action prediction learns from: Mnemo's own CLI commands and MCP
    /// tool calls, and the events agents log (<see cref="MnemoEngine.RecordActionAsync"/>). Default true
    /// (<c>MNEMO_RECORD_ACTIONS</c>: on or off). Off, nothing is added and prediction uses the actions already kept.
    /// </summary>
    public bool RecordActions { get; set => field = Unfrozen(value); } = true;

    /// <summary>
    /// The most actions the store's action log keeps, from every process; each recorded action trims the oldest beyond it.
    /// Default 100,000 (<c>MNEMO_ACTION_HISTORY</c>).
    /// </summary>
    public int ActionHistoryLimit { get; set => field = Unfrozen(value); } = 100_000;

    /// <summary>Reads <see cref="RecordActionsVariable"/> and <see cref="ActionHistoryVariable"/>.</summary>
    private void ReadActions(Func<string, string?> getVariable)
    {
        if (Text(getVariable, RecordActionsVariable) is { } record)
        {
            RecordActions = record.Trim().ToLowerInvariant() switch
            {
                "on" or "true" or "1" => true,
                "off" or "false" or "0" => false,
                _ => throw Invalid($"{RecordActionsVariable}={UserValue.Quote(record)} is neither on nor off: use on (the default) or off"),
            };
        }

        if (Text(getVariable, ActionHistoryVariable) is { } history)
        {
            ActionHistoryLimit = int.TryParse(history, NumberStyles.None, CultureInfo.InvariantCulture, out var actions) && actions > 0
                ? actions
                : throw Invalid($"{ActionHistoryVariable}={UserValue.Quote(history)} is not a positive whole number of actions: use e.g. 100000, or unset it");
        }
    }
}
