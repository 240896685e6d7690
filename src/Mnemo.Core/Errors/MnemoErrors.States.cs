namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>A state name that does not make a valid key under the states prefix.</summary>
    public static MnemoException BadStateName(string name, string reason) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"state name {UserValue.Quote(name)} cannot be used ({reason}): use letters, digits, '-', '_', '.' and '/' between non-empty parts, e.g. session-42");

    /// <summary>A transition step that is not FROM&gt;TO.</summary>
    public static MnemoException BadTransition(string step) =>
        Fail(MnemoErrorCode.InvalidInput, $"transition {UserValue.Quote(step)} is not FROM>TO: write e.g. planning>executing,executing>reviewing");

    /// <summary>A phase field name that is empty.</summary>
    public static MnemoException BadPhaseField(string field) =>
        Fail(MnemoErrorCode.InvalidInput, $"phase field {UserValue.Quote(field)} is empty: name a top-level string field such as phase");

    /// <summary>A JSON Schema that does not parse as one.</summary>
    public static MnemoException BadStateSchema(string name, string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"the schema for state {UserValue.Quote(name)} is not a JSON Schema ({reason}): give a schema object such as {{\"type\":\"object\"}}");

    /// <summary>A document or transition the state's rules refuse; nothing was written.</summary>
    public static MnemoException StateRefused(string name, string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"state {UserValue.Quote(name)} was not saved: {reason}");

    /// <summary>No saved state under <paramref name="name"/>.</summary>
    public static MnemoException NoState(string name) =>
        Fail(MnemoErrorCode.NotFound, $"no saved state {UserValue.Quote(name)}: save one first with state save");

    /// <summary>A restore with no earlier version valid under the current rules.</summary>
    public static MnemoException NothingToRestore(string name, long current) =>
        Fail(MnemoErrorCode.NotFound,
            $"state {UserValue.Quote(name)} has no version before {current} that is valid under its current rules: save a valid state instead");

    /// <summary>Stored rules that no longer read as rules (written by hand or by another tool).</summary>
    public static MnemoException BadStoredStateRules(string key, string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"the state rules in {UserValue.Quote(key)} cannot be read ({reason}): define them again with state define");
}
